import type { CatalogueRule, Rule, RuleSdk } from './types';
import type { JoinRule } from './join/types';
import { codeFact } from './join/code-table';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';
export const JOIN_RULES_START = '<!-- join-rules:start -->';
export const JOIN_RULES_END = '<!-- join-rules:end -->';
export const RULE_ORDER_START = '<!-- rule-order:start -->';
export const RULE_ORDER_END = '<!-- rule-order:end -->';
export const CODE_RULES_START = '<!-- code-rules:start -->';
export const CODE_RULES_END = '<!-- code-rules:end -->';

/** Where a join rule's finding comes from, as the Inspector's group headings say it. */
export const ORIGIN_LABEL = { token: 'token', arguments: 'join arguments', answer: "Zoom's answer", page: 'page', assets: 'SDK assets' } as const;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const SDK_LABEL: Record<RuleSdk, string> = { meeting: 'Meeting SDK', video: 'Video SDK', any: 'both' };

function codes(list: readonly number[] | undefined): string {
  return list && list.length > 0 ? list.join(', ') : '';
}

/** The rule catalogue as a Markdown table (id, severity, title, source), in catalogue order. */
export function renderRulesTable(rules: readonly Rule<string>[]): string {
  const lines = ['| id | severity | title | source |', '|---|---|---|---|'];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${cell(r.source)} |`);
  return lines.join('\n');
}

/** The join-rule catalogue (what is not the token) as a Markdown table, with where each finding comes from. */
export function renderJoinRulesTable(rules: readonly JoinRule<string>[]): string {
  const lines = ['| id | from | severity | explains codes | title | source |', '|---|---|---|---|---|---|'];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${ORIGIN_LABEL[r.origin]} | ${r.severity} | ${codes(r.produces)} | ${cell(r.title)} | ${cell(r.source)} |`);
  return lines.join('\n');
}

/**
 * The token rules in the order their findings take a failure's headline (each rule's rank), with
 * the SDK whose tokens each judges, the codes it explains and the cause as Correlation says it.
 */
export function renderRuleOrderTable(rules: readonly CatalogueRule<string>[]): string {
  const lines = ['| rank | id | SDK | explains codes | the cause as said |', '|---|---|---|---|---|'];
  for (const r of [...rules].sort((a, b) => a.rank - b.rank)) {
    const said = `${cell(r.phrase ?? r.title)}${r.verifiedBySecret ? ' (verified with the secret)' : ''}`;
    lines.push(`| ${r.rank} | \`${r.id}\` | ${SDK_LABEL[r.sdk]} | ${codes(r.produces)} | ${said} |`);
  }
  return lines.join('\n');
}

/** Each SDK code some rule explains, with the rules that explain it in the order they take the headline. */
export function renderCodeRulesTable(rows: ReadonlyArray<{ code: number; rules: readonly string[] }>): string {
  const lines = ['| code | meaning | explained by (first leads) |', '|---|---|---|'];
  for (const { code, rules } of rows) lines.push(`| ${code} | ${cell(codeFact(code)?.meaning ?? 'not in the code table')} | ${rules.map((id) => `\`${id}\``).join(', ')} |`);
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
