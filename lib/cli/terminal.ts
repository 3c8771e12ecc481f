/**
 * Tokens and endpoint answers are other people's bytes: before they reach a terminal, control
 * characters (ANSI escapes, bidi overrides) are shown as \u escapes so they cannot repaint the screen.
 */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal (colour escapes take none). */
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/** Width to wrap human output at: the terminal's columns, COLUMNS, else 80 (a pipe, a file, CI). */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined> = {}): number {
  const fromEnv = Number(env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return Math.min(fromEnv, 1000);
  if (stream.isTTY === true && typeof stream.columns === 'number' && stream.columns >= 20) return stream.columns;
  return 80;
}

/**
 * Where a line's continuation lines start: under the text after a label column ("judged   2026…",
 * "error    iat-future"), a list marker ("  1. ", "  - ") or plain leading spaces. Capped at half
 * the width so a long label never leaves a sliver to wrap into.
 */
export function hangingIndent(line: string, width: number): number {
  const plain = line.replace(ANSI, '');
  const m = /^(\s*)(?:(?:[-*•]|\d+\.)\s+|\S[^\s]*(?: \S+)*?\s{2,}(?=\S))?/.exec(plain);
  const at = m ? m[0].length : 0;
  return Math.min(at, Math.floor(width / 2));
}

/**
 * Word-wraps one line to `width` columns with a hanging indent, never splitting an ANSI escape.
 * A word longer than the room left (a JWT, a URL) is cut into pieces that fit.
 */
export function wrapLine(line: string, width: number): string[] {
  // A shell command to copy ("  $ join-doctor …") stays whole: a wrapped command pastes broken.
  if (visibleLength(line) <= width || /^\s*\$ /.test(line)) return [line];
  const hang = hangingIndent(line, width);
  const lead = /^\s*/.exec(line.replace(ANSI, ''))![0].length;
  // Words with the spaces before them, so a first line keeps its column alignment ("min   0 s").
  const parts = line.slice(lead).split(/( +)/);
  const out: string[] = [];
  const pad = ' '.repeat(hang);
  let cur = ' '.repeat(lead);
  let curLen = lead;
  let lineStart = lead;
  const push = () => {
    out.push(cur.replace(/\s+$/, ''));
    cur = pad;
    curLen = hang;
    lineStart = hang;
  };
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (word === '') continue;
    const gap = i > 0 && curLen > lineStart ? (parts[i - 1] ?? ' ') : '';
    const wl = visibleLength(word);
    if (curLen + gap.length + wl <= width) {
      cur += gap + word;
      curLen += gap.length + wl;
      continue;
    }
    if (wl <= width - hang) {
      // Fits on a fresh line.
      push();
      cur += word;
      curLen += wl;
      continue;
    }
    // Longer than any line (a JWT, a URL): cut it, starting right here (escapes are not expected inside).
    let rest = word;
    if (gap && width - curLen - gap.length >= 8) {
      cur += gap;
      curLen += gap.length;
    } else if (curLen > lineStart) push();
    while (visibleLength(rest) > width - curLen) {
      const room = Math.max(1, width - curLen);
      cur += rest.slice(0, room);
      rest = rest.slice(room);
      push();
    }
    cur += rest;
    curLen += visibleLength(rest);
  }
  if (cur.trim() !== '') out.push(cur.replace(/\s+$/, ''));
  return out;
}

/** Wraps every line of a block of human output (see wrapLine). */
export function wrapText(text: string, width: number): string {
  const w = Math.max(20, Math.floor(width));
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, w))
    .join('\n');
}
