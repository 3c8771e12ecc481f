import { CONTROL_CHAR, escapeControls, visibleEscape } from '../report/control-chars';

/**
 * Tokens, HAR files, exports and endpoint answers are other people's bytes: before they reach a
 * terminal, control characters (ESC sequences that retitle the window or clear the screen, BEL,
 * a lone CR, bidi overrides) are shown as \u escapes so they cannot repaint the screen.
 */
export function safeText(s: string): string {
  return escapeControls(s);
}

/** The colour codes `paint` writes (lib/cli/io.ts): bold, dim, normal intensity, red, green, yellow, blue, default colour. */
const OUR_SGR: readonly string[] = ['\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[31m', '\u001b[32m', '\u001b[33m', '\u001b[34m', '\u001b[39m'];

/**
 * The last step before anything reaches stdout or stderr, for every command (lib/cli/main.ts
 * wraps both streams): every control character is escaped (as safeText does) except line feeds,
 * tabs, a CR that ends a CRLF line (CSV), and, when colour is on, exactly the colour codes the
 * CLI itself writes. Commands escape what they quote too; this is the guarantee that a message
 * nobody thought of (an error quoting a file name, a renderer's new field) cannot reach the
 * terminal raw. JSON stays valid JSON: inside strings the escape is JSON's own `\uXXXX`.
 */
export function terminalSafe(text: string, colour: boolean): string {
  if (!CONTROL_CHAR.test(text)) return text;
  const find = new RegExp(CONTROL_CHAR.source, 'g');
  let out = '';
  let last = 0;
  for (let m = find.exec(text); m !== null; m = find.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 27 && colour) {
      const sgr = OUR_SGR.find((seq) => text.startsWith(seq, i));
      if (sgr) {
        find.lastIndex = i + sgr.length;
        continue;
      }
    }
    out += text.slice(last, i) + visibleEscape(text.charAt(i));
    last = i + 1;
  }
  return out + text.slice(last);
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
    out.push(cur.trimEnd());
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
    // Measured once: re-measuring the rest after each cut made a 256 KB word quadratic.
    let at = 0;
    if (gap && width - curLen - gap.length >= 8) {
      cur += gap;
      curLen += gap.length;
    } else if (curLen > lineStart) push();
    while (wl - at > width - curLen) {
      const room = Math.max(1, width - curLen);
      cur += word.slice(at, at + room);
      at += room;
      push();
    }
    cur += word.slice(at);
    curLen += wl - at;
  }
  if (cur.trim() !== '') out.push(cur.trimEnd());
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

/**
 * JSON text on as many lines as it needs, each broken after a comma between members or elements,
 * never inside a string, a key or a number (`"m` / `n"`, `17` / `96670426` were cut by wrapLine).
 * The first line starts with `label`, the others are indented under it. A single member longer than
 * the line stays whole: the terminal folds it without adding characters, so a copy still pastes
 * as the token's JSON. One pass over the text.
 */
export function wrapJson(json: string, width: number, label: string): string[] {
  const room = Math.max(20, width) - label.length;
  const pad = ' '.repeat(label.length);
  const out: string[] = [];
  let line = '';
  let piece = '';
  let inString = false;
  const flush = () => {
    if (line !== '' && visibleLength(line) + visibleLength(piece) > room) {
      out.push(line);
      line = piece.replace(/^ +/, '');
    } else line += piece;
    piece = '';
  };
  for (let i = 0; i < json.length; i++) {
    const ch = json.charAt(i);
    piece += ch;
    if (inString) {
      if (ch === '\\') {
        piece += json.charAt(i + 1);
        i++;
      } else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === ',') flush();
  }
  flush();
  if (line !== '') out.push(line);
  return out.map((l, i) => `${i === 0 ? label : pad}${l}`);
}
