import { describe, expect, it } from 'vitest';
import { judgeWcInfo } from '../../../lab/wc-info-judge';
import { LAB_CREDENTIALS as C } from '../../../lab/credentials';
import { HS256_HEADER_JSON, signJsonText } from '../../../lab/jwt';
import { SCENARIOS, javaRoundIat } from '../../../lab/scenarios';

const NOW = Date.UTC(2026, 10, 29, 3, 0, 7, 250);
const nowS = Math.floor(NOW / 1000);
const join = (signature: string, meetingNumber = C.meetingNumber) => judgeWcInfo({ signature, meetingNumber }, C, NOW);
const token = (payload: Record<string, unknown>, secret = C.sdkSecret) => signJsonText(HS256_HEADER_JSON, JSON.stringify(payload), secret);
const good = (over: Record<string, unknown> = {}) =>
  token({ appKey: C.sdkKey, mn: C.meetingNumber, role: 0, iat: nowS - 5, exp: nowS - 5 + 7200, ...over });
const INVALID = { status: false, errorCode: 200, errorMessage: 'Invalid signature.' };

describe('Zoom wc/info stand-in', () => {
  it('accepts what Zoom’s Node sample issues, and stamps its clock in the Date header', () => {
    const a = judgeWcInfo({ signature: SCENARIOS.good.issue(NOW, C, 0), meetingNumber: C.meetingNumber }, C, NOW);
    expect(a.body.status).toBe(true);
    expect(a.date).toBe(new Date(NOW).toUTCString());
  });
  it('answers "Invalid signature." exactly like Zoom when key and secret are swapped', () => {
    expect(join(SCENARIOS.swapped.issue(NOW, C, 0)).body).toEqual(INVALID);
  });
  it('rejects an iat one second in its future (server clock ahead)', () => {
    expect(join(good({ iat: nowS + 1, exp: nowS + 1 + 7200 }))).toMatchObject({ body: INVALID, reason: 'iat is 1 s in the future' });
    expect(join(SCENARIOS['clock-ahead'].issue(NOW, C, 0)).body).toEqual(INVALID);
  });
  it('accepts iat equal to its current second', () => {
    expect(join(good({ iat: nowS, exp: nowS + 7200 })).body.status).toBe(true);
  });
  it('rejects PyJWT float literals (1795912284.0) even though JSON.parse makes them integers', () => {
    const t = signJsonText(HS256_HEADER_JSON, `{"appKey":"${C.sdkKey}","mn":"${C.meetingNumber}","role":0,"iat":${nowS}.0,"exp":${nowS + 7200}}`, C.sdkSecret);
    expect(join(t).reason).toMatch(/iat .*not an integer/);
    expect(join(SCENARIOS['pyjwt-native'].issue(NOW, C, 0)).body).toEqual(INVALID);
  });
  it('enforces the exp window of 1800..172800 s', () => {
    expect(join(good({ exp: nowS - 5 + 1799 })).body).toEqual(INVALID);
    expect(join(good({ exp: nowS - 5 + 1800 })).body.status).toBe(true);
    expect(join(good({ exp: nowS - 5 + 172800 })).body.status).toBe(true);
    expect(join(good({ exp: nowS - 5 + 172801 })).body).toEqual(INVALID);
  });
  it('says the signature has expired when exp has passed', () => {
    expect(join(good({ iat: nowS - 4000, exp: nowS - 2000 })).body.errorMessage).toBe('The signature has expired.');
  });
  it('rejects a token for another meeting (mn vs meetingNumber) and one without mn', () => {
    expect(join(good(), '999999999').body).toEqual(INVALID);
    expect(join(good({ mn: undefined })).reason).toBe('mn is missing');
  });
  it('checks role and appKey', () => {
    expect(join(good({ role: undefined })).body).toEqual(INVALID);
    expect(join(good({ role: 2 })).body.errorMessage).toBe('The role is not applicable.');
    expect(join(good({ appKey: 'someone-else' })).body.errorMessage).toBe('The api key is wrong.');
  });
  it('rejects garbage without throwing', () => {
    for (const s of ['', 'a.b', 'x.y.z', '....', `${good()}x`]) expect(join(s).body).toEqual(INVALID);
  });
});

describe('lab signature endpoints', () => {
  it('Java Math.round(long) quantises iat to 128 s and is in the future for about 27% of moments', () => {
    let future = 0;
    const n = 128 * 40;
    for (let i = 0; i < n; i++) {
      const now = NOW + i * 1000;
      const iat = javaRoundIat(now);
      expect(iat % 128).toBe(0);
      if (iat > Math.floor(now / 1000)) future++;
    }
    expect(future / n).toBeGreaterThan(0.24);
    expect(future / n).toBeLessThan(0.29);
  });
  it('PyJWT-native tokens carry float literals and no mn or role', () => {
    const payload = Buffer.from(SCENARIOS['pyjwt-native'].issue(NOW, C, 0).split('.')[1]!, 'base64url').toString();
    expect(payload).toContain(`"iat":${nowS}.0`);
    expect(payload).not.toMatch(/"mn"|"role"/);
  });
});
