/**
 * The hook sends the page's join-argument object; the relay's validation is the first trusted
 * boundary and the last place a passcode, zak, obfToken or tk exists: what it passes on (and
 * what the background stores and exports) has only key names and the passcode's shape.
 */
import { describe, expect, it } from 'vitest';
import { checkHookEvent, parseHookMessage } from '../../../lib/protocol/validate';
import { encodeHookMessage } from '../../../lib/protocol/hook-wire';
import type { HookEvent } from '../../../lib/protocol/messages';

const ARGS = { meetingNumber: '123456789', userName: 'Ada', passWord: 'Pa%40ss', zak: 'ZAK-SECRET', obfToken: 'OBF-SECRET', tk: 'TK-SECRET', signature: 'a.b.HMAC-SECRET' };
const call = (a: unknown) => ({ t: 'call', id: 'n:1', method: 'ZoomMtg.join', sig: 'a.b.HMAC-SECRET', mn: '123456789', a, at: 1 });

describe('join arguments at the relay boundary', () => {
  it('a hooked join with passcode, zak, obfToken and tk leaves the relay as masked facts only', () => {
    const c = parseHookMessage(encodeHookMessage({ ...call(ARGS), sdkKey: null } as HookEvent), { id: 'n', coi: false, o: 0 });
    expect(c.ok).toBe(true);
    const e = c.ok ? (c.value as unknown as Record<string, unknown>) : {};
    expect('a' in e).toBe(false);
    expect(e.args).toEqual({ from: 'call', keys: ['meetingNumber', 'obfToken', 'passWord', 'signature', 'tk', 'userName', 'zak'], passcodeShape: { length: 7, percentEncoded: true, edgeSpaces: false, innerSpaces: false } });
    const passed = JSON.stringify(e.args);
    for (const s of ['ZAK-SECRET', 'OBF-SECRET', 'TK-SECRET', 'Pa%40ss', 'HMAC-SECRET']) expect(passed).not.toContain(s);
  });

  it('the background re-validates facts and refuses a forged args shape', () => {
    const masked = checkHookEvent(call(ARGS));
    expect(masked.ok).toBe(true);
    const again = checkHookEvent(masked.ok ? { ...masked.value } : {});
    expect(again.ok).toBe(true);
    const forged = checkHookEvent({ t: 'call', id: 'n:2', method: 'ZoomMtg.join', sig: null, args: { from: 'call', keys: ['x'], passcodeShape: 'Pa55' }, at: 1 });
    expect(forged.ok).toBe(false);
  });

  it('an argument object the hook could not serialise ("[too large]") gives no facts, not a crash', () => {
    const c = checkHookEvent(call('[too large]'));
    expect(c.ok && (c.value as unknown as Record<string, unknown>).args).toBeNull();
  });
});
