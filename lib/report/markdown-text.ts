/**
 * The one Markdown encoder for text that came from a page, a token, a HAR or an imported export.
 * Such text must read as itself in a ticket: no raw HTML (`<img onerror>`), no links or images
 * (`[a](javascript:…)`, `![x](http://…)` would load or link whatever the page chose), no line
 * break (a lone CR starts a new line, and `# ` there a heading), no emphasis or table cells.
 */
import { escapeControls, textOf } from './control-chars';
import { codeSpans } from './fix-text';

/**
 * Backslash-escaped wherever they appear (CommonMark lets any ASCII punctuation be escaped). Not
 * the backtick: rule titles quote claims as code (`mn`), and a code span can neither link nor
 * embed HTML; its content is shown literally, our escapes included.
 */
const INLINE_META = new Set(['\\', '*', '_', '[', ']', '|', '~', '@']);

/** Escaped only where a line starts with them: headings, lists, block quotes, setext underlines. */
const LINE_START_META = new Set(['#', '-', '+', '=']);

/**
 * One line of inline Markdown text. Line breaks become spaces; `&`, `<`, `>` become entities; the
 * inline metacharacters get a backslash; what would start a block does not. Bare URLs and
 * addresses are broken the way GitHub's autolinker needs (`http\://`, `www\.`, `\@`): it links
 * only unescaped text. Controls and bidi characters are shown as `\uXXXX`.
 */
export function mdText(value: unknown): string {
  const s = escapeControls(textOf(value).replace(/\r\n?|\n/g, ' '));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (INLINE_META.has(ch)) out += `\\${ch}`;
    else if (ch === ':' && s.startsWith('//', i + 1)) out += '\\:';
    else if (ch === '.' && i >= 3 && s.slice(i - 3, i).toLowerCase() === 'www') out += '\\.';
    else out += ch;
  }
  return out;
}

/** mdText for a value that opens a line: `- `, `# `, `1. ` there must not become a list or a heading. */
export function mdLine(value: unknown): string {
  const out = mdText(value);
  if (LINE_START_META.has(out.charAt(0))) return `\\${out}`;
  const list = /^(\d{1,9})([.)])/.exec(out);
  return list ? `${list[1]}\\${list[2]}${out.slice(list[0].length)}` : out;
}

/** A code span that survives backticks inside the value; one line, controls escaped, `|` escaped for tables. */
export function mdCode(value: unknown): string {
  const s = escapeControls(textOf(value).replace(/\r\n?|\n/g, ' ')).replace(/\|/g, '\\|');
  let longest = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = s.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = longest || s.startsWith(' ') || s.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * Rule text with its `code` spans (lib/report/fix-text.ts codeSpans): prose through mdText, each
 * span through mdCode, so `Time.now.to_i` reads as code and not `Time.now.to\_i`.
 */
export function mdRich(value: unknown): string {
  return codeSpans(textOf(value))
    .map((s) => (s.code ? mdCode(s.text) : mdText(s.text)))
    .join('');
}
