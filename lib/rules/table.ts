import type { Rule } from './types';
import type { JoinRule } from './join/types';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';
export const JOIN_RULES_START = '<!-- join-rules:start -->';
export const JOIN_RULES_END = '<!-- join-rules:end -->';

/** Where a join rule's finding comes from, as the Inspector's group headings say it. */
export const ORIGIN_LABEL = { token: 'token', arguments: 'join arguments', answer: "Zoom's answer", page: 'page', assets: 'SDK assets' } as const;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The rule catalogue as a Markdown table (id, severity, title, source), in catalogue order. */
export function renderRulesTable(rules: readonly Rule<string>[]): string {
  const lines = ['| id | severity | title | source |', '|---|---|---|---|'];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${cell(r.source)} |`);
  return lines.join('\n');
}

/** The join-rule catalogue (what is not the token) as a Markdown table, with where each finding comes from. */
export function renderJoinRulesTable(rules: readonly JoinRule<string>[]): string {
  const lines = ['| id | from | severity | title | source |', '|---|---|---|---|---|'];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${ORIGIN_LABEL[r.origin]} | ${r.severity} | ${cell(r.title)} | ${cell(r.source)} |`);
  return lines.join('\n');
}

/**
 * Replaces what lies between the rules markers in a README with `table`; null when the markers are
 * missing or out of order, so the caller can say so instead of writing somewhere else.
 */
export function replaceRulesSection(readme: string, table: string, markers: readonly [string, string] = [RULES_START, RULES_END]): string | null {
  const [open, close] = markers;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < 0 || end < start) return null;
  return `${readme.slice(0, start + open.length)}\n${table}\n${readme.slice(end)}`;
}
