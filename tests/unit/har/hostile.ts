/**
 * A HAR written to stall the reader: every body a scan reads is a near-match of what it looks
 * for. The signature endpoint answers `eyJeyJeyJ…` (a JWT that never gets its dots), Zoom's answer
 * carries an error message of name characters with no `@` (an e-mail that never comes), and the
 * JSONP retry's body is `cb()` and spaces. Shared by the linear-time tests and `npm run bench:scan`.
 */
import { entry, har, unsignedJwt } from './helpers';

export const HOSTILE_TOKEN = unsignedJwt({ appKey: 'abcDEF123ghiJKL456mno', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484 });

/** `chars` characters of JWT-like, e-mail-like and JSONP-like near-matches in one HAR. */
export function hostileHar(chars: number): string {
  const jwtLike = 'eyJ'.repeat(Math.ceil(chars / 3)).slice(0, chars);
  const emailLike = 'a'.repeat(chars);
  const form = new URLSearchParams({ meetingNumber: '123456789', signature: HOSTILE_TOKEN, apiKey: 'abcDEF123ghiJKL456mno', cv: '6.2.0' }).toString();
  return har([
    entry({ at: '2026-11-29T00:31:20.000Z', url: 'https://app.example/api/signature', body: jwtLike }),
    entry({ at: '2026-11-29T00:31:21.000Z', url: 'https://app.example/api/signature', body: JSON.stringify({ signature: HOSTILE_TOKEN }) }),
    entry({
      at: '2026-11-29T00:31:24.000Z',
      method: 'POST',
      url: 'https://zoom.us/api/v1/wc/info',
      post: form,
      status: 500,
      body: '',
    }),
    entry({
      at: '2026-11-29T00:31:25.000Z',
      url: `https://zoom.us/api/v1/wc/info?${form}&callback=zoomsdkjsonpcallback1`,
      body: `zoomsdkjsonpcallback1(${JSON.stringify({ status: false, errorCode: 200, errorMessage: emailLike })})${' '.repeat(chars)}x`,
    }),
    entry({
      at: '2026-11-29T00:31:26.000Z',
      method: 'POST',
      url: 'https://zoom.us/api/v1/wc/info',
      post: form,
      body: JSON.stringify({ status: false, errorCode: 200, errorMessage: emailLike }),
    }),
  ]);
}
