import { describe, expect, it } from 'vitest';
import { sdkCodeForAnswer } from '../../../lib/zoom/wc-info-codes';

const sdkCodeForWcInfo = (code: number | null, message: string | null) => sdkCodeForAnswer(code, message, 'client-view');
import { findMeetingSdkJwt, isZoomHost } from '../../../lib/zoom/issuance';
import { clockSample, type ZoomExchange } from '../../../lib/zoom/zoom-clock';
import { GOOD, jwt } from './fixtures';

describe("reading Zoom's wc/info answer like the 6.2.0 SDK does", () => {
  it('"Invalid signature." with server code 200 is 3712', () => {
    expect(sdkCodeForWcInfo(200, 'Invalid signature.')).toEqual({ code: 3712, message: 'Signature is invalid.' });
  });
  it('an expired signature is 3705 and an unknown message the generic 1', () => {
    expect(sdkCodeForWcInfo(200, 'The signature has expired.').code).toBe(3705);
    expect(sdkCodeForWcInfo(200, 'Something new').code).toBe(1);
  });
  it('meeting-not-found server code 3001 is remapped to 3610', () => {
    expect(sdkCodeForWcInfo(3001, 'Meeting does not exist').code).toBe(3610);
  });
  it('Zoom retiring the SDK version (server 3000 "The current sdk version is no longer supported…") is 10000 in both views, not the generic code', () => {
    const said = 'The current sdk version is no longer supported, please upgrade to the latest version.';
    expect(sdkCodeForWcInfo(3000, said).code).toBe(10000);
    expect(sdkCodeForAnswer(3000, said, 'component-view').code).toBe(10000);
  });
});

describe('issuance capture', () => {
  it('finds the signature in a JSON response of the auth endpoint sample', () => {
    expect(findMeetingSdkJwt(JSON.stringify({ signature: GOOD, sdkKey: 'K' }))).toBe(GOOD);
  });
  it("a hand-rolled PHP signer (base64_encode, so `/` in the token; json_encode writes it `\\/`): the token as the page's JSON.parse reads it", () => {
    const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
    // A signature segment with `/` in it, as standard base64 of an HMAC often has.
    const token = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"appKey":"K","mn":123456789,"role":0,"iat":1795912284,"exp":1795919484}')}.ab/cd+ef/gh=`;
    const phpBody = JSON.stringify({ signature: token }).replaceAll('/', '\\/');
    expect(phpBody).toContain('\\/');
    expect(findMeetingSdkJwt(phpBody)).toBe((JSON.parse(phpBody) as { signature: string }).signature);
  });
  it('ignores a REST API / OAuth JWT that is not a Meeting SDK signature', () => {
    expect(findMeetingSdkJwt(JSON.stringify({ access_token: jwt({ iss: 'x', aud: 'zoom', exp: 1 }) }))).toBeNull();
  });
  it('treats zoom.us subdomains and zoomgov.com as Zoom, and lookalikes not', () => {
    expect(isZoomHost('zoom.us')).toBe(true);
    expect(isZoomHost('us05web.zoom.us')).toBe(true);
    expect(isZoomHost('api.zoomgov.com')).toBe(true);
    expect(isZoomHost('notzoom.us')).toBe(false);
    expect(isZoomHost('zoom.us.evil.example')).toBe(false);
  });
  const answer = (date: string | null, startedAt: number, totalMs: number): ZoomExchange => ({
    host: 'zoom.us', method: 'POST', status: 200, startedAt, waitStartMs: 0, waitMs: 0, totalMs, date, age: null, fromCache: false,
  });
  it('a Zoom Date header 30 s ahead of our clock gives an offset of about +30 s', () => {
    const started = Date.parse('2026-11-29T03:00:00.000Z');
    const r = clockSample(answer('Sun, 29 Nov 2026 03:00:30 GMT', started, 200));
    expect(r.ok && r.sample.offsetMs).toBe(30_000 + 500 - 100);
  });
  it('no or garbage Date header gives no offset', () => {
    expect(clockSample(answer(null, 0, 0))).toEqual({ ok: false, reason: 'no-date' });
    expect(clockSample(answer('yesterday-ish', 0, 0))).toEqual({ ok: false, reason: 'no-date' });
  });
});
