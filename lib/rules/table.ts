import type { Rule } from './types';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The rule catalogue as a Markdown table (id, severity, title, source), in catalogue order. */
export function renderRulesTable(rules: readonly Rule[]): string {
  const lines = ['| id | severity | title | source |', '|---|---|---|---|'];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${cell(r.source)} |`);
  return lines.join('\n');
}

/**
 * Replaces what lies between the rules markers in a README with `table`; null when the markers are
 * missing or out of order, so the caller can say so instead of writing somewhere else.
 */
export function replaceRulesSection(readme: string, table: string): string | null {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < 0 || end < start) return null;
  return `${readme.slice(0, start + RULES_START.length)}\n${table}\n${readme.slice(end)}`;
}
