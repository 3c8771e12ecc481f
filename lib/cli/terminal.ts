/**
 * Tokens and endpoint answers are other people's bytes: before they reach a terminal, control
 * characters (ANSI escapes, bidi overrides) are shown as \u escapes so they cannot repaint the screen.
 */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Indents continuation lines of a block under a label column. */
export function indent(text: string, width: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(width)}`);
}
