/**
 * The page hook sends raw facts as tuples (lib/protocol/hook-wire.ts) so that it fits its byte
 * budget; the relay reads them. What the relay makes of each must be what the hook used to send
 * as typed events: the same fields for every join, request and answer, and nothing a page could
 * slip past validation.
 */
import { describe, expect, it } from 'vitest';
import { decodeHookMessage, encodeHookMessage, HOOK_WIRE_VERSION, RAW_FUNCTION, RAW_TOO_LARGE, RAW_UNREADABLE, WIRE_CALL, WIRE_REQ, WIRE_RES } from '../../../lib/protocol/hook-wire';
import type { HookEvent } from '../../../lib/protocol/messages';
import { parseHookMessage } from '../../../lib/protocol/validate';
import { MAX_CAPTURED_STRING } from '../../../lib/protocol/limits';
import { GOOD } from '../capture/fixtures';

const DOC = { id: 'doc', coi: true, o: 1_700_000_000_000 };
const AT = 1_700_000_000_500;
/** A message as the hook writes it. */
const tuple = (event: unknown[]) => JSON.stringify([HOOK_WIRE_VERSION, event, AT]);
const read = (detail: string) => {
  const c = parseHookMessage(detail, DOC);
  if (!c.ok) throw new Error(`refused: ${c.reason} ${c.detail ?? ''}`);
  return c.value as unknown as Record<string, unknown>;
};

describe('what the relay reads from the hook', () => {
  it('every event the hook sends reads back as the typed event it stands for', () => {
    const events: HookEvent[] = [
      { t: 'call', id: 'doc:1', method: 'ZoomMtg.init', sig: null, at: AT },
      { t: 'call', id: 'doc:2', method: 'client.join', sig: GOOD, mn: '123456789', sdkKey: null, tp: null, at: AT },
      // The positional Video SDK join has no options object: no argument facts.
      { t: 'call', id: 'doc:3', method: 'video.join', sig: GOOD, mn: null, sdkKey: null, tp: 'My Topic', args: null, at: AT },
      { t: 'settle', id: 'doc:2', ok: false, res: { type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 }, at: AT },
      { t: 'sig', id: 'doc:4', sig: GOOD, at: AT },
      { t: 'wire-req', id: 'doc:5', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', tp: null, at: AT },
      { t: 'wire-req', id: 'doc:6', via: 'jsonp', url: `https://zoom.us/api/v1/wc/info?meetingNumber=123456789&signature=${GOOD}&cv=5.1.4&callback=zoomsdkjsonpcallback1`, sig: GOOD, mn: '123456789', cv: '5.1.4', tp: null, at: AT },
      { t: 'wire-res', id: 'doc:5', http: 200, body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' }, at: AT },
      { t: 'rwg', res: null, at: AT },
      { t: 'rwg', res: 4011, at: AT },
      { t: 'hook-error', n: 3, at: AT },
      { t: 'page', coi: true, o: DOC.o, at: AT },
    ];
    for (const e of events) expect(read(encodeHookMessage(e))).toEqual(e);
  });

  it("ids are the hook's count in its document, made the relay's own; an id of any other shape is no message of the hook's", () => {
    expect(read(tuple([WIRE_CALL, 7, 'ZoomMtg.init']))).toMatchObject({ id: 'doc:7' });
    for (const id of ['doc:7', 0, -1, 1.5, null]) expect(decodeHookMessage(tuple([WIRE_CALL, id, 'ZoomMtg.init']), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
  });

  it('a join whose options hold a passcode reaches the relay as masked facts, its meeting number and key read from the options the page passed', () => {
    const options = JSON.stringify({ meetingNumber: 123456789, sdkKey: 'K', passWord: 'Pa%40ss', signature: GOOD, zak: 'ZAK-SECRET' });
    const e = read(tuple([WIRE_CALL, 1, 'ZoomMtg.join', JSON.stringify(GOOD), '123456789', '"K"', options]));
    expect(e).toMatchObject({ sig: GOOD, mn: 123456789, sdkKey: 'K', args: { from: 'call', keys: ['meetingNumber', 'passWord', 'sdkKey', 'signature', 'zak'] } });
    expect(JSON.stringify(e)).not.toContain('ZAK-SECRET');
    expect(JSON.stringify(e)).not.toContain('Pa%40ss');
  });

  it("what the hook could not serialise keeps its old marker: a signature function, a getter that threw, a 60 KB signature", () => {
    const e = read(tuple([WIRE_CALL, 1, 'ZoomMtg.join', RAW_FUNCTION, RAW_UNREADABLE, null, RAW_TOO_LARGE]));
    expect(e).toMatchObject({ sig: '[function]', mn: '[unreadable]', sdkKey: null, args: null });
    expect(decodeHookMessage(tuple([WIRE_CALL, 1, 'ZoomMtg.join', 9, null, null, null]), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
  });

  it('an XHR join request: the SDK form body gives signature (or the Video SDK zlk), meeting number, version and topic; a body that is no string gives none', () => {
    const body = new URLSearchParams({ meetingNumber: '123456789', userName: 'Ada', passWord: 'secret', signature: GOOD, cv: '6.2.0' }).toString();
    expect(read(tuple([WIRE_REQ, 1, 'https://zoom.us/api/v1/wc/info', JSON.stringify(body)]))).toEqual({ t: 'wire-req', id: 'doc:1', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', tp: null, at: AT });
    const lsdk = new URLSearchParams({ zlk: GOOD, topic: 'bXkgdG9waWM', cv: '2.5.0' }).toString();
    expect(read(tuple([WIRE_REQ, 2, 'https://zoom.us/wc/lsdk', JSON.stringify(lsdk)]))).toMatchObject({ via: 'xhr', sig: GOOD, tp: 'bXkgdG9waWM', cv: '2.5.0' });
    expect(read(tuple([WIRE_REQ, 3, 'https://zoom.us/api/v1/wc/info', false]))).toMatchObject({ via: 'xhr', sig: null, mn: null, cv: null, tp: null });
  });

  it('a request body over the cap (a signature over 16 KB in it) is a too-large signature, never a cut one', () => {
    expect(read(tuple([WIRE_REQ, 1, 'https://zoom.us/api/v1/wc/info', RAW_TOO_LARGE]))).toMatchObject({ sig: '[too large]', mn: null });
    const sig = 'A'.repeat(MAX_CAPTURED_STRING);
    expect(read(tuple([WIRE_REQ, 2, 'https://zoom.us/api/v1/wc/info', JSON.stringify(`signature=${sig}`)]))).toMatchObject({ sig: '[too large]' });
  });

  it("Zoom's answer gives status, errorCode and errorMessage (absent ones null); an answer that was no JSON (a proxy's 502 page) or none at all is an answer without a body", () => {
    // What the hook's JSON.stringify with its three keys writes of Zoom's refusal.
    const refused = JSON.stringify({ status: false, errorCode: 200, errorMessage: 'Invalid signature.', result: { a: 1 } }, ['status', 'errorCode', 'errorMessage']);
    expect(read(tuple([WIRE_RES, 1, 200, refused]))).toEqual({ t: 'wire-res', id: 'doc:1', http: 200, body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' }, at: AT });
    expect(read(tuple([WIRE_RES, 1, null, JSON.stringify({ status: true })]))).toMatchObject({ http: null, body: { status: true, errorCode: null, errorMessage: null } });
    expect(read(tuple([WIRE_RES, 1, 502, null]))).toMatchObject({ http: 502, body: null });
    expect(read(tuple([WIRE_RES, 1, 0, RAW_TOO_LARGE]))).toMatchObject({ http: 0, body: null });
    for (const body of [{ status: true }, '<html>', 7]) expect(decodeHookMessage(tuple([WIRE_RES, 1, 200, body]), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
  });

  it('messages that are not [version, event, at] are refused with a reason, the largest before they are parsed', () => {
    expect(decodeHookMessage('x'.repeat(70_000), DOC)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(decodeHookMessage(JSON.stringify({ source: 'join-doctor/hook', v: 1, e: { t: 'call' } }), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
    expect(decodeHookMessage(JSON.stringify([1, [WIRE_CALL, 1, 'ZoomMtg.init'], AT]), DOC)).toMatchObject({ ok: false, reason: 'wrong-version' });
    expect(decodeHookMessage(JSON.stringify([HOOK_WIRE_VERSION, [WIRE_CALL, 1, 'ZoomMtg.init']]), DOC)).toMatchObject({ ok: false, reason: 'bad-shape' });
  });
});
