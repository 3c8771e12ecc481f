/**
 * Redaction for exports. A full signature is a credential for up to 48 h, and join arguments carry
 * passcodes and user tokens; an export is meant to be pasted into tickets, so nothing here relies
 * on the reader to be careful.
 */

import { segmentText, textToBase64Url } from '../token/base64';
import { replaceJwts } from '../token/jwt-shape';
import { hasEmail, replaceEmails } from './emails';
import { setOwn } from './own-props';

export const REDACTED = '<redacted>';
export const REDACTED_EMAIL = '<redacted-email>';

/** Keys whose values are never written (case-insensitive): passcodes, user tokens and secrets. */
const SENSITIVE_KEY = /^(passWord|password|pwd|passcode|zak|tk|ztk|obfToken|jmak|recordingToken|childToken|.*secret.*|authorization|cookie)$/i;


export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/** E-mail addresses (also `%40`-encoded) become `<redacted-email>`; linear time (./emails.ts). */
export function redactEmails(text: string): string {
  return replaceEmails(text, REDACTED_EMAIL);
}


/**
 * An e-mail inside a claim is inside the base64 of the segment: re-encode the segment from its JSON
 * text with the addresses replaced. Only when there is one, so every other token keeps its segment
 * byte for byte (the literal `1795912284.0` matters to the rules).
 */
function redactSegmentEmails(segment: string): string {
  const text = segmentText(segment);
  if (text === null || !hasEmail(text)) return segment;
  return textToBase64Url(redactEmails(text));
}

/** One JWT: keep header and payload (redacting e-mails in them), drop the signature segment. */
function redactJwtParts(header: string, payload: string, full: string, includeFullTokens: boolean): string {
  if (includeFullTokens) return full;
  return `${redactSegmentEmails(header)}.${redactSegmentEmails(payload)}.${REDACTED}`;
}

/** Redacts JWT signature segments and e-mails in free text (URLs, messages, response bodies). */
export function redactText(text: string, includeFullTokens = false): string {
  // An empty third segment is no credential: leave `eyJ….x.` as written.
  const withTokens = replaceJwts(text, (m) => (m.signature === '' ? m.text : redactJwtParts(m.header, m.payload, m.text, includeFullTokens)));
  return redactEmails(withTokens);
}

/** Query parameters in URLs (and form bodies, which start without a `?`) that carry passcodes or user tokens. */
function redactUrlParams(text: string): string {
  return text.replace(/(^|[?&;])([^=&#;\s?]+)=([^&#;\s]*)/g, (m, sep: string, key: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      // keep the raw key
    }
    return isSensitiveKey(name) || /^(signature|token|access_token|id_token|code)$/i.test(name) ? `${sep}${key}=${REDACTED}` : m;
  });
}

/**
 * A URL, request body or argument as shown on screen (panel rows, CLI lines): JWT signature
 * segments, passcode/token parameters and e-mails masked exactly as exports mask them. Zoom's web
 * sample opens `meeting.html?…&signature=<full JWT>`, so a page URL is a credential too.
 */
export function redactForDisplay(text: string): string {
  return redactUrlParams(redactText(text));
}

/**
 * The signature argument as exported. A JWT keeps `header.payload` and loses its third segment;
 * a string that is not a three-part JWT (the pre-JWT format ends in an HMAC too) is reduced to
 * its length unless it has exactly two parts (then there is no signature to hide).
 */
export function redactSignature(signature: unknown, includeFullTokens = false): string | null {
  if (signature === undefined || signature === null) return null;
  if (typeof signature !== 'string') {
    let json: string | undefined;
    try {
      json = JSON.stringify(redactValue(signature, includeFullTokens));
    } catch {
      json = undefined;
    }
    return json === undefined ? String(typeof signature) : json;
  }
  if (includeFullTokens) return signature;
  const parts = signature.trim().replace(/^["'`]|["'`]$/g, '').split('.');
  if (parts.length === 2) return redactText(signature);
  if (parts.length >= 3) {
    return `${redactSegmentEmails(parts[0] ?? '')}.${redactSegmentEmails(parts[1] ?? '')}.${REDACTED}`;
  }
  return signature.length === 0 ? '' : `${REDACTED} (${signature.length} characters)`;
}

/**
 * Deep copy with sensitive keys dropped to `<redacted>`, JWT third segments removed and e-mails
 * replaced in every string. Cycles and exotic values become short placeholders instead of throwing.
 */
export function redactValue<T>(value: T, includeFullTokens = false): T {
  // Only the objects being walked (the path from the root), so an object shared by several
  // places (one primary cause for many attempts) is copied at each, and only a real cycle stops.
  const open = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactUrlParams(redactText(v, includeFullTokens));
    if (v === null || typeof v !== 'object') return typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' ? `[${typeof v}]` : v;
    if (open.has(v) || depth > 32) return '[cycle]';
    open.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        // Booleans under such keys (`secretHasWhitespace`) say nothing secret; strings and numbers may.
        const hide = isSensitiveKey(k) && ((typeof x === 'string' && x !== '') || typeof x === 'number' || (typeof x === 'object' && x !== null));
        setOwn(out, redactEmails(k), hide ? REDACTED : walk(x, depth + 1));
      }
      return out;
    } finally {
      open.delete(v);
    }
  };
  return walk(value, 0) as T;
}
