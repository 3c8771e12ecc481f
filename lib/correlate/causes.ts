import type { LikelyCause, RuleOutcomeCounts } from './types';
import { failuresWith } from './rule-counts';

/**
 * Ranks rules by Youden's J = (failures carrying it / failures) − (successes carrying it / successes).
 *
 * Why J: it is 1 for a rule present in every failure and no success, 0 for a rule that appears at
 * the same rate in both (a finding every token has explains nothing, however severe), and it does
 * not reward a rule for merely being common. Precision × recall would rank a rule on 1 of 9
 * failures and 0 successes (0.11) below one on 9 of 9 failures and 21 of 21 successes (0.3);
 * J ranks them 0.11 and 0. With no successes to compare against, J falls back to the share of
 * failures carrying the rule. Only rules seen on at least one failure and with J > 0 are listed.
 * Ties: more failures carrying it first, then the rule id, so the order is deterministic.
 */
export function rankLikelyCauses(rows: readonly RuleOutcomeCounts[], failures: number, successes: number): LikelyCause[] {
  if (failures === 0) return [];
  const out: LikelyCause[] = [];
  for (const row of rows) {
    const fw = failuresWith(row);
    if (fw === 0) continue;
    const sw = row.successes;
    const score = fw / failures - (successes > 0 ? sw / successes : 0);
    if (!(score > 0)) continue;
    out.push({
      id: row.id,
      title: row.title,
      severity: row.severity,
      score: Math.round(score * 1000) / 1000,
      failuresWith: fw,
      failures,
      successesWith: sw,
      successes,
      text: `${row.id}: ${fw} of ${failures} ${plural(failures, 'failure')}, ${sw} of ${successes} ${plural(successes, 'success', 'successes')}`,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.failuresWith - a.failuresWith || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
