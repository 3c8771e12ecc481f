/**
 * The hook caps page strings at MAX_CAPTURED_STRING, but through the page's own JSON.parse: a page
 * that replaced it got a 60 KB signature stored (issue 20 §1). The same cap holds again at the
 * relay and the background, on every string of every hook event: a signature over it refuses the
 * event (counted as too-large: a cut token would be judged as another token), free-form data is
 * cut and marked.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_CHARS, MAX_CAPTURED_DEPTH, MAX_CAPTURED_STRING, TRUNCATED_MARK } from '../../../lib/protocol/limits';
import type { HookEvent } from '../../../lib/protocol/messages';
import { boundFree, checkHookEvent, checkRelayMessage, parseHookMessage } from '../../../lib/protocol/validate';
import { encodeHookMessage } from '../../../lib/protocol/hook-wire';
import { batch } from '../capture/fixtures';

const BIG = 'A'.repeat(60 * 1000);
/** What the hook posts for `e` (lib/protocol/hook-wire.ts), were its own cap defeated. */
const hook = (e: unknown) => encodeHookMessage(e as HookEvent);

describe('string caps re-checked at the relay and the background', () => {
  it('a 60 KB signature in a join (the hook cap bypassed through JSON.parse) is refused as too-large', () => {
    const r = parseHookMessage(hook({ t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: BIG, mn: null, sdkKey: null, at: 1 }), { id: 'x', coi: false, o: 0 });
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    expect(checkHookEvent({ t: 'sig', id: 'x:1', sig: BIG, at: 1 })).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('a signature at the cap is taken whole', () => {
    const sig = 'A'.repeat(MAX_CAPTURED_STRING);
    expect(checkHookEvent({ t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig, at: 1 })).toMatchObject({ ok: true, value: { sig } });
  });

  it('free-form data (callback result, Zoom answer, a non-string signature, the topic) is cut and marked', () => {
    const settle = checkHookEvent({ t: 'settle', id: 'x:1', ok: false, res: { errorMessage: BIG, nested: [BIG] }, at: 1 });
    expect(settle.ok).toBe(true);
    const res = (settle as { value: { res: { errorMessage: string; nested: string[] } } }).value.res;
    expect(res.errorMessage).toHaveLength(MAX_CAPTURED_STRING);
    expect(res.errorMessage.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(res.nested[0]).toHaveLength(MAX_CAPTURED_STRING);
    const wire = checkHookEvent({ t: 'wire-res', id: 'w:1', http: 200, body: { status: false, errorMessage: BIG }, at: 1 });
    expect((wire as { value: { body: { errorMessage: string } } }).value.body.errorMessage).toHaveLength(MAX_CAPTURED_STRING);
    const call = checkHookEvent({ t: 'call', id: 'x:1', method: 'video.join', sig: { token: BIG }, tp: BIG, at: 1 });
    expect((call as { value: { sig: { token: string }; tp: string } }).value.sig.token).toHaveLength(MAX_CAPTURED_STRING);
    expect((call as { value: { tp: string } }).value.tp).toHaveLength(MAX_CAPTURED_STRING);
  });

  it('cutting twice changes nothing (the relay cuts, the background checks the same event again)', () => {
    const once = boundFree({ a: BIG });
    expect(boundFree(once)).toEqual(once);
  });

  it('nesting past the depth limit is replaced, not walked; a key named __proto__ stays data', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 1000; i++) deep = [deep];
    let v = boundFree(deep);
    for (let i = 0; i < MAX_CAPTURED_DEPTH; i++) v = (v as unknown[])[0];
    expect(v).toBe('[too deep]');
    const proto = boundFree(JSON.parse('{"__proto__": {"polluted": 1}}')) as Record<string, unknown>;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the background refuses a batch whose events together are over MAX_BATCH_CHARS, and any event over the message cap', () => {
    const fat = (i: number): HookEvent => ({ t: 'settle', id: `x:${i}`, ok: false, res: 'r'.repeat(15_000), at: 1 });
    const many = Array.from({ length: Math.ceil(MAX_BATCH_CHARS / 15_000) + 1 }, (_, i) => fat(i));
    expect(checkRelayMessage(batch(many))).toMatchObject({ ok: false, reason: 'too-large', detail: 'batch' });
    const one: HookEvent = { t: 'settle', id: 'x:1', ok: false, res: Array.from({ length: 8 }, () => 'r'.repeat(10_000)), at: 1 };
    expect(checkRelayMessage(batch([one]))).toMatchObject({ ok: false, reason: 'too-large', detail: 'event' });
  });
});
