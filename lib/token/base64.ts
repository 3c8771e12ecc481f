/**
 * Decodes one token segment, accepting both base64url and standard base64 (`+`, `/`, `=`),
 * because some backends emit the latter and Zoom sometimes accepts it: the analyser must read
 * what the generator wrote before judging how it was written. Never throws.
 */

export type SegmentDecode =
  | { ok: true; text: string; standardBase64: boolean }
  | { ok: false; message: string; standardBase64: boolean };

/** Sextet value per char code; -1 for characters outside both alphabets. */
const SEXTET = new Int8Array(128).fill(-1);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) SEXTET[alphabet.charCodeAt(i)] = i;
  SEXTET[45] = 62; // -
  SEXTET[95] = 63; // _
  SEXTET[43] = 62; // +
  SEXTET[47] = 63; // /
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Reused across calls: decoding allocates no byte buffer per segment. */
let scratch = new Uint8Array(1024);

/** True when the segment uses a character of standard base64 (`+`, `/`) or padding (`=`). */
export function usesStandardBase64(segment: string): boolean {
  return segment.indexOf('+') >= 0 || segment.indexOf('/') >= 0 || segment.indexOf('=') >= 0;
}

/** Describes the first character outside both alphabets, or null when every character is valid (padding aside). */
export function invalidCharacter(segment: string, end = segment.length): string | null {
  for (let i = 0; i < end; i++) {
    const c = segment.charCodeAt(i);
    if (c >= 128 || SEXTET[c]! < 0) {
      return `${JSON.stringify(segment.charAt(i))} at position ${i}`;
    }
  }
  return null;
}

/** Length of the segment without trailing `=` padding (at most two). */
export function unpaddedLength(segment: string): number {
  let end = segment.length;
  if (end > 0 && segment.charCodeAt(end - 1) === 61) end--;
  if (end > 0 && segment.charCodeAt(end - 1) === 61) end--;
  return end;
}

/**
 * .NET `HttpServerUtility.UrlTokenEncode` (System.Web): `Convert.ToBase64String`, `+`→`-`, `/`→`_`,
 * the `=` padding removed and its count appended as one digit, "0", "1" or "2". A 27-byte header
 * (36 base64 characters, no padding) becomes 37 characters ending in "0", not a valid base64 length;
 * a 32-byte HMAC (43 characters and one "=") becomes 44 ending in "1". Returns the segment without
 * that digit when its last character is the padding count its length implies, else null.
 */
export function urlTokenBody(segment: string): string | null {
  const n = segment.length;
  if (n < 2) return null;
  const digit = segment.charCodeAt(n - 1) - 48;
  if (digit < 0 || digit > 2) return null;
  // Padding of an unpadded base64 body of length L: L % 4 = 0 → 0, 3 → 1, 2 → 2 (1 is never valid).
  return (4 - ((n - 1) % 4)) % 4 === digit ? segment.slice(0, n - 1) : null;
}

const NON_ASCII = /[^\x00-\x7f]/;
const nativeAtob: ((s: string) => string) | null = typeof atob === 'function' ? atob : null;

export function decodeSegment(segment: string, standardBase64 = usesStandardBase64(segment)): SegmentDecode {
  const end = unpaddedLength(segment);
  if (end % 4 === 1) {
    return { ok: false, message: `its length ${end} (without padding) is not a valid base64 length`, standardBase64 };
  }
  // atob is native in browsers and Node, and validates the alphabet itself; the caller has removed
  // all whitespace, which atob would otherwise skip silently.
  if (nativeAtob !== null) {
    let binary: string;
    try {
      const body = end === segment.length ? segment : segment.slice(0, end);
      binary = nativeAtob(body.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      return { ok: false, message: `it contains ${invalidCharacter(segment, end) ?? 'an invalid character'}`, standardBase64 };
    }
    if (!NON_ASCII.test(binary)) return { ok: true, text: binary, standardBase64 };
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    try {
      return { ok: true, text: utf8.decode(bytes), standardBase64 };
    } catch {
      return { ok: false, message: 'its bytes are not valid UTF-8', standardBase64 };
    }
  }
  const byteLength = Math.floor((end * 3) / 4);
  if (scratch.length < byteLength) scratch = new Uint8Array(Math.max(byteLength, scratch.length * 2));
  const out = scratch;
  let o = 0;
  let i = 0;
  const whole = end - (end % 4);
  for (; i < whole; i += 4) {
    const a = sextet(segment, i);
    const b = sextet(segment, i + 1);
    const c = sextet(segment, i + 2);
    const d = sextet(segment, i + 3);
    if ((a | b | c | d) < 0) return { ok: false, message: `it contains ${invalidCharacter(segment, end) ?? 'an invalid character'}`, standardBase64 };
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    const x = n >>> 16;
    const y = (n >>> 8) & 255;
    const z = n & 255;
    out[o++] = x;
    out[o++] = y;
    out[o++] = z;
  }
  const rest = end - whole;
  if (rest > 0) {
    const a = sextet(segment, i);
    const b = sextet(segment, i + 1);
    const c = rest === 3 ? sextet(segment, i + 2) : 0;
    if ((a | b | c) < 0) return { ok: false, message: `it contains ${invalidCharacter(segment, end) ?? 'an invalid character'}`, standardBase64 };
    const n = (a << 18) | (b << 12) | (c << 6);
    const x = n >>> 16;
    out[o++] = x;
    if (rest === 3) {
      const y = (n >>> 8) & 255;
      out[o++] = y;
    }
  }
  // TextDecoder is native and ~10x faster than String.fromCharCode.apply, even for ASCII.
  try {
    return { ok: true, text: utf8.decode(out.subarray(0, o)), standardBase64 };
  } catch {
    return { ok: false, message: 'its bytes are not valid UTF-8', standardBase64 };
  }
}

function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? SEXTET[c]! : -1;
}

/** The segment's text, or null when it is not base64(url) of UTF-8 (for callers that only need to peek). */
export function segmentText(segment: string): string | null {
  const d = decodeSegment(segment);
  return d.ok ? d.text : null;
}

/** The segment's JSON object (a JWT header or payload), or null when it is not one. */
export function segmentObject(segment: string): Record<string, unknown> | null {
  const text = segmentText(segment);
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Raw bytes of base64 or base64url text (a secret some backends decode before signing); null when invalid. */
export function base64Bytes(text: string): Uint8Array | null {
  if (nativeAtob === null) return null;
  try {
    const bin = nativeAtob(text.slice(0, unpaddedLength(text)).replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Standard base64 (with padding) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin);
}

/** Unpadded base64url of UTF-8 text, as a JWT segment is written. */
export function textToBase64Url(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
