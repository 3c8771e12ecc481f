import type { Finding } from '../types';
import type { RuleId } from '../ids';
import type { JoinRule, JoinRuleContext } from './types';
import { joinRules } from './index';
import { findingsOf, runRules } from '../run';
import { assetFindingsProducing, NOT_SENT_EXPLAINERS } from './affinity';

/**
 * Runs the join rules on one attempt through the runner the token catalogue uses (a rule that
 * throws becomes its `internal-error` warning), then steps findings down where the join explains them.
 */
export function runJoinRules(ctx: JoinRuleContext, given: readonly JoinRule<string>[] = joinRules): Finding[] {
  const out = runRules(given, (rule) => findingsOf(rule, rule.check(ctx)), 'join');
  return stepDownOnSuccess(ctx, stepDownExplainedCodes(out));
}

/**
 * A join Zoom accepted was not stopped by the page or its assets: an asset that failed around it
 * (the media files load after the join, or a later document's files landed in the same window) costs
 * audio or video at most, so it is a warning there, said as such, and never an error on that row.
 */
function stepDownOnSuccess(ctx: JoinRuleContext, found: Finding[]): Finding[] {
  if (ctx.attempt.outcome.kind !== 'success') return found;
  return found.map((f) =>
    (f.origin === 'assets' || f.origin === 'page') && f.severity === 'error'
      ? { ...f, severity: 'warning', message: `${f.message} This join succeeded all the same: at most audio or video is missing.`, data: { ...f.data, afterSuccess: true } }
      : f,
  );
}

/**
 * A code the SDK reports for a failed asset (5001, 3635), or a join that never asked Zoom, is
 * explained by the finding that names the file or the repeated call: the answer finding steps down
 * to info so the cause leads the row, as a token finding that produces a code does (answer-code.ts).
 */
function stepDownExplainedCodes(found: Finding[]): Finding[] {
  const causes = new Set(found.filter((f) => (f.origin === 'assets' || f.origin === 'arguments') && f.severity === 'error').map((f) => f.id));
  if (causes.size === 0) return found;
  return found.map((f) => {
    if (f.origin !== 'answer' || f.severity === 'info') return f;
    const by = explainersOf(f).filter((id) => causes.has(id));
    if (by.length === 0) return f;
    return { ...f, severity: 'info', message: `${f.message} ${by.join(', ')} explain${by.length > 1 ? '' : 's'} it.`, data: { ...f.data, explainedBy: by.join(',') } };
  });
}

function explainersOf(f: Finding): readonly RuleId[] {
  const code = f.data?.meaningCode;
  if (typeof code === 'number') return assetFindingsProducing(code);
  return f.id === 'answer-no-answer' && f.data?.stage === 'not-sent' ? NOT_SENT_EXPLAINERS : [];
}
