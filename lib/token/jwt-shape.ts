/**
 * What a compact JWS looks like inside other text (a response body, a URL, a message): three
 * segments, the first a JSON object (`eyJ` is base64 of `{"`). Lenient on purpose: generators
 * that emit standard base64 (`+`, `/`, `=`) still write tokens Zoom may accept, so finding,
 * linking and redacting must all see them.
 *
 * A hand scanner, not a regex: the text is a page's response body or a HAR, and the pattern
 * `eyJ[…]*=*\.[…]*=*\.[…]*=*` backtracks over every `eyJ` it meets (a 256 KB body of `eyJ…` took
 * 20 s). This finds exactly what that pattern found, in one pass: a segment is a maximal run of
 * base64 characters and its `=` padding, so there is only ever one way to match from a start, and
 * a start that fails makes every start up to the point of failure fail too.
 */

export interface JwtMatch {
  /** Index of the `e` of `eyJ`, and just past the last character. */
  start: number;
  end: number;
  header: string;
  payload: string;
  /** May be empty (`eyJ….x.`). */
  signature: string;
  /** The whole `header.payload.signature`. */
  text: string;
}

/** Base64 and base64url alphabets together (A–Z a–z 0–9 - _ + /). */
function isSegmentChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 43 || c === 47;
}

/** Index just past a segment starting at `i`: its run of alphabet characters, then any `=`. */
function segmentEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSegmentChar(text.charCodeAt(j))) j++;
  while (j < text.length && text.charCodeAt(j) === 61) j++;
  return j;
}

/** Every JWT-shaped substring, left to right, never overlapping. Linear in the text's length. */
export function* jwtsIn(text: string): Generator<JwtMatch> {
  let from = 0;
  for (;;) {
    const start = text.indexOf('eyJ', from);
    if (start < 0) return;
    const h = segmentEnd(text, start + 3);
    if (text.charCodeAt(h) !== 46) {
      // Every later start inside this segment ends at the same place, without a dot.
      from = Math.max(h, start + 1);
      continue;
    }
    const p = segmentEnd(text, h + 1);
    if (text.charCodeAt(p) !== 46) {
      // A start inside the header or payload segment ends its own first segment at h or p and then
      // needs a dot after p, which is not there.
      from = Math.max(p, start + 1);
      continue;
    }
    const end = segmentEnd(text, p + 1);
    yield { start, end, header: text.slice(start, h), payload: text.slice(h + 1, p), signature: text.slice(p + 1, end), text: text.slice(start, end) };
    from = end;
  }
}

/** The first JWT-shaped substring of `text`, or null. */
export function firstJwtIn(text: string): string | null {
  for (const m of jwtsIn(text)) return m.text;
  return null;
}

/** `text` with each JWT-shaped substring replaced by what `replace` returns for it. */
export function replaceJwts(text: string, replace: (m: JwtMatch) => string): string {
  let out = '';
  let last = 0;
  for (const m of jwtsIn(text)) {
    out += text.slice(last, m.start) + replace(m);
    last = m.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
