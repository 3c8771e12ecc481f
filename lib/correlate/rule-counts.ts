import type { Severity } from '../rules/types';
import type { CorrelationItem, OutcomeClass, RuleOutcomeCounts } from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function moreSevere(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** The count a join of each outcome class adds to (also the running correlation's: lib/correlate/accumulator.ts). */
export const OUTCOME_FIELD: Record<OutcomeClass, keyof Omit<RuleOutcomeCounts, 'id' | 'title' | 'severity'>> = {
  success: 'successes',
  'failure-3712': 'failures3712',
  'failure-other': 'failuresOther',
  'silent-refusal': 'silentRefusals',
  timeout: 'timeouts',
  // A request the SDK replaced is neither a failure nor a success: counted with the undecided.
  superseded: 'pending',
  pending: 'pending',
};

/**
 * Per rule, how many attempts of each outcome carry it. An attempt counts once per rule even when
 * the rule reported several findings (e.g. time-as-string for iat and exp). Sorted by id.
 */
export function countRulesByOutcome(items: readonly CorrelationItem[], classes: readonly OutcomeClass[]): RuleOutcomeCounts[] {
  const byId = new Map<string, RuleOutcomeCounts>();
  items.forEach((item, i) => {
    const cls = classes[i] ?? 'pending';
    const seen = new Set<string>();
    for (const f of item.analysis.findings) {
      let row = byId.get(f.id);
      if (!row) {
        row = { id: f.id, title: f.title, severity: f.severity, failures3712: 0, failuresOther: 0, silentRefusals: 0, timeouts: 0, successes: 0, pending: 0 };
        byId.set(f.id, row);
      }
      row.severity = moreSevere(row.severity, f.severity);
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      row[OUTCOME_FIELD[cls]] += 1;
    }
  });
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function failuresWith(row: RuleOutcomeCounts): number {
  return row.failures3712 + row.failuresOther + row.silentRefusals + row.timeouts;
}
