/** Meeting SDK signatures for browser tests (HS256 with a made-up secret; Zoom is never reached). */
import { createHmac } from 'node:crypto';

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export function signJwt(payload: Record<string, unknown>, secret = 'e2e-secret-not-real'): string {
  const head = b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64u(JSON.stringify(payload));
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

export const MEETING_NUMBER = '123456789';

/** What the auth endpoint sample issues (appKey + sdkKey, mn, role 0, 2 h). */
export function sampleSignature(over: Record<string, unknown> = {}): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ appKey: 'e2eAppKey', sdkKey: 'e2eAppKey', mn: MEETING_NUMBER, role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200, ...over });
}

/** Neither appKey nor sdkKey: 6.x refuses client-side without a request or callback. */
export function signatureWithoutAppKey(): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ mn: MEETING_NUMBER, role: 0, iat, exp: iat + 7200 });
}
