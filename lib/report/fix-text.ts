/**
 * A fix as the reports and the CLI print it: what to change, then the line for the backend's
 * language (the one the token gave away, else the session's), then every other language once. The
 * rules write one text per fix (lib/rules/lang.ts langFix); this only takes it apart
 * (splitLangFix), so the wording stays the rule's. Code is marked with backticks in that text;
 * `codeSpans` finds them once, left to right, for each output to render as its own code (a Markdown
 * code span, an HTML <code>, plain text on a terminal), so no reader ever sees a literal backtick.
 */
import { LANG_LABEL, splitLangFix, type Lang } from '../rules/lang';
import { textOf } from './control-chars';

export interface FixLayout {
  /** What to change, without the per-language lines. */
  intro: string;
  /** The backend language the line is for; null for a fix without per-language lines. */
  lang: Lang | null;
  /** Why this language: the token's own evidence, or the session's other tokens; null when guessed by order. */
  because: string | null;
  /** The line for `lang` ('' for a fix without per-language lines). */
  line: string;
  /** The other languages' lines, each once. */
  others: Array<{ lang: Lang; label: string; text: string }>;
}

/**
 * The fix laid out for one reader. `sessionLang` is the language most of the session's tokens
 * point to, used when this token does not say.
 */
export function fixLayout(fixValue: string, sessionLang: Lang | null = null): FixLayout {
  // An imported export's fix may be anything; it reads as text.
  const fix = textOf(fixValue);
  const parts = splitLangFix(fix);
  if (!parts) return { intro: fix.trim(), lang: null, because: null, line: '', others: [] };
  const lang = parts.guess?.lang ?? sessionLang ?? parts.lines[0]!.lang;
  const line = parts.lines.find((l) => l.lang === lang) ?? parts.lines[0]!;
  const because = parts.guess ? `detected: ${parts.guess.evidence}` : sessionLang ? 'detected from the session’s other tokens' : null;
  return {
    intro: parts.intro,
    lang: line.lang,
    because,
    line: line.text,
    others: parts.lines.filter((l) => l !== line).map((l) => ({ lang: l.lang, label: LANG_LABEL[l.lang], text: l.text })),
  };
}

/** The intro as a sentence of its own before the language's line ("… through a float:" ends with "."). */
export function introSentence(intro: string): string {
  const t = intro.trim().replace(/[:;,]$/, '');
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

/** "Java/Kotlin (detected: …)" or "Java/Kotlin". */
export function langHeading(f: FixLayout): string {
  return f.lang === null ? '' : `${LANG_LABEL[f.lang]}${f.because ? ` (${f.because})` : ''}`;
}

/** The language most fixes in a session name ("Likely a Java/Kotlin backend"), or null. */
export function sessionLangOfFixes(fixes: Iterable<unknown>): Lang | null {
  const counts = new Map<Lang, number>();
  for (const fix of fixes) {
    const g = typeof fix === 'string' && fix.startsWith('Likely a ') ? splitLangFix(fix)?.guess : null;
    if (g) counts.set(g.lang, (counts.get(g.lang) ?? 0) + 1);
  }
  let best: Lang | null = null;
  for (const [lang, n] of counts) if (best === null || n > counts.get(best)!) best = lang;
  return best;
}

export interface TextSpan {
  code: boolean;
  text: string;
}

/** Text and `code` spans, one pass; an unpaired backtick stays a character of the text. */
export function codeSpans(value: string): TextSpan[] {
  const text = textOf(value);
  const out: TextSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    const close = open < 0 ? -1 : text.indexOf('`', open + 1);
    if (open < 0 || close < 0) {
      out.push({ code: false, text: text.slice(i) });
      break;
    }
    if (open > i) out.push({ code: false, text: text.slice(i, open) });
    out.push({ code: true, text: text.slice(open + 1, close) });
    i = close + 1;
  }
  return out;
}

/** For a terminal: the code spans' text without their backticks. */
export function plainText(value: string): string {
  const text = textOf(value);
  if (!text.includes('`')) return text;
  return codeSpans(text)
    .map((s) => s.text)
    .join('');
}

/**
 * What makes two fixes the same advice: their per-language lines (two rules may introduce the same
 * lines with their own sentence: iat-future and iat-quantized on a Java token both say "replace
 * Math.round(…)"), or the whole text when it has no such lines.
 */
export function fixKey(fixValue: string): string {
  const fix = textOf(fixValue);
  const parts = splitLangFix(fix);
  return parts ? parts.lines.map((l) => `${l.lang}\u0000${l.text}`).join('\u0001') : fix.trim();
}

/**
 * Remembers which rule printed a fix first, so a later rule with the same advice (or advice the
 * first one contains) says "as for <rule>" instead of printing it again.
 */
export class FixesSeen {
  private readonly byKey = new Map<string, string>();
  private readonly texts: Array<[string, string]> = [];

  /** The rule that already printed this fix, or null (and the fix is now remembered for `id`). */
  seen(fixValue: string, id: string): string | null {
    const fix = textOf(fixValue);
    const key = fixKey(fix);
    const hit = this.byKey.get(key) ?? this.texts.find(([text]) => text.includes(fix))?.[1] ?? null;
    if (hit !== null) return hit;
    this.byKey.set(key, id);
    this.texts.push([fix, id]);
    return null;
  }
}
