/**
 * Fixes in the language of the backend that made the token. Every rule's fix names the line to
 * change in each common backend language; when the token itself shows which generator made it
 * (PyJWT's `1795912284.0`, Java's 128 s quantisation, golang-jwt's sorted claims or fixed-precision
 * times, jsonwebtoken's appended iat, PHP's hex digest), that language comes first.
 */
import type { DecodedToken } from '../token/types';
import { decodeSegment } from '../token/base64';
import { FLOAT_SPACING_S, floatSpacingAt, isQuantizedIat } from './quantization';
import { dotnetSecondsToUnix } from './epoch-gap';
import { factsOf } from './token-facts';

export type Lang = 'js' | 'python' | 'java' | 'php' | 'go' | 'ruby' | 'csharp';

/** The order fixes are listed in when no generator can be inferred (by share of Zoom sample backends). */
export const LANGS: readonly Lang[] = ['js', 'python', 'java', 'php', 'go', 'ruby', 'csharp'];

export const LANG_LABEL: Record<Lang, string> = {
  js: 'JS/TS',
  python: 'Python',
  java: 'Java/Kotlin',
  php: 'PHP',
  go: 'Go',
  ruby: 'Ruby',
  csharp: 'C#',
};

/** One line (or call) per backend language. */
export type LangLines = Record<Lang, string>;

export interface GeneratorGuess {
  lang: Lang;
  /** What in the token gave the generator away, for the fix's first sentence. */
  evidence: string;
}

/** An HS256 signature part of 64 lowercase hex characters: PHP `hash_hmac('sha256', …)` without `true`. */
export function hexDigestSignature(token: DecodedToken): boolean {
  const sig = token.segments.length === 3 ? token.segments[2]! : '';
  if (sig.length !== 86 && sig.length !== 88) return false;
  const d = decodeSegment(sig);
  return d.ok && /^[0-9a-f]{64}$/.test(d.text);
}

function rawLiteral(token: DecodedToken, name: string): string | null {
  const m = token.payloadMembers;
  return m !== null && Object.prototype.hasOwnProperty.call(m, name) ? (m[name]?.raw ?? null) : null;
}

const cache = new WeakMap<DecodedToken, GeneratorGuess | null>();

/**
 * The backend language the token's own bytes point to; null when nothing does. Cached per token: in
 * the analysis's fact scope while one runs (token-facts.ts; no WeakMap entry per analysed token), else
 * in a WeakMap (the panel asks again for tokens analysed earlier).
 */
export function inferGenerator(token: DecodedToken): GeneratorGuess | null {
  const facts = factsOf(token);
  if (facts !== null) {
    if (facts.guess === undefined) facts.guess = cache.has(token) ? cache.get(token)! : infer(token);
    return facts.guess as GeneratorGuess | null;
  }
  if (cache.has(token)) return cache.get(token)!;
  const guess = infer(token);
  cache.set(token, guess);
  return guess;
}

/**
 * One object per reason, so fixes can be memoised by identity (a HAR of thousands of joins, or the
 * analyse bench, asks for the same fix again and again). Evidence is stated without the token's own
 * values for the same reason; the finding's message carries the values.
 */
export const GUESS = {
  phpHex: { lang: 'php', evidence: "the signature part is a 64-character hex digest, which is what PHP's hash_hmac('sha256', …) returns without its binary flag" },
  phpHeader: { lang: 'php', evidence: 'the header is written {"typ":"JWT","alg":"HS256"}, typ first, as firebase/php-jwt writes it' },
  pythonFloat: { lang: 'python', evidence: 'a time is written like 1795912284.0, the repr of a Python float (PyJWT serialises float(...) that way)' },
  javaRound: { lang: 'java', evidence: 'iat is a multiple of 128 s, the float quantisation of Java Math.round(long)' },
  goPrecision: { lang: 'go', evidence: 'times are written with a fixed 3, 6 or 9 decimals, as golang-jwt does when jwt.TimePrecision is below a second' },
  goSorted: { lang: 'go', evidence: "the claims are in sorted order, as Go's encoding/json writes a jwt.MapClaims map" },
  jsonwebtoken: { lang: 'js', evidence: 'iat is the last claim, appended after yours as Node jsonwebtoken jwt.sign() does' },
  pythonDumps: { lang: 'python', evidence: 'the payload JSON has a space after every colon and comma, the default of Python json.dumps' },
  goDuration: { lang: 'go', evidence: 'a time.Duration counts nanoseconds' },
  dotnetUrlToken: { lang: 'csharp', evidence: 'its segments end in the padding-count digit ("0", "1", "2") that .NET HttpServerUtility.UrlTokenEncode appends' },
  dotnetTicks: { lang: 'csharp', evidence: ".NET DateTime.Ticks count from 0001-01-01, and iat is 62,135,596,800 s (the 0001→1970 epoch gap) past today's Unix time" },
} as const satisfies Record<string, GeneratorGuess>;

/** Digits from `from` to `to` (exclusive), at least one. */
function allDigits(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `1795912284.0`, the repr of a Python float (was /^\d+\.0$/; a scan, as infer runs for every analysed token). */
function isPyFloat(raw: string): boolean {
  const n = raw.length;
  return n >= 3 && raw.charCodeAt(n - 1) === 48 && raw.charCodeAt(n - 2) === 46 && allDigits(raw, 0, n - 2);
}

/** Digits, a point, then exactly 3, 6 or 9 digits (was /^\d+\.(\d{3}|\d{6}|\d{9})$/). */
function hasFixedDecimals(raw: string): boolean {
  const dot = raw.indexOf('.');
  if (dot <= 0) return false;
  const decimals = raw.length - dot - 1;
  return (decimals === 3 || decimals === 6 || decimals === 9) && allDigits(raw, 0, dot) && allDigits(raw, dot + 1, raw.length);
}

function infer(token: DecodedToken): GeneratorGuess | null {
  if (hexDigestSignature(token)) return GUESS.phpHex;
  if (token.urlTokenSegments !== undefined && token.urlTokenSegments.length > 0) return GUESS.dotnetUrlToken;
  const header = token.headerJson;
  if (header === '{"typ":"JWT","alg":"HS256"}') return GUESS.phpHeader;
  const iat = rawLiteral(token, 'iat');
  const exp = rawLiteral(token, 'exp');
  if ((iat !== null && isPyFloat(iat)) || (exp !== null && isPyFloat(exp))) return GUESS.pythonFloat;
  const iatValue = token.payload?.['iat'];
  if (dotnetSecondsToUnix(iatValue) !== null) return GUESS.dotnetTicks;
  if (isQuantizedIat(iatValue) && floatSpacingAt(iatValue as number) === FLOAT_SPACING_S) return GUESS.javaRound;
  // golang-jwt's NumericDate writes strconv.FormatFloat(…, 'f', prec): a fixed number of decimals set by
  // TimePrecision, trailing zeros kept (JS and Python drop them).
  // Both present times (at least one) with fixed decimals, one of them ending in 0.
  if (
    (iat !== null || exp !== null) &&
    (iat === null || hasFixedDecimals(iat)) &&
    (exp === null || hasFixedDecimals(exp)) &&
    ((iat !== null && iat.endsWith('0')) || (exp !== null && exp.endsWith('0')))
  ) {
    return GUESS.goPrecision;
  }
  if (header !== '{"alg":"HS256","typ":"JWT"}' || token.payloadMembers === null) {
    return token.payloadJson !== null && token.payloadJson.startsWith('{"') && token.payloadJson.includes('": ') && token.payloadJson.includes(', "') ? GUESS.pythonDumps : null;
  }
  // The members' keys in order (as Object.keys lists them), without building the list.
  let count = 0;
  let sorted = true;
  let last = '';
  for (const key in token.payloadMembers) {
    if (!Object.prototype.hasOwnProperty.call(token.payloadMembers, key)) continue;
    if (count > 0 && !(last < key)) sorted = false;
    last = key;
    count++;
  }
  if (count >= 4 && sorted) return GUESS.goSorted;
  if (count >= 3 && last === 'iat') return GUESS.jsonwebtoken;
  if (token.payloadJson !== null && token.payloadJson.includes('": ') && token.payloadJson.includes(', "')) return GUESS.pythonDumps;
  return null;
}

/**
 * The fix text: `intro`, then one "Label: line" per language, the inferred generator's first and
 * announced. Every language gets a line, so a reader with any backend finds theirs.
 */
export function langFix(intro: string, lines: LangLines, token?: DecodedToken | null, known?: GeneratorGuess | null): string {
  // The finding itself may name the generator (a Go Duration), which beats what the token's bytes suggest.
  const guess = known ?? (token ? inferGenerator(token) : null);
  // One string per distinct fix, shared by every finding that has it: a HAR of 25,000 joins repeats
  // the same few fixes. Keyed by identity (lines object, intro string, canonical guess), so a hit costs
  // no string building.
  let byIntro = fixMemo.get(lines);
  if (!byIntro) fixMemo.set(lines, (byIntro = new Map()));
  let byGuess = byIntro.get(intro);
  if (!byGuess) {
    if (byIntro.size >= MEMO_LIMIT) byIntro.clear();
    byIntro.set(intro, (byGuess = new Map()));
  }
  const hit = byGuess.get(guess);
  if (hit !== undefined) return hit;
  const order = guess ? [guess.lang, ...LANGS.filter((l) => l !== guess.lang)] : LANGS;
  const body = order.map((l) => `${LANG_LABEL[l]}: ${lines[l]}`).join('; ');
  const lead = guess ? `Likely a ${LANG_LABEL[guess.lang]} backend (${guess.evidence}). ` : '';
  const text = `${lead}${intro.trim()} ${body}${body.endsWith('.') ? '' : '.'}`;
  byGuess.set(guess, text);
  return text;
}

/** Intros can carry measured values (a zone label), so the memo is bounded. */
const MEMO_LIMIT = 256;
const fixMemo = new WeakMap<LangLines, Map<string, Map<GeneratorGuess | null, string>>>();

/** A fix as langFix wrote it, taken apart again so a reader sees their own language's line first. */
export interface LangFixParts {
  /** The language the token pointed to ("Likely a Java/Kotlin backend (…)"), when langFix named one. */
  guess: { lang: Lang; evidence: string } | null;
  /** What to change, before the per-language lines. */
  intro: string;
  /** One line per language, in langFix's order (the guessed language first). */
  lines: Array<{ lang: Lang; text: string }>;
}

const LABEL_LANG = new Map<string, Lang>(LANGS.map((l) => [LANG_LABEL[l], l]));
const LEAD_PREFIX = 'Likely a ';
const LEAD_INFIX = ' backend (';

/**
 * The parts of a langFix text, or null when the text is not one (a fix written without per-language
 * lines). Linear: each label is searched once, left to right, in the order langFix wrote them, so a
 * fix from an imported report costs no more than its length.
 */
export function splitLangFix(text: string): LangFixParts | null {
  let rest = text;
  let guess: LangFixParts['guess'] = null;
  if (rest.startsWith(LEAD_PREFIX)) {
    const infix = rest.indexOf(LEAD_INFIX);
    const lang = infix > 0 ? LABEL_LANG.get(rest.slice(LEAD_PREFIX.length, infix)) : undefined;
    const end = lang ? rest.indexOf('). ', infix) : -1;
    // Evidence may itself hold "). " only in theory; GUESS texts do not, and a miss only loses the lead.
    if (lang && end > 0) {
      guess = { lang, evidence: rest.slice(infix + LEAD_INFIX.length, end) };
      rest = rest.slice(end + 3);
    }
  }
  const order = guess ? [guess.lang, ...LANGS.filter((l) => l !== guess!.lang)] : LANGS;
  const starts: number[] = [];
  let from = 0;
  for (let k = 0; k < order.length; k++) {
    const label = `${LANG_LABEL[order[k]!]}: `;
    // The first label follows the intro after a space; the others follow the previous line's "; ".
    const at = k === 0 ? rest.indexOf(` ${label}`, from) : rest.indexOf(`; ${label}`, from);
    if (at < 0) return null;
    starts.push(at);
    from = at + label.length + 1;
  }
  const lines: LangFixParts['lines'] = order.map((lang, k) => {
    const begin = starts[k]! + (k === 0 ? 1 : 2) + LANG_LABEL[lang].length + 2;
    const end = k + 1 < order.length ? starts[k + 1]! : rest.length;
    let line = rest.slice(begin, end).trim();
    if (k + 1 === order.length && line.endsWith('.')) line = line.slice(0, -1);
    return { lang, text: line };
  });
  return { guess, intro: rest.slice(0, starts[0]).trim(), lines };
}
