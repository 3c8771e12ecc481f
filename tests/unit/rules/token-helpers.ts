/**
 * The one test-token kit. Real tokens for rule tests: signed with jose exactly as a Node backend
 * would (SignJWT), or from hand-written JSON text when the literal matters (`1795912284.0`), or
 * hand-built from segments (`b64u`, `SIG`) when the shape itself is the mistake. SECRET is the
 * secret as a developer pastes it (a string); `secretBytes()` is what jose signs with.
 */
import { CompactSign, SignJWT } from 'jose';
import type { DecodedToken } from '../../../lib/token/types';
import { decodeSignature } from '../../../lib/token/decode';
import type { Finding, Rule, RuleContext } from '../../../lib/rules/types';

export const KEY = 'abcDEF123ghiJKL456mno';
export const SECRET = 'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3t12';
/** The meeting every sample token is for (its `mn`). */
export const MEETING = '123456789';
/** A fixed join time, 2026-11-29T00:31:24Z. */
export const JOIN_TIME = 1795912284;
/** The join time under its shorter name. */
export const NOW = JOIN_TIME;
export const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** A real HS256 signature part, for hand-built tokens whose HMAC does not matter. */
export const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

const encoder = new TextEncoder();

/** The HMAC key jose signs with: the UTF-8 bytes of the secret. */
export const secretBytes = (secret = SECRET) => encoder.encode(secret);

/** The auth sample's payload (signature-facts §5), issued 0 s before the join. */
export function samplePayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = JOIN_TIME;
  const base: Record<string, unknown> = {
    appKey: KEY,
    sdkKey: KEY,
    mn: MEETING,
    role: 0,
    iat,
    exp: iat + 7200,
    tokenExp: iat + 7200,
  };
  const out = { ...base, ...overrides };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
}

/** The auth sample's payload issued at `iatSec` (exp and tokenExp two hours on), for sessions of many tokens. */
export function payloadIssuedAt(iatSec: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return samplePayload({ iat: iatSec, exp: iatSec + 7200, tokenExp: iatSec + 7200, ...overrides });
}

export async function signClaims(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretBytes(secret));
}

/** The auth sample's token with `claims` over its payload, under any protected header. */
export function sampleSignature(claims: Record<string, unknown> = {}, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): Promise<string> {
  return new SignJWT(samplePayload(claims)).setProtectedHeader(header as { alg: string }).sign(secretBytes());
}

/** Signs a payload given as raw JSON text, so literals such as `1795912284.0` survive. */
export async function signJson(payloadJson: string, secret = SECRET): Promise<string> {
  return new CompactSign(encoder.encode(payloadJson))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secretBytes(secret));
}

/** Decodes with the project's decoder, exactly as the analyser does. */
export function decode(token: string): DecodedToken {
  return decodeSignature(token);
}

export async function tokenFor(overrides: Record<string, unknown> = {}): Promise<DecodedToken> {
  return decode(await signClaims(samplePayload(overrides)));
}

export async function tokenFromJson(payloadJson: string): Promise<DecodedToken> {
  return decode(await signJson(payloadJson));
}

/** A token the decoder could not read: the rules here must stay silent and leave it to token-malformed. */
export function undecodable(): DecodedToken {
  return decodeSignature('not a token');
}

export function run(rule: Rule, token: DecodedToken, ctx: Partial<RuleContext> = {}): Finding[] {
  return rule.check({ token, ...ctx });
}

/** Decodes any input (a token, junk, a non-string) as the analyser does and runs one rule on it. */
export function check(rule: Rule, input: unknown, ctx: Omit<RuleContext, 'token'> = {}): Finding[] {
  return rule.check({ ...ctx, token: decodeSignature(input) });
}
