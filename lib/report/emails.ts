/**
 * Finds e-mail addresses, also URL-encoded (`%40`) as in a wc/info body or query string, in text
 * a page or a HAR wrote. A hand scanner with the semantics of
 * `[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}` (what redaction used
 * before), in linear time: that pattern backtracks over every run of name characters, so a
 * 128 KB error message took 12 s. Each run of local-part characters is handled once: like the
 * greedy pattern, its rightmost separator whose domain has a top-level label wins.
 */

/** A–Z a–z 0–9 . _ % + - */
function isLocalChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/** A–Z a–z 0–9 - */
function isLabelChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * End of the domain starting at `i` (`label(.label)*` then `.` and two or more letters), or -1.
 * As the greedy pattern does: the last label that starts with two letters ends the match, just
 * after those letters. Reads only the domain's own labels.
 */
function domainEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isLabelChar(text.charCodeAt(j))) j++;
  if (j === i) return -1;
  let best = -1;
  while (text.charCodeAt(j) === 46 && isLabelChar(text.charCodeAt(j + 1))) {
    const label = j + 1;
    let k = label;
    while (k < text.length && isAlpha(text.charCodeAt(k))) k++;
    if (k - label >= 2) best = k;
    while (k < text.length && isLabelChar(text.charCodeAt(k))) k++;
    j = k;
  }
  return best;
}

/** `%40` at `i`. */
function isEncodedAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === 37 && text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 48;
}

export interface EmailMatch {
  start: number;
  end: number;
}

/** Every e-mail address in `text`, left to right. */
export function* emailsIn(text: string): Generator<EmailMatch> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLocalChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    let runEnd = i;
    while (runEnd < n && isLocalChar(text.charCodeAt(runEnd))) runEnd++;
    // Separators, rightmost first: an `@` just after the run, then each `%40` inside it (the
    // local part must keep at least one character before it).
    let end = -1;
    if (text.charCodeAt(runEnd) === 64) end = domainEnd(text, runEnd + 1);
    for (let s = runEnd - 3; end < 0 && s > runStart; s--) {
      if (isEncodedAt(text, s)) end = domainEnd(text, s + 3);
    }
    if (end >= 0) {
      yield { start: runStart, end };
      i = end;
    } else {
      i = runEnd;
    }
  }
}

/** `text` with every e-mail address replaced by `replacement`. */
export function replaceEmails(text: string, replacement: string): string {
  let out = '';
  let last = 0;
  for (const m of emailsIn(text)) {
    out += text.slice(last, m.start) + replacement;
    last = m.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

export function hasEmail(text: string): boolean {
  for (const _ of emailsIn(text)) return true;
  return false;
}
