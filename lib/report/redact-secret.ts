/**
 * Removes a secret the user gave (the panel's session secret, `check --secret-env`) from anything
 * about to leave the tool. A backend with key and secret swapped puts the secret in the token's
 * appKey claim, so the decoded payload, the messages that quote it, and even the payload segment
 * of a "redacted" signature (base64url of that JSON) would carry a permanent credential into a
 * ticket. Strings are rewritten; a token segment that decodes to text containing it is replaced.
 */
import { decodeSegment } from '../token/base64';

export const SECRET_PLACEHOLDER = '<redacted-secret>';

/** Shorter strings would match too much by accident; real SDK secrets are 32 characters. */
const MIN_SECRET_LENGTH = 6;

function scrub(s: string, secret: string): string {
  let out = s.split(secret).join(SECRET_PLACEHOLDER);
  if (out.includes('.')) {
    out = out.replace(/[A-Za-z0-9_-]{8,}/g, (seg) => {
      const d = decodeSegment(seg, false);
      return d.ok && d.text.includes(secret) ? SECRET_PLACEHOLDER : seg;
    });
  }
  return out;
}

export function redactKnownSecret<T>(value: T, secret: string): T {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v, secret);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[scrub(k, secret)] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
