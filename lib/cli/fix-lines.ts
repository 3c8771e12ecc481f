/**
 * A fix for a terminal: what to change, the backend language's line, the other languages once,
 * code without its backticks (lib/report/fix-text.ts). Lines come out unwrapped; wrapText gives
 * them their hanging indent.
 */
import type { Lang } from '../rules/lang';
import { fixLayout, introSentence, langHeading, plainText } from '../report/fix-text';
import { safeText } from './terminal';

export function fixLines(fix: string, lang: Lang | null, indent: string, label = 'fix:'): string[] {
  const f = fixLayout(fix, lang);
  const pad = ' '.repeat(label.length + 1);
  if (f.lang === null) return [`${indent}${label} ${safeText(plainText(f.intro))}`];
  const lines = [`${indent}${label} ${safeText(plainText(introSentence(f.intro)))}`, `${indent}${pad}${safeText(langHeading(f))}: ${safeText(plainText(f.line))}`];
  if (f.others.length) lines.push(`${indent}${pad}other languages: ${safeText(f.others.map((o) => `${o.label}: ${plainText(o.text)}`).join('; '))}`);
  return lines;
}
