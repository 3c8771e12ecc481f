import type { DecodedToken } from './token/types';
import type { Analysis, Finding, Rule, RuleContext, Severity, Verdict } from './rules/types';
import { decodeSignature } from './token/decode';
import { rules as catalogue, videoCatalogue } from './rules/index';
import { judgedAs } from './rules/sdk-family';
import { inVideoSdkWords } from './rules/video-wording';

export type AnalysisContext = Omit<RuleContext, 'token'>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Decodes `input` (anything a page passed as the signature) and runs every rule. Never throws. */
export function analyse(input: unknown, ctx: AnalysisContext = {}): Analysis {
  return analyseDecoded(decodeSignature(input), ctx);
}

/**
 * Runs the catalogue on an already decoded token. A rule that throws is reported as an
 * `internal-error` finding naming the rule, so one bug never hides every other finding.
 */
export function analyseDecoded(token: DecodedToken, ctx: AnalysisContext = {}, given?: readonly Rule[]): Analysis {
  let full: RuleContext;
  try {
    full = { ...ctx, token };
  } catch {
    // A context object with a throwing getter (from page data): analyse the token without it.
    full = { token };
  }
  const sdk = safeJudgedAs(full);
  const rules = given ?? (sdk === 'video' ? videoCatalogue : catalogue);
  let findings: Finding[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    try {
      const out = rule.check(full);
      if (out.length === 1) findings.push(out[0]!);
      else if (out.length > 1) findings.push(...out);
    } catch (e) {
      findings.push(internalFinding(rule, e));
    }
  }
  if (findings.length > 1) findings = sortBySeverity(findings);
  // A Video SDK JWT in a Video SDK join (or a token on its own): say it in the Video SDK's words.
  if (findings.length > 0 && sdk === 'video') findings = findings.map(inVideoSdkWords);
  return { verdict: verdictOf(findings), token, findings };
}

function safeJudgedAs(ctx: RuleContext): 'meeting' | 'video' | null {
  try {
    return judgedAs(ctx);
  } catch {
    return null;
  }
}

/** Stable: equal severities keep catalogue order (Array.prototype.sort is stable since ES2019). */
export function sortBySeverity(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3));
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'pass';
  for (const f of findings) {
    if (f.severity === 'error') return 'fail';
    if (f.severity === 'warning') verdict = 'warn';
  }
  return verdict;
}

function internalFinding(rule: Rule, e: unknown): Finding {
  let reason = 'unknown error';
  try {
    reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    // An exotic thrown value whose toString throws: keep the generic reason.
  }
  return {
    id: 'internal-error',
    // A warning, not an error: the token may be fine; the analysis is incomplete.
    severity: 'warning',
    title: 'A rule could not run on this token',
    message: `Rule ${rule.id} failed on this token (${reason.slice(0, 200)}); its check is missing from this analysis.`,
    fix: 'Report this token shape to the Join Doctor maintainers (redact the third segment); the other findings still stand.',
    data: { rule: rule.id },
  };
}
