import type { DecodedToken, DecodeProblem, JsonMember } from './types';
import { decodeSegment, invalidCharacter, unpaddedLength, urlTokenBody, usesStandardBase64 } from './base64';
import { lexJsonObject } from './json-lexer';

/**
 * Real signatures are 300–600 characters. Anything past 64 KiB is not a signature, and reading it
 * would only let a hostile page make the panel slow.
 */
export const MAX_TOKEN_LENGTH = 64 * 1024;

type Part = 'header' | 'payload' | 'signature';
const PARTS: readonly Part[] = ['header', 'payload', 'signature'];

/** Characters JS `trim` removes, plus the zero-width ones copy-paste adds. */
const INNER_WHITESPACE = /[\s\u200B-\u200D\u2060\uFEFF]/;
/** One scan for everything unusual in a token: whitespace, or the standard base64 characters. */
const UNUSUAL = /[\s\u200B-\u200D\u2060\uFEFF+/=]/;
const INNER_WHITESPACE_G = /[\s\u200B-\u200D\u2060\uFEFF]+/g;
const BASE64_BODY = /^[A-Za-z0-9_\-+/]*$/;
const PLAIN_TOKEN = /^[A-Za-z0-9_\-.]+$/;

function emptyToken(inputType: string, original: string | null, length: number): DecodedToken {
  return {
    inputType,
    original,
    length,
    token: null,
    stripped: { whitespace: false, quotes: false, innerWhitespace: false },
    segments: [],
    header: null,
    payload: null,
    headerJson: null,
    payloadJson: null,
    headerMembers: null,
    payloadMembers: null,
    nonUrlSafeSegments: [],
    problems: [],
  };
}

/**
 * Decodes whatever was passed as the join signature into everything the rules need. Never throws:
 * not a string, too large, not a JWT, undecodable parts all become `problems`.
 */
export function decodeSignature(input: unknown): DecodedToken {
  try {
    return typeof input === 'string' ? decodeString(input) : decodeNonString(input);
  } catch (e) {
    // Only an engine limit (out of memory on a hostile input) can get here; still an answer.
    const t = emptyToken(typeof input, null, typeof input === 'string' ? input.length : 0);
    t.problems.push({ code: 'segment-encoding', message: `The input could not be read: ${errorText(e)}.` });
    return t;
  }
}

function decodeString(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_LENGTH) {
    const t = emptyToken('string', null, input.length);
    t.problems.push({
      code: 'too-large',
      message:
        `The signature is ${input.length} characters long; a Meeting SDK signature is a few hundred. ` +
        `Inputs over ${MAX_TOKEN_LENGTH} characters are not analysed.`,
    });
    return t;
  }
  const t = emptyToken('string', input, input.length);
  // Fast path for the common case, one regex over the whole string: base64url characters and dots
  // only means nothing to strip, no standard base64, and every segment in the alphabet.
  const plain = PLAIN_TOKEN.test(input);
  const token = plain ? input : strip(input, t);
  if (token.length === 0) {
    t.problems.push({
      code: 'empty',
      message:
        input.length === 0
          ? 'The signature is an empty string.'
          : `The signature is ${input.length} characters of only whitespace or quotes, no token.`,
    });
    return t;
  }
  t.token = token;
  const segments = token.split('.');
  t.segments = segments;
  // Most tokens have no +, / or =: one scan of the whole token saves three per segment.
  const standard = !plain && UNUSUAL.test(token);
  for (let i = 0; standard && i < 3 && i < segments.length; i++) {
    if (usesStandardBase64(segments[i]!)) t.nonUrlSafeSegments.push(PARTS[i]!);
  }
  if (segments.length !== 3) t.problems.push(segmentCountProblem(token, segments.length));
  if (segments.length === 2 || segments.length === 3) {
    decodeJsonPart(t, 'header', segments[0]!, standard && t.nonUrlSafeSegments.includes('header'));
    decodeJsonPart(t, 'payload', segments[1]!, standard && t.nonUrlSafeSegments.includes('payload'));
  }
  if (segments.length === 3) checkSignatureSegment(t, segments[2]!, plain);
  if (t.urlTokenSegments !== undefined) urlTokenRest(t, segments);
  return t;
}

/**
 * Once one part shows UrlTokenEncode's digit, the same encoder wrote the others: a payload whose
 * padding was 2 ends in "2", which decodes as written to the JSON plus a trailing "\r" (JSON
 * whitespace), so only the encoder seen elsewhere tells it apart. Decoded again without the digit.
 */
function urlTokenRest(t: DecodedToken, segments: string[]): void {
  const seen = t.urlTokenSegments!;
  for (let i = 0; i < 2 && i < segments.length; i++) {
    const part = PARTS[i] as 'header' | 'payload';
    if (seen.includes(part) || (part === 'header' ? t.header : t.payload) === null) continue;
    const body = urlTokenBody(segments[i]!);
    if (body === null) continue;
    const d = decodeSegment(body);
    if (!d.ok || !lexJsonObject(d.text).ok) continue;
    seen.push(part);
    t.problems = t.problems.filter((p) => p.part !== part);
    decodeJsonPart(t, part, body, false);
  }
  seen.sort((a, b) => PARTS.indexOf(a) - PARTS.indexOf(b));
}

/** Removes what generators and copy-paste wrap a token in, recording each kind. */
function strip(input: string, t: DecodedToken): string {
  let s = input;
  // Fast path: a clean token has none of this.
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  const clean = first > 32 && last > 32 && !isQuote(last) && first < 127 && last < 127;
  if (!clean) {
    // Quotes and whitespace nest either way round (`"eyJ…"\n`, `" eyJ… "`): peel until stable.
    for (let round = 0; round < 4; round++) {
      const trimmed = trimAll(s);
      if (trimmed !== s) t.stripped.whitespace = true;
      s = trimmed;
      if (s.length >= 2 && isQuote(s.charCodeAt(0)) && s.charCodeAt(0) === s.charCodeAt(s.length - 1)) {
        t.stripped.quotes = true;
        s = s.slice(1, -1);
        continue;
      }
      // Python's repr of bytes: `str(jwt.encode(...))` with PyJWT 1.x, which returned bytes.
      if (s.length >= 3 && s.charCodeAt(0) === 98 && isQuote(s.charCodeAt(1)) && s.charCodeAt(1) === s.charCodeAt(s.length - 1)) {
        t.stripped.quotes = true;
        s = s.slice(2, -1);
        continue;
      }
      break;
    }
  }
  if (INNER_WHITESPACE.test(s)) {
    t.stripped.innerWhitespace = true;
    s = s.replace(INNER_WHITESPACE_G, '');
  }
  return s;
}

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

function trimAll(s: string): string {
  // trim() covers Unicode spaces and the BOM; zero-width spaces need their own pass (by index:
  // `[\u200B-\u200D\u2060]+$` rescans a run of them from every position inside it).
  const t = s.trim();
  let a = 0;
  let b = t.length;
  while (a < b && isZeroWidth(t.charCodeAt(a))) a++;
  while (b > a && isZeroWidth(t.charCodeAt(b - 1))) b--;
  return a === 0 && b === t.length ? t : t.slice(a, b);
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

function segmentCountProblem(token: string, count: number): DecodeProblem {
  let detail: string;
  if (count === 1) {
    detail = token.startsWith('{')
      ? 'It is JSON text, not a token: the whole response body was passed instead of its `signature` field.'
      : /^[A-Za-z0-9_-]{43}=?$/.test(token)
        ? `It has no dots and ${token.length} characters, the length of an HS256 signature part alone: the backend returned only the HMAC, not the whole JWT.`
        : 'It has no dots, so it is not a JWT (a pre-JWT signature, or only one part of a token).';
  } else if (count === 5) {
    detail = 'Five segments is an encrypted JWT (JWE); Zoom expects a signed HS256 JWT (JWS).';
  } else if (count === 2) {
    detail = 'The signature part is missing: header.payload only.';
  } else {
    detail = `A JWT has exactly two dots (header.payload.signature); this has ${count - 1}.`;
  }
  return { code: 'segment-count', message: `The token has ${count} dot-separated segment${count === 1 ? '' : 's'}, not 3. ${detail}` };
}

/**
 * A backend writes the same header on every token, so its decoding is kept. Callers get their own
 * copies of the objects (the member records inside are never mutated by the analyser).
 */
interface CachedHeader {
  json: string;
  value: Record<string, unknown>;
  members: Record<string, JsonMember>;
}
const headerCache = new Map<string, CachedHeader>();
const HEADER_CACHE_SIZE = 32;

function decodeJsonPart(t: DecodedToken, part: 'header' | 'payload', segment: string, standardBase64: boolean): void {
  if (part === 'header') {
    const hit = headerCache.get(segment);
    if (hit !== undefined) {
      t.headerJson = hit.json;
      t.header = { ...hit.value };
      t.headerMembers = { ...hit.members };
      return;
    }
  }
  if (segment.length === 0) {
    t.problems.push({ code: 'segment-encoding', part, message: `The ${part} segment is empty.` });
    return;
  }
  const decoded = decodeSegment(segment, standardBase64);
  if (!decoded.ok) {
    if (decodeUrlToken(t, part, segment, standardBase64)) return;
    t.problems.push({
      code: 'segment-encoding',
      part,
      message: `The ${part} segment (${segment.length} characters) is not base64url: ${decoded.message}.`,
    });
    return;
  }
  const text = decoded.text;
  if (part === 'header') t.headerJson = text;
  else t.payloadJson = text;
  const lexed = lexJsonObject(text);
  if (!lexed.ok) {
    if (decodeUrlToken(t, part, segment, standardBase64)) return;
    const notObject = lexed.reason === 'not-object';
    t.problems.push({
      code: notObject
        ? part === 'header' ? 'header-not-object' : 'payload-not-object'
        : part === 'header' ? 'header-not-json' : 'payload-not-json',
      part,
      message: notObject
        ? `The ${part} decodes to JSON, but ${lexed.message}: ${preview(text)}.`
        : `The ${part} decodes to ${preview(text)}, which is not JSON: ${lexed.message} (offset ${lexed.offset}).`,
    });
    return;
  }
  if (part === 'header') {
    t.header = lexed.value;
    t.headerMembers = lexed.members;
    if (lexed.duplicates.length === 0 && segment.length <= 256) {
      if (headerCache.size >= HEADER_CACHE_SIZE) headerCache.clear();
      headerCache.set(segment, { json: text, value: { ...lexed.value }, members: { ...lexed.members } });
    }
  } else {
    t.payload = lexed.value;
    t.payloadMembers = lexed.members;
  }
  if (lexed.duplicates.length > 0) {
    const names = [...new Set(lexed.duplicates)];
    const shown = names.slice(0, 8).map((n) => JSON.stringify(n.length > 40 ? `${n.slice(0, 37)}…` : n));
    if (names.length > 8) shown.push(`${names.length - 8} more`);
    t.problems.push({
      code: 'duplicate-claim',
      part,
      message:
        `The ${part} JSON writes ${shown.join(', ')} more than once; ` +
        'JSON.parse keeps the last, other parsers may keep the first or reject the token.',
    });
  }
}

/**
 * A part that fails to decode as written but decodes to a JSON object without its last character,
 * the padding-count digit of .NET `HttpServerUtility.UrlTokenEncode`: decoded that way (as standard
 * base64 is) and recorded, so token-not-base64url names the encoder instead of "not a valid base64
 * length", and the claims are still judged. Runs only on a part that already failed.
 */
function decodeUrlToken(t: DecodedToken, part: 'header' | 'payload', segment: string, standardBase64: boolean): boolean {
  const body = urlTokenBody(segment);
  if (body === null) return false;
  const d = decodeSegment(body, standardBase64);
  if (!d.ok || !lexJsonObject(d.text).ok) return false;
  (t.urlTokenSegments ??= []).push(part);
  decodeJsonPart(t, part, body, standardBase64);
  return true;
}

/** A 32-byte HMAC (43 characters and one "=") written by UrlTokenEncode: 44 characters ending in "1". */
const URL_TOKEN_HMAC_LENGTH = 44;

function checkSignatureSegment(t: DecodedToken, segment: string, alphabetChecked: boolean): void {
  if (segment.length === 0) {
    t.problems.push({
      code: 'segment-encoding',
      part: 'signature',
      message: 'The signature segment is empty: the token is unsigned (header.payload. with no HMAC).',
    });
    return;
  }
  if (segment.length === URL_TOKEN_HMAC_LENGTH && t.header?.['alg'] === 'HS256' && urlTokenBody(segment) !== null && BASE64_BODY.test(segment)) {
    (t.urlTokenSegments ??= []).push('signature');
    return;
  }
  const end = unpaddedLength(segment);
  if (end % 4 !== 1 && (alphabetChecked || BASE64_BODY.test(end === segment.length ? segment : segment.slice(0, end)))) return;
  const bad = invalidCharacter(segment, end);
  if (bad !== null || end % 4 === 1) {
    t.problems.push({
      code: 'segment-encoding',
      part: 'signature',
      message: `The signature segment (${segment.length} characters) is not base64url: ${
        bad !== null ? `it contains ${bad}` : `its length ${end} is not a valid base64 length`
      }.`,
    });
  }
}

function decodeNonString(input: unknown): DecodedToken {
  const inputType = describeType(input);
  const t = emptyToken(inputType, null, 0);
  t.problems.push({ code: 'not-a-string', message: notAStringMessage(input, inputType) });
  return t;
}

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function notAStringMessage(input: unknown, inputType: string): string {
  const base = `The signature passed to join is ${inputType === 'undefined' || inputType === 'null' ? inputType : `${articled(inputType)}`}, not a string.`;
  if (inputType === 'undefined' || inputType === 'null') {
    return `${base} The backend response was probably read before it arrived, or from a field with another name.`;
  }
  if (inputType !== 'object') return base;
  const inner = signatureField(input as object);
  if (inner === null) return `${base} Pass the JWT string itself.`;
  return (
    `${base} It is an object with a \`signature\` field (${inner}): the whole response was passed; ` +
    'pass `response.signature` instead.'
  );
}

/** Describes `obj.signature` when it exists; getters and proxies of a hostile page may throw, hence the guard. */
function signatureField(obj: object): string | null {
  try {
    if (!('signature' in obj)) return null;
    const v = (obj as { signature?: unknown }).signature;
    if (typeof v === 'string') {
      const jwtShaped = v.length <= MAX_TOKEN_LENGTH && /^\s*[\w-]+\.[\w-]+\.[\w-]*\s*$/.test(v);
      return `a string of ${v.length} characters${jwtShaped ? ' shaped like a JWT' : ''}`;
    }
    return describeType(v);
  } catch {
    return null;
  }
}

function articled(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A short rendering of decoded text for messages; never the whole of a large part. */
function preview(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return JSON.stringify(shown);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : 'unknown error';
}
