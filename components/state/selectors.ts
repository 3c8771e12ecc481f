/**
 * Derived views of the store. Filtering needs the findings of every attempt only when a rule
 * filter or a text filter is set; otherwise no attempt is analysed here (rows analyse themselves
 * when they scroll into view).
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { Finding } from '../../lib/rules/types';
import type { LogFilter, OutcomeKind, PanelState } from './store';
import { describeOutcome, issuerLabel, methodLabel } from './format';

export function selectActiveAttempts(s: PanelState): JoinAttempt[] {
  return s.source === 'imported' && s.imported ? s.imported.attempts : s.live.attempts;
}

export function selectSelectedAttempt(s: PanelState): JoinAttempt | null {
  if (!s.selectedId) return null;
  return selectActiveAttempts(s).find((a) => a.id === s.selectedId) ?? null;
}

export function filterIsActive(f: LogFilter): boolean {
  return f.outcomes.length > 0 || f.ruleId.trim() !== '' || f.text.trim() !== '';
}

export type FindingsOf = (a: JoinAttempt) => readonly Finding[];

/** The rows the log shows, in capture order. */
export function filterAttempts(attempts: readonly JoinAttempt[], f: LogFilter, findingsOf: FindingsOf): JoinAttempt[] {
  if (!filterIsActive(f)) return attempts as JoinAttempt[];
  const outcomes = f.outcomes.length ? new Set<OutcomeKind>(f.outcomes) : null;
  const rule = parseRuleFilter(f.ruleId);
  const text = f.text.trim().toLowerCase();
  return attempts.filter((a) => {
    if (outcomes && !outcomes.has(a.outcome.kind)) return false;
    if (!rule.empty && !ruleFilterMatches(rule, findingsOf(a))) return false;
    if (text && !rowText(a, findingsOf).includes(text)) return false;
    return true;
  });
}

export interface RuleFilter {
  /** Each must prefix some finding's id ("iat" matches iat-future and iat-quantized). */
  include: string[];
  /** None may prefix any finding's id ("-iat-quantized" hides attempts that have it). */
  exclude: string[];
  empty: boolean;
}

/**
 * The rule filter's syntax, like the Network panel's filter box: terms separated by spaces or
 * commas, each a rule-id prefix, a leading "-" negates. "iat -iat-quantized" shows the attempts
 * that have some iat finding but not iat-quantized.
 */
export function parseRuleFilter(text: string): RuleFilter {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of text.toLowerCase().split(/[\s,]+/)) {
    if (raw === '' || raw === '-') continue;
    if (raw.startsWith('-')) exclude.push(raw.slice(1));
    else include.push(raw);
  }
  return { include, exclude, empty: include.length === 0 && exclude.length === 0 };
}

export function ruleFilterMatches(f: RuleFilter, findings: readonly Finding[]): boolean {
  const ids = findings.map((x) => x.id.toLowerCase());
  for (const p of f.include) if (!ids.some((id) => id.startsWith(p))) return false;
  for (const p of f.exclude) if (ids.some((id) => id.startsWith(p))) return false;
  return true;
}

/** Everything the text filter looks at: what the row shows plus the finding ids and titles. */
function rowText(a: JoinAttempt, findingsOf: FindingsOf): string {
  const parts = [
    methodLabel(a),
    String(a.meetingNumber ?? ''),
    describeOutcome(a.outcome, a.sdk),
    a.issuer ? issuerLabel(a.issuer.url) : '',
    a.pageUrl ?? '',
  ];
  for (const x of findingsOf(a)) parts.push(x.id, x.title);
  return parts.join(' ').toLowerCase();
}

export function countByOutcome(attempts: readonly JoinAttempt[]): Record<OutcomeKind, number> {
  const out: Record<OutcomeKind, number> = { success: 0, failure: 0, 'silent-refusal': 0, timeout: 0, pending: 0 };
  for (const a of attempts) out[a.outcome.kind] += 1;
  return out;
}

/** Keyboard navigation over the visible rows: the id to select next, or null when nothing is shown. */
export function nextSelection(
  rows: readonly JoinAttempt[],
  currentId: string | null,
  key: 'up' | 'down' | 'home' | 'end' | 'pageup' | 'pagedown',
  pageSize = 10,
): string | null {
  if (rows.length === 0) return null;
  const last = rows.length - 1;
  const cur = currentId === null ? -1 : rows.findIndex((a) => a.id === currentId);
  let next: number;
  switch (key) {
    case 'home':
      next = 0;
      break;
    case 'end':
      next = last;
      break;
    case 'up':
      next = cur < 0 ? last : Math.max(0, cur - 1);
      break;
    case 'down':
      next = cur < 0 ? 0 : Math.min(last, cur + 1);
      break;
    case 'pageup':
      next = cur < 0 ? 0 : Math.max(0, cur - pageSize);
      break;
    case 'pagedown':
      next = cur < 0 ? 0 : Math.min(last, cur + pageSize);
      break;
  }
  return rows[next]?.id ?? null;
}
