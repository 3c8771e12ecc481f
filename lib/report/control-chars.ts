/**
 * Characters that change how text is shown instead of what it says: C0 controls (ESC starts a
 * terminal's escape sequences, BEL ends a title change, a lone CR rewrites the line, and Markdown
 * reads a CR as a line break), DEL, C1 controls (U+009B is a one-byte CSI to some terminals), the
 * bidi controls that reorder what follows (U+202E shows `exe.txt` for `txt.exe`) and the Unicode
 * line and paragraph separators. Tab and line feed are left to each destination's encoder.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Matches one such character (not global: safe to share). */
export const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** How a control character is shown instead: `\u001b`, readable and inert everywhere. */
export function visibleEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function hasControls(s: string): boolean {
  return CONTROL_CHAR.test(s);
}

/** `s` with every control, bidi and separator character (not tab or line feed) shown as `\uXXXX`. */
export function escapeControls(s: string): string {
  return CONTROL_CHAR.test(s) ? s.replace(CONTROL, visibleEscape) : s;
}

/**
 * Any value as text, for a renderer: an imported export's field that should be a string may be an
 * object whose `toString` is not a function (`{"toString":""}` makes String() throw), so such a
 * value is shown as its JSON instead of crashing the report.
 */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return String(v);
  } catch {
    try {
      return JSON.stringify(v) ?? '';
    } catch {
      return '';
    }
  }
}
