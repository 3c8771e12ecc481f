import type { Finding } from '../types';
import type { JoinRule, JoinRuleContext } from './types';
import { joinRules } from './index';

/**
 * Runs the join rules on one attempt. A rule that throws becomes an `internal-error` warning naming
 * it, as in the token catalogue, so one bug never hides the other findings.
 */
export function runJoinRules(ctx: JoinRuleContext, given: readonly JoinRule[] = joinRules): Finding[] {
  const out: Finding[] = [];
  for (const rule of given) {
    try {
      const found = rule.check(ctx);
      if (!found) continue;
      for (const f of Array.isArray(found) ? found : [found]) {
        const { severity, ...rest } = f;
        out.push({ id: rule.id, title: rule.title, severity: severity ?? rule.severity, origin: rule.origin, ...rest });
      }
    } catch (e) {
      out.push({
        id: 'internal-error',
        severity: 'warning',
        origin: rule.origin,
        title: 'A rule could not run on this join',
        message: `Rule ${rule.id} failed on this join (${describe(e).slice(0, 200)}); its check is missing from this analysis.`,
        fix: 'Report this join to the Join Doctor maintainers (export it: secrets are redacted); the other findings still stand.',
        data: { rule: rule.id },
      });
    }
  }
  return out;
}

function describe(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    return 'unknown error';
  }
}
