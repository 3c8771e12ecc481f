import type { DecodedToken } from './token/types';
import type { Analysis, Finding, Rule, RuleContext, Severity, Verdict } from './rules/types';
import { decodeSignature } from './token/decode';
import { rules as catalogue, videoCatalogue } from './rules/index';
import { judgedAs } from './rules/sdk-family';
import { inVideoSdkWords } from './rules/video-wording';
import { runRules } from './rules/run';

/** Everything a token is judged against besides the token itself (join time, arguments, clock, secret check). */
export type AnalysisContext = Omit<RuleContext, 'token'>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Decodes `input` (anything a page passed as the signature) and runs every rule. Never throws. */
export function analyseTokenInput(input: unknown, ctx: AnalysisContext = {}): Analysis {
  return analyseDecodedToken(decodeSignature(input), ctx);
}

/**
 * Runs the catalogue on an already decoded token. A rule that throws is reported as an
 * `internal-error` finding naming the rule, so one bug never hides every other finding.
 */
export function analyseDecodedToken(token: DecodedToken, ctx: AnalysisContext = {}, given?: readonly Rule<string>[]): Analysis {
  let full: RuleContext;
  try {
    full = { ...ctx, token };
  } catch {
    // A context object with a throwing getter (from page data): analyse the token without it.
    full = { token };
  }
  const sdk = safeJudgedAs(full);
  const rules = given ?? (sdk === 'video' ? videoCatalogue : catalogue);
  let findings = runRules(rules, (rule) => rule.check(full), 'token');
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
