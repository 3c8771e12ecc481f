/**
 * HS256 signing over JSON text exactly as a generator wrote it (PyJWT's `1795912284.0`, key
 * order), which JSON.stringify of an object cannot reproduce. Node only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
export const HS256_HEADER_JSON = '{"alg":"HS256","typ":"JWT"}';

export function signJsonText(headerJson: string, payloadJson: string, secret: string): string {
  const input = `${b64u(headerJson)}.${b64u(payloadJson)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The HMAC of `head.body` with `secret` equals the third segment (constant time). */
export function hmacMatches(token: string, secret: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  let given: Buffer;
  try {
    given = Buffer.from(parts[2]!, 'base64url');
  } catch {
    return false;
  }
  return given.length === expected.length && timingSafeEqual(given, expected);
}
