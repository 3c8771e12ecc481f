import { describe, expect, it } from 'vitest';
import {
  checkBackgroundMessage,
  checkDevtoolsMessage,
  checkPanelMessage,
  checkRelayMessage,
  classifyWindowMessage,
  parseHookMessage,
} from '../../../lib/protocol/validate';
import { MAX_EVENTS_PER_BATCH, MAX_HOOK_MESSAGE_CHARS } from '../../../lib/protocol/limits';
import { encodeHookMessage, HOOK_WIRE_VERSION, WIRE_CALL, WIRE_RWG } from '../../../lib/protocol/hook-wire';
import type { HookEvent } from '../../../lib/protocol/messages';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';
import { batch } from '../capture/fixtures';

/** What the hook posts for `e`, in document 'x' (lib/protocol/hook-wire.ts). */
const hook = (e: unknown, version?: number) => encodeHookMessage(e as HookEvent, version);
/** A message as the hook's tuples, written by hand (what no well-formed event encodes to). */
const tuple = (event: unknown[], at: unknown = 1, version: unknown = HOOK_WIRE_VERSION) => JSON.stringify([version, event, at]);
const DOC = { id: 'x', coi: false, o: 0 };
const call = { t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: 'a.b.c', mn: null, sdkKey: null, at: 1 };

describe('hook → relay messages', () => {
  it('accepts a well-formed join call', () => {
    expect(parseHookMessage(hook(call), DOC)).toMatchObject({ ok: true, value: { t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: 'a.b.c' } });
  });
  it('a 10 MB message is refused as too large before it is parsed', () => {
    const r = parseHookMessage('x'.repeat(10 * 1024 * 1024), DOC);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('a hook from an older extension version is refused as wrong-version, not misread', () => {
    expect(parseHookMessage(hook(call, 1), DOC)).toMatchObject({ ok: false, reason: 'wrong-version' });
  });
  it('garbage, unknown event types and missing fields are refused with a reason', () => {
    expect(parseHookMessage('{not json', DOC)).toMatchObject({ ok: false, reason: 'not-json' });
    expect(parseHookMessage(tuple([99]), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage(hook({ ...call, method: 'eval' }), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage(hook({ ...call, at: 'now' }), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage({ e: call }, DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    // A join's id is the hook's count, its fields JSON text: anything else is no message of the hook's.
    expect(parseHookMessage(tuple([WIRE_CALL, 'x:1', 'ZoomMtg.join', '"a.b.c"', null, null, '{}']), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage(tuple([WIRE_CALL, 1, 'ZoomMtg.join', '{not json', null, null, '{}']), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage(tuple([WIRE_CALL, 1, 'ZoomMtg.join', '"a.b.c"']), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
  });
  it('the meeting-server events: the RWG socket opened (res null) or its integer join answer; anything else is refused', () => {
    expect(parseHookMessage(hook({ t: 'rwg', res: null, at: 1 }), DOC)).toMatchObject({ ok: true, value: { t: 'rwg', res: null } });
    expect(parseHookMessage(hook({ t: 'rwg', res: 6601, at: 1 }), DOC)).toMatchObject({ ok: true, value: { t: 'rwg', res: 6601 } });
    expect(parseHookMessage(hook({ t: 'rwg', res: '6601', at: 1 }), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage(hook({ t: 'rwg', res: 1.5, at: 1 }), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(parseHookMessage(hook({ t: 'rwg', at: 1 }), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    // The hook matches `"evt":4098` as text: a message where it is not the message's own evt records nothing.
    expect(parseHookMessage(tuple([WIRE_RWG, JSON.stringify({ evt: 7, body: { note: '"evt":4098' } })]), DOC)).toEqual({ ok: true, value: null });
  });
});

describe('window messages a hostile page posts', () => {
  it('anything with our marker is forged (the real hook never posts window messages)', () => {
    expect(classifyWindowMessage({ source: SOURCE.hook, v: 1, e: call })).toBe('forged');
    expect(classifyWindowMessage({ source: SOURCE.relay })).toBe('forged');
    expect(classifyWindowMessage(JSON.stringify({ source: SOURCE.hook }))).toBe('forged');
  });
  it('an oversized one is counted as too large', () => {
    expect(classifyWindowMessage({ source: SOURCE.hook, pad: 'x'.repeat(MAX_HOOK_MESSAGE_CHARS) })).toBe('too-large');
  });
  it("the page's own unrelated messages (and WXT's) are none of our business", () => {
    expect(classifyWindowMessage({ type: 'wxt:content-script-started' })).toBeNull();
    expect(classifyWindowMessage('hello')).toBeNull();
    expect(classifyWindowMessage(null)).toBeNull();
  });
});

describe('relay → background batches', () => {
  it('accepts a batch of valid events', () => {
    expect(checkRelayMessage(batch([call as never])).ok).toBe(true);
  });
  it('refuses a batch with one bad event, or too many events', () => {
    expect(checkRelayMessage(batch([{ t: 'call' } as never])).ok).toBe(false);
    const many = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => call as never);
    expect(checkRelayMessage(batch(many))).toMatchObject({ ok: false, reason: 'too-large' });
  });
  it('refuses negative or non-numeric counters', () => {
    expect(checkRelayMessage(batch([], { rejected: { forged: -1 } })).ok).toBe(false);
  });
});

describe('devtools, panel and background messages', () => {
  const base = (source: string) => ({ source, v: PROTOCOL_VERSION });
  it('issuance needs a URL, a token and a time', () => {
    expect(checkDevtoolsMessage({ ...base(SOURCE.devtools), type: 'issuance', tabId: 1, issuance: { url: 'u', token: 't', receivedAt: 1, serverDate: null } }).ok).toBe(true);
    expect(checkDevtoolsMessage({ ...base(SOURCE.devtools), type: 'issuance', tabId: 1, issuance: { url: 'u' } }).ok).toBe(false);
    expect(checkDevtoolsMessage({ ...base(SOURCE.devtools), type: 'clock', tabId: 1, offsetMs: NaN, host: 'zoom.us', at: 1 }).ok).toBe(false);
  });
  it('panel commands', () => {
    expect(checkPanelMessage({ ...base(SOURCE.panel), type: 'set-preserve-log', tabId: 3, on: true }).ok).toBe(true);
    expect(checkPanelMessage({ ...base(SOURCE.panel), type: 'set-preserve-log', tabId: 3, on: 'yes' }).ok).toBe(false);
    expect(checkPanelMessage({ ...base(SOURCE.relay), type: 'clear', tabId: 3 }).ok).toBe(false);
  });
  it('the panel refuses a snapshot whose attempts are malformed', () => {
    const snapshot = { tabId: 1, pageUrl: null, preserveLog: false, attempts: [{ id: 'a' }], stats: { dropped: 0 }, issuances: [], clock: null };
    expect(checkBackgroundMessage({ ...base(SOURCE.background), type: 'snapshot', tabId: 1, snapshot }).ok).toBe(false);
    const ok = { ...snapshot, attempts: [{ id: 'a', api: 'wire', calledAt: 1, outcome: { kind: 'pending' }, signature: null }] };
    expect(checkBackgroundMessage({ ...base(SOURCE.background), type: 'snapshot', tabId: 1, snapshot: ok }).ok).toBe(true);
  });
});
