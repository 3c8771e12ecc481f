/** Tokens for the token-level rule tests, decoded by the project's real decoder. */
import { SignJWT } from 'jose';
import { decodeSignature } from '../../../lib/token/decode';
import type { Finding, Rule, RuleContext } from '../../../lib/rules/types';

export const SECRET = new TextEncoder().encode('S3cr3tS3cr3tS3cr3tS3cr3tS3cr3t12');
export const KEY = 'abcDEF123ghiJKL456mno';
export const NOW = 1795912284;
export const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** A real HS256 signature part, for hand-built tokens whose HMAC does not matter. */
export const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

export function sampleSignature(claims: Record<string, unknown> = {}, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }) {
  const payload = { appKey: KEY, sdkKey: KEY, mn: '123456789', role: 0, iat: NOW, exp: NOW + 7200, tokenExp: NOW + 7200, ...claims };
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(SECRET);
}

export function check(rule: Rule, input: unknown, ctx: Omit<RuleContext, 'token'> = {}): Finding[] {
  return rule.check({ ...ctx, token: decodeSignature(input) });
}
