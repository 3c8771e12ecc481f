/**
 * Removes a secret the user gave (the panel's session secret, `check --secret-env`) from anything
 * about to leave the tool: exports, CLI output, the panel's text.
 *
 * What is removed is every form the secret can take there, not only the text as pasted. The rules
 * try the secret trimmed, base64/hex decoded and base64 encoded (lib/verify-secret.ts), so a
 * backend may hold any of those; a secret pasted with a stray space is still found by its trimmed
 * core (matching the untrimmed text let a swapped session's appKey through in every export).
 *
 * Key and secret swapped: the backend puts the secret in the token's appKey (sdkKey) claim. That
 * claim then IS the secret, so it is replaced like any other occurrence: the decoded payload
 * reads `"appKey": "<redacted-secret>"`, messages that quote it lose it, and the token's payload
 * segment (base64url of that JSON) becomes `<redacted-secret>`, in redacted and full-token
 * exports alike: "include full tokens" never includes the secret. The `secret-swapped` finding
 * still names the claim, so the reader knows what was there. (The same happens when the user
 * gave the Client ID as the secret: it cannot be told apart, and hiding a key costs nothing.)
 *
 * After the scrub, `assertSecretFree` checks the finished text (JSON, Markdown, HTML, CSV, a
 * terminal line) once more and refuses it with ERR_SECRET_IN_OUTPUT rather than let a form we
 * did not foresee leave.
 */
import { JoinDoctorError } from '../errors';
import { base64Bytes, bytesToBase64, decodeSegment } from '../token/base64';
import { CONTROL_CHAR } from './control-chars';
import { escapeHtml } from './html';
import { mdText } from './markdown-text';
import { setOwn } from './own-props';

export const SECRET_PLACEHOLDER = '<redacted-secret>';

/** Shorter strings would match too much by accident; real SDK secrets are 32 characters. */
const MIN_SECRET_LENGTH = 6;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Bytes as text when they are printable UTF-8 (a decoded secret that could appear in an export as text). */
function printable(bytes: Uint8Array | null): string | null {
  if (!bytes || bytes.length < MIN_SECRET_LENGTH) return null;
  try {
    const text = utf8Strict.decode(bytes);
    return CONTROL_CHAR.test(text) ? null : text;
  } catch {
    return null;
  }
}

function hexBytes(hex: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length % 2 !== 0) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function hexOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

function base64Forms(bytes: Uint8Array): string[] {
  const std = bytesToBase64(bytes);
  const unpadded = std.replace(/=+$/, '');
  return [std, unpadded, unpadded.replace(/\+/g, '-').replace(/\//g, '_')];
}

/**
 * Every text form of the secret worth looking for, longest first: as given and trimmed; its
 * base64 (standard, unpadded, base64url) and hex; its base64- or hex-decoded bytes when they are
 * text; and URL-encoded (a wc/info body carries the appKey as `apiKey=`). Forms shorter than 6
 * characters are left out (they would match at random).
 */
export function secretVariants(secret: string): string[] {
  if (typeof secret !== 'string') return [];
  const core = secret.trim();
  if (core.length < MIN_SECRET_LENGTH) return [];
  const out = new Set<string>([core]);
  for (const s of new Set([core, secret])) for (const f of base64Forms(utf8.encode(s))) out.add(f);
  const bytes = utf8.encode(core);
  out.add(hexOf(bytes));
  out.add(hexOf(bytes).toUpperCase());
  for (const decoded of [printable(base64Bytes(core)), printable(hexBytes(core))]) if (decoded !== null) out.add(decoded.trim());
  for (const v of [...out]) {
    const uri = encodeURIComponent(v);
    if (uri !== v) {
      out.add(uri);
      out.add(uri.replace(/%20/g, '+'));
    }
  }
  return [...out].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 43 || c === 47;
}

/**
 * Runs of base64/base64url characters (8 or more, with their `=` padding) whose decoded text
 * contains a variant: a token's payload segment, a base64 blob in a body. Linear: each run is
 * decoded once.
 */
function* secretSegments(s: string, variants: readonly string[]): Generator<{ start: number; end: number }> {
  let i = 0;
  while (i < s.length) {
    if (!isBase64Char(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && isBase64Char(s.charCodeAt(j))) j++;
    let end = j;
    while (end < s.length && end - j < 2 && s.charCodeAt(end) === 61) end++;
    if (j - i >= 8) {
      const d = decodeSegment(s.slice(i, j));
      if (d.ok && variants.some((v) => d.text.includes(v))) yield { start: i, end };
    }
    i = end;
  }
}

function scrub(s: string, variants: readonly string[], placeholder: string): string {
  let out = s;
  for (const v of variants) if (out.includes(v)) out = out.split(v).join(placeholder);
  let result = '';
  let last = 0;
  for (const seg of secretSegments(out, variants)) {
    result += out.slice(last, seg.start) + placeholder;
    last = seg.end;
  }
  return last === 0 ? out : result + out.slice(last);
}

/**
 * A deep copy of `value` with every variant of the secret replaced by `placeholder`, in strings
 * and in keys. Claims named `__proto__` stay data (own properties). A secret under 6 characters
 * is not an SDK secret and changes nothing.
 */
export function redactKnownSecret<T>(value: T, secret: string, placeholder = SECRET_PLACEHOLDER): T {
  const variants = secretVariants(secret);
  if (variants.length === 0) return value;
  const seen = new WeakMap<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v, variants, placeholder);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      const arr: unknown[] = [];
      seen.set(v, arr);
      for (const x of v) arr.push(walk(x));
      return arr;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) setOwn(out, scrub(k, variants, placeholder), walk(x));
    return out;
  };
  return walk(value) as T;
}

/** True when `text` holds the secret in any form, also as the JSON, HTML or Markdown encoders write it. */
export function containsSecret(text: string, secret: string): boolean {
  const variants = secretVariants(secret);
  if (variants.length === 0) return false;
  for (const v of variants) {
    for (const form of new Set([v, JSON.stringify(v).slice(1, -1), escapeHtml(v), mdText(v), v.replace(/"/g, '""')])) {
      if (text.includes(form)) return true;
    }
  }
  for (const _ of secretSegments(text, variants)) return true;
  return false;
}

/**
 * The last check before text leaves (an export file, CLI output): refuses with
 * ERR_SECRET_IN_OUTPUT when the secret is still there in any form. Never says where or what it
 * found, which would print it.
 */
export function assertSecretFree(text: string, secret: string | undefined | null, what: string): void {
  if (!secret || !containsSecret(text, secret)) return;
  throw new JoinDoctorError(
    'ERR_SECRET_IN_OUTPUT',
    `The ${what} still contained the SDK secret after redaction, so it was not written (ERR_SECRET_IN_OUTPUT). ` +
      'Nothing was saved; please report this to Join Doctor. Forget the secret (or leave --secret-env out) to produce it without one.',
  );
}
