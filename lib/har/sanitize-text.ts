/**
 * The text half of the HAR sanitizer: finds credentials inside one string (a URL, a header value, a
 * form or JSON body, a JSONP answer, the bytes of a base64 body) and replaces them with a marker
 * that says what was removed. Pure and linear: every scanner walks the text once with indexOf and
 * character tests, never a backtracking regex (a HAR is anybody's bytes).
 *
 * Two kinds of value keep a shape instead of a plain marker, because the diagnosis reads that shape:
 * - a JWT keeps header and payload byte for byte and gets a stand-in HMAC segment of the same
 *   length, padding and count of `+`/`/` (signature-length, token-not-base64url and token-malformed
 *   judge only those), the same stand-in for the same token (the reader pairs the wc/info request
 *   with the backend response and the JSONP retry by the whole token) and a different one per token;
 * - a passcode keeps its length, %XX and whitespace (the args-passcode-* rules' PasscodeShape).
 */
import { jwtsIn, type JwtMatch } from '../token/jwt-shape';
import { decodeSegment, segmentText, textToBase64Url, unpaddedLength } from '../token/base64';
import { emailsIn } from '../report/emails';

export type RemovedKind = 'cookie' | 'credential-header' | 'passcode' | 'user-token' | 'secret' | 'email' | 'jwt-hmac' | 'oversized';

export const REMOVED_KINDS: readonly RemovedKind[] = ['cookie', 'credential-header', 'passcode', 'user-token', 'secret', 'email', 'jwt-hmac', 'oversized'];

export const marker = (what: string): string => `<removed:${what}>`;

/** Sees every value taken out (tests search the output for them); never set in production. */
export type OnRemoved = (kind: RemovedKind, value: string) => void;

/** Query/form/JSON keys whose values are passcodes: the marker keeps their shape. */
const PASSCODE_KEYS = new Set(['password', 'passwd', 'pwd', 'passcode', 'meetingpassword', 'meeting_password']);
/** Zoom user tokens and other bearer values carried as parameters (Zoom's join: zak, tk, obfToken; the meeting server's rwcToken). */
const TOKEN_KEYS = new Map<string, string>([
  ['zak', 'zak'],
  ['tk', 'tk'],
  ['ztk', 'ztk'],
  ['obftoken', 'obfToken'],
  ['jmak', 'jmak'],
  ['recordingtoken', 'recordingToken'],
  ['childtoken', 'childToken'],
  // The meeting server's WebSocket URL (wss://<rwg>/wc/api/<mn>?…&rwcToken=…).
  ['rwctoken', 'rwcToken'],
  ['access_token', 'access_token'],
  ['refresh_token', 'refresh_token'],
  ['id_token', 'id_token'],
  ['accesstoken', 'accessToken'],
  ['refreshtoken', 'refreshToken'],
]);

/** What a key's value is, or null for a key whose value is kept (signature, apiKey, sdkKey: the rules read them). */
export function sensitiveKey(name: string): { kind: RemovedKind; label: string } | null {
  if (name.length > 64) return null;
  const n = name.toLowerCase();
  if (PASSCODE_KEYS.has(n)) return { kind: 'passcode', label: 'passcode' };
  const token = TOKEN_KEYS.get(n);
  if (token !== undefined) return { kind: 'user-token', label: token };
  if (n.includes('secret')) return { kind: 'secret', label: 'secret' };
  return null;
}

export class SanitizeCounts {
  readonly byKind: Record<RemovedKind, number> = { cookie: 0, 'credential-header': 0, passcode: 0, 'user-token': 0, secret: 0, email: 0, 'jwt-hmac': 0, oversized: 0 };
  constructor(readonly onRemoved?: OnRemoved) {}
  removed(kind: RemovedKind, value: string): void {
    this.byKind[kind]++;
    this.onRemoved?.(kind, value);
  }
}

// --- passcodes -----------------------------------------------------------------------------

const PASSCODE_MARK = marker('passcode');

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}

function hasPercentHex(v: string): boolean {
  for (let i = v.indexOf('%'); i >= 0 && i + 2 < v.length; i = v.indexOf('%', i + 1)) {
    if (isHex(v.charCodeAt(i + 1)) && isHex(v.charCodeAt(i + 2))) return true;
  }
  return false;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * A stand-in with the passcode's shape as lib/model/join-args.ts measures it (length, %XX,
 * whitespace at the edges and inside), spelled from `<removed:passcode>`, so a 3004 diagnosis
 * ("the passcode looks URL-encoded") survives while the characters do not.
 */
export function passcodeStandIn(v: string): string {
  const n = v.length;
  if (n === 0) return '';
  const chars: string[] = [];
  for (let i = 0; i < n; i++) chars.push(i < PASSCODE_MARK.length ? PASSCODE_MARK[i]! : '*');
  const lead = isSpace(v.charCodeAt(0));
  const trail = isSpace(v.charCodeAt(n - 1));
  let inner = false;
  {
    // \S\s+\S: a space run with non-space on both sides.
    let seenNonSpace = false;
    let spaceAfterNonSpace = false;
    for (let i = 0; i < n && !inner; i++) {
      const sp = isSpace(v.charCodeAt(i));
      if (!sp && spaceAfterNonSpace) inner = true;
      if (sp && seenNonSpace) spaceAfterNonSpace = true;
      if (!sp) seenNonSpace = true;
    }
  }
  if (lead) chars[0] = ' ';
  if (trail) chars[n - 1] = ' ';
  if (inner && n >= 3) chars[Math.floor(n / 2)] = ' ';
  if (hasPercentHex(v) && n >= 3) {
    // Put %25 where it does not touch the spaces that must stay where they are.
    const at = n >= 5 ? 1 : 0;
    chars[at] = '%';
    chars[at + 1] = '2';
    chars[at + 2] = '5';
    if (inner && n >= 5 && Math.floor(n / 2) <= at + 2) chars[Math.min(n - 2, at + 3)] = ' ';
  }
  return chars.join('');
}

// --- JWT HMAC segments -----------------------------------------------------------------------

const HMAC_WORD = 'removed_hmac_';
const MAX_REMEMBERED_TOKENS = 1_000_000;

/**
 * One stand-in per distinct HMAC segment, for the whole file: the same token must stay the same
 * token (request ↔ issuing response ↔ JSONP retry), different tokens must stay different.
 */
export class HmacStandIns {
  private readonly seen = new Map<string, string>();
  private next = 1;

  standIn(sig: string): string {
    const known = this.seen.get(sig);
    if (known !== undefined) return known;
    const id = (this.next++).toString(36);
    const out = buildHmacStandIn(sig, id);
    // Past the cap a repeat gets a new number: still no HMAC, only the pairing of that token is lost.
    if (this.seen.size < MAX_REMEMBERED_TOKENS) this.seen.set(sig, out);
    return out;
  }
}

function fill(word: string, length: number, id: string): string {
  if (length <= 0) return '';
  const tail = `_${id}`;
  if (length <= tail.length) return tail.slice(tail.length - length);
  let s = '';
  while (s.length < length - tail.length) s += word;
  return s.slice(0, length - tail.length) + tail;
}

/**
 * The stand-in for one HMAC segment: what lib/rules/signature-length.ts and token-not-base64url.ts
 * would say about the original, they say about this (length, padding, `+`/`/` counts, and the
 * hex-digest / double-encoding shapes they recognise), and none of its bytes.
 */
export function buildHmacStandIn(sig: string, id: string): string {
  const end = unpaddedLength(sig);
  const padding = sig.slice(end);
  const body = sig.slice(0, end);
  const hex = parseInt(id, 36).toString(16);
  const hexDigest = '0'.repeat(Math.max(0, 64 - hex.length)) + hex.slice(-64);
  // Same letter case as the original: lib/rules/lang.ts recognises PHP's lowercase hex digest only.
  const cased = (original: string) => (/[A-F]/.test(original) ? hexDigest.toUpperCase() : hexDigest);
  if (/^[0-9a-f]{64}$/i.test(sig)) return cased(sig);
  if (end % 4 !== 1 && end > 0) {
    const d = decodeSegment(sig);
    if (d.ok && /^[0-9a-f]{64}$/i.test(d.text)) return textToBase64Url(cased(d.text)) + padding;
    if (d.ok && /^[A-Za-z0-9+/_-]{43}=?$/.test(d.text)) return textToBase64Url(fill('removedHMAC', 43, id) + (d.text.length === 44 ? '=' : '')) + padding;
  }
  let plus = 0;
  let slash = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 43) plus++;
    else if (c === 47) slash++;
  }
  return '+'.repeat(plus) + '/'.repeat(slash) + fill(HMAC_WORD, body.length - plus - slash, id) + padding;
}

// --- free text -------------------------------------------------------------------------------

export interface TextSanitizer {
  /** Any text: keyed credentials (`pwd=…`, `"zak":"…"`), JWT HMAC segments, e-mail addresses. */
  text(s: string): string;
  /** A URL or a path with a query: the query's values are decoded before they are searched. */
  url(s: string): string;
  /** An `application/x-www-form-urlencoded` body or a query string without its `?`. */
  form(s: string): string;
  /** A value stored under `name` (a query or form param as HARs list them, a JSON member). */
  param(name: string, value: string, decodesPercent: boolean): string;
  /** JWT HMAC segments and e-mail addresses only (binary bodies, where `key=` would hit random bytes). */
  jwtsAndEmails(s: string): string;
}

export function textSanitizer(counts: SanitizeCounts, hmacs: HmacStandIns): TextSanitizer {
  const removeValue = (key: { kind: RemovedKind; label: string }, decoded: string): string => {
    const standIn = key.kind === 'passcode' ? passcodeStandIn(decoded) : marker(key.label);
    // A file sanitized before: its stand-ins are not values to count again.
    if (standIn !== decoded) counts.removed(key.kind, decoded);
    return standIn;
  };

  const jwtAndEmail = (s: string): string => emails(jwts(s));

  const jwts = (s: string): string => {
    if (s.indexOf('eyJ') < 0) return s;
    // PHP's json_encode writes `/` as `\/`: a standard-base64 token in such a body is cut at the
    // first `\` by a plain scan, and the rest of its HMAC would stay. Scan the unescaped view and
    // write the stand-ins back escaped.
    if (s.indexOf('\\/') >= 0) return escapedJwts(s);
    let out = '';
    let last = 0;
    for (const m of jwtsIn(s)) {
      if (m.signature === '' || isOurStandIn(m.signature)) continue;
      out += s.slice(last, m.start) + replaceJwt(m);
      last = m.end;
    }
    return last === 0 ? s : out + s.slice(last);
  };

  const replaceJwt = (m: JwtMatch): string => {
    counts.removed('jwt-hmac', m.signature);
    return jwtSegmentEmails(m.header) + '.' + jwtSegmentEmails(m.payload) + '.' + hmacs.standIn(m.signature);
  };

  const escapedJwts = (s: string): string => {
    // Positions (in s) of each `\/`; the view has `/` there, one character shorter each.
    const escapes: number[] = [];
    let view = '';
    let last = 0;
    for (let at = s.indexOf('\\/'); at >= 0; at = s.indexOf('\\/', at + 2)) {
      escapes.push(at);
      view += s.slice(last, at) + '/';
      last = at + 2;
    }
    view += s.slice(last);
    // View index → s index: add the escapes before it (walked forward once, matches come in order).
    let e = 0;
    const toS = (i: number): number => {
      while (e < escapes.length && escapes[e]! - e < i) e++;
      return i + e;
    };
    let out = '';
    let done = 0;
    for (const m of jwtsIn(view)) {
      if (m.signature === '' || isOurStandIn(m.signature)) continue;
      const start = toS(m.start);
      const end = toS(m.end);
      out += s.slice(done, start) + replaceJwt(m).replace(/\//g, '\\/');
      done = end;
    }
    return done === 0 ? s : out + s.slice(done);
  };

  /** An address inside a claim is inside the segment's base64: re-encode that segment only, the address replaced by a same-length stand-in. */
  const jwtSegmentEmails = (segment: string): string => {
    if (segment.length > 64 * 1024) return segment;
    const text = segmentText(segment);
    if (text === null) return segment;
    let out = '';
    let last = 0;
    for (const m of emailsIn(text)) {
      const addr = text.slice(m.start, m.end);
      counts.removed('email', addr);
      out += text.slice(last, m.start) + emailOfLength(addr.length);
      last = m.end;
    }
    return last === 0 ? segment : textToBase64Url(out + text.slice(last));
  };

  const emails = (s: string): string => {
    let out = '';
    let last = 0;
    for (const m of emailsIn(s)) {
      const addr = s.slice(m.start, m.end);
      if (addr === EMAIL_STAND_IN || addr === ENCODED_EMAIL_STAND_IN) continue;
      counts.removed('email', addr);
      out += s.slice(last, m.start) + (addr.includes('@') ? EMAIL_STAND_IN : ENCODED_EMAIL_STAND_IN);
      last = m.end;
    }
    return last === 0 ? s : out + s.slice(last);
  };

  const text = (s: string): string => jwtAndEmail(keyedValues(s, removeValue));

  const formValue = (raw: string): string => {
    const decoded = decodeForm(raw);
    if (decoded === null) return text(raw);
    const clean = text(decoded);
    return clean === decoded ? raw : encodeURIComponent(clean);
  };

  const form = (s: string): string => {
    let out = '';
    let from = 0;
    for (;;) {
      const amp = s.indexOf('&', from);
      const pair = s.slice(from, amp < 0 ? s.length : amp);
      const eq = pair.indexOf('=');
      if (eq < 0) out += formValue(pair);
      else {
        const rawKey = pair.slice(0, eq);
        const rawValue = pair.slice(eq + 1);
        const key = sensitiveKey(decodeForm(rawKey) ?? rawKey);
        const value = decodeForm(rawValue) ?? rawValue;
        out += formValue(rawKey) + '=' + (key && value !== '' ? encodeURIComponent(removeValue(key, value)) : formValue(rawValue));
      }
      if (amp < 0) return out;
      out += '&';
      from = amp + 1;
    }
  };

  const url = (s: string): string => {
    const q = s.indexOf('?');
    if (q < 0) return text(s);
    const hash = s.indexOf('#', q);
    const query = s.slice(q + 1, hash < 0 ? s.length : hash);
    return text(s.slice(0, q)) + '?' + form(query) + (hash < 0 ? '' : text(s.slice(hash)));
  };

  const param = (name: string, value: string, decodesPercent: boolean): string => {
    const key = sensitiveKey(decodeForm(name) ?? name);
    if (!key || value === '') return decodesPercent ? formValue(value) : text(value);
    if (!decodesPercent) return removeValue(key, value);
    // The reader (lib/har/wc-info.ts fromParams) decodes a value only when it holds %XX: store the
    // stand-in so that it reads back as the stand-in of the value the reader would have seen.
    const seen = hasPercentHex(value) ? (decodeForm(value) ?? value) : value;
    const standIn = removeValue(key, seen);
    return hasPercentHex(standIn) || standIn.includes('%') ? encodeURIComponent(standIn) : standIn;
  };

  return { text, url, form, param, jwtsAndEmails: jwtAndEmail };
}

function isOurStandIn(sig: string): boolean {
  return sig.includes(HMAC_WORD);
}

/**
 * True when a JWT's third segment is one of the stand-ins above: a HAR that went through
 * `har --sanitize` has no HMAC left to verify, and "the secret is wrong" would be a false answer.
 */
export function isSanitizedHmac(sig: string): boolean {
  if (sig.length > 200) return false;
  if (sig.includes(HMAC_WORD)) return true;
  if (/^0{48}[0-9a-f]{16}$/i.test(sig)) return true;
  const text = unpaddedLength(sig) % 4 === 1 ? null : segmentText(sig);
  return text !== null && (text.startsWith('removedHMAC') || /^0{48}[0-9a-f]{16}$/i.test(text));
}

/**
 * Addresses become an address that says it was removed (RFC 2606 reserves .invalid): what reads an
 * e-mail field (the SDK's userEmail, the export's own e-mail redaction) still sees one, so the
 * sanitized HAR's report reads as the original's did.
 */
export const EMAIL_STAND_IN = 'removed@email.invalid';
const ENCODED_EMAIL_STAND_IN = 'removed%40email.invalid';

/** An address-shaped stand-in of exactly n characters (inside a JWT claim, whose length rules may measure). */
function emailOfLength(n: number): string {
  if (n >= EMAIL_STAND_IN.length) return 'removed' + 'x'.repeat(n - EMAIL_STAND_IN.length) + '@email.invalid';
  if (n >= 6) return 'r'.repeat(n - 5) + '@e.in';
  return 'x'.repeat(n);
}

/** `application/x-www-form-urlencoded` decoding of one key or value; null when the %-escapes are broken. */
export function decodeForm(s: string): string | null {
  if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

// --- keyed values in any text ----------------------------------------------------------------

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** Where an unquoted value ends: the delimiters of query strings, JSON, headers, HTML and JS. */
function isValueEnd(c: number): boolean {
  return c === 38 || c === 35 || c === 34 || c === 39 || c === 44 || c === 59 || c === 125 || c === 93 || c === 41 || c === 60 || c === 62 || c === 92 || isSpace(c);
}

/**
 * Replaces the values of sensitive keys wherever text writes them: `pwd=…` (query strings, forms,
 * cookies in text), `"zak":"…"` / `"tk": 123` (JSON, JSONP, JSON inside a JSON string with `\"`),
 * `passWord%3D…` (a URL inside a query). One pass: each maximal word is looked up once, and the
 * look-ahead after a sensitive word only reads what the replacement then skips.
 */
export function keyedValues(s: string, remove: (key: { kind: RemovedKind; label: string }, decoded: string) => string): string {
  const n = s.length;
  let out = '';
  let last = 0;
  let i = 0;
  // (quote, escapes) pairs already known to have no closing quote up to the end: never searched twice.
  const unclosed = new Set<number>();
  while (i < n) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(s.charCodeAt(j))) j++;
    const key = j - i <= 64 ? sensitiveKey(s.slice(i, j)) : null;
    if (key === null) {
      i = j;
      continue;
    }
    const keyQuoted = i > 0 && (s.charCodeAt(i - 1) === 34 || s.charCodeAt(i - 1) === 39);
    // After the key: its closing quote (maybe escaped), spaces, the separator, spaces, an opening quote.
    let k = j;
    while (k < n && k - j < 4 && s.charCodeAt(k) === 92) k++;
    if (keyQuoted && (s.charCodeAt(k) === 34 || s.charCodeAt(k) === 39)) k++;
    while (k < n && k - j < 16 && s.charCodeAt(k) === 32) k++;
    let sep = 0;
    if (s.charCodeAt(k) === 61) sep = 1; // =
    else if (s.charCodeAt(k) === 58) sep = 2; // :
    else if (s.charCodeAt(k) === 37 && s.charCodeAt(k + 1) === 51 && (s.charCodeAt(k + 2) === 68 || s.charCodeAt(k + 2) === 100)) sep = 3; // %3D
    if (sep === 0) {
      i = j;
      continue;
    }
    k += sep === 3 ? 3 : 1;
    const afterSep = k;
    while (k < n && k - afterSep < 16 && s.charCodeAt(k) === 32) k++;
    let escapes = 0;
    while (k < n && escapes < 4 && s.charCodeAt(k) === 92) {
      k++;
      escapes++;
    }
    const q = s.charCodeAt(k);
    if (q === 34 || q === 39) {
      // A quoted value: up to the matching quote (with the same number of backslashes before it).
      const valueStart = k + 1;
      const close = unclosed.has(q * 8 + escapes) ? -1 : closingQuote(s, valueStart, q, escapes);
      if (close < 0) {
        unclosed.add(q * 8 + escapes);
        i = j;
        continue;
      }
      const raw = s.slice(valueStart, close);
      if (raw === '') {
        i = close + 1;
        continue;
      }
      const decoded = q === 34 && escapes === 0 ? jsonString(raw) : raw;
      const standIn = remove(key, decoded);
      const written = q === 34 && escapes === 0 ? JSON.stringify(standIn).slice(1, -1) : standIn.replace(/["'\\]/g, '*');
      out += s.slice(last, valueStart) + written;
      last = close;
      i = close + 1;
      continue;
    }
    if (sep === 2 && !keyQuoted) {
      i = j; // `password: required` in prose: not a key/value pair
      continue;
    }
    let e = k;
    while (e < n && !isValueEnd(s.charCodeAt(e)) && !(sep === 3 && s.charCodeAt(e) === 37 && s.charCodeAt(e + 1) === 50 && s.charCodeAt(e + 2) === 54)) e++;
    if (e === k) {
      i = e;
      continue;
    }
    const raw = s.slice(k, e);
    if (sep === 2 && (raw === 'null' || raw === 'true' || raw === 'false' || raw === '{' || raw === '[')) {
      i = e;
      continue;
    }
    const decoded = sep === 1 ? (decodeForm(raw) ?? raw) : sep === 3 ? (decodeForm(decodeForm(raw) ?? raw) ?? raw) : raw;
    const standIn = remove(key, decoded);
    const written = sep === 2 ? JSON.stringify(standIn) : sep === 3 ? encodeURIComponent(encodeURIComponent(standIn)) : encodeURIComponent(standIn);
    out += s.slice(last, k) + written;
    last = e;
    i = e;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Index of the quote closing a value that opened after `escapes` backslashes, or -1. */
function closingQuote(s: string, from: number, q: number, escapes: number): number {
  let i = from;
  const quote = String.fromCharCode(q);
  for (;;) {
    const at = s.indexOf(quote, i);
    if (at < 0) return -1;
    let b = 0;
    while (at - b - 1 >= from && s.charCodeAt(at - b - 1) === 92) b++;
    // Unescaped (JSON): no backslash before it. Inside a JSON string (\"…\"): exactly the opener's count.
    if (escapes === 0 ? b % 2 === 0 : b === escapes) return at - b;
    i = at + 1;
  }
}

function jsonString(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
