import type { DecodedToken } from './token/types';
import type { Analysis, Finding, Rule, RuleContext, Severity, Verdict } from './rules/types';
import { decodeSignature } from './token/decode';
import { rules as catalogue, videoCatalogue } from './rules/index';
import { judgedAs } from './rules/sdk-family';
import { inVideoSdkWords } from './rules/video-wording';
import { runRules } from './rules/run';
import { closeFactScope, openFactScope } from './rules/token-facts';

/** Everything a token is judged against besides the token itself (join time, arguments, clock, secret check). */
export type AnalysisContext = Omit<RuleContext, 'token'>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings of every clean analysis: one frozen list instead of one empty array per token (the
 * panel keeps an analysis per join, most of them clean). Frozen, so a caller that tried to add to
 * it fails instead of adding to every clean analysis.
 */
export const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

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
    // The token first, then the context: V8 (Node 20) clones `{ ...ctx, token }` and then adds a
    // property to the clone ~15× slower than it builds this, and this runs for every analysed token.
    // A context carrying a `token` of its own (page data) must still not replace the analysed one.
    full = { token, ...ctx } as RuleContext;
    if (full.token !== token) full.token = token;
  } catch {
    // A context object with a throwing getter (from page data): analyse the token without it.
    full = { token };
  }
  // What many rules ask of this token is worked out once, for this run only (rules/token-facts.ts).
  const outer = openFactScope(token);
  let findings: Finding[];
  let sdk: 'meeting' | 'video' | null;
  try {
    sdk = safeJudgedAs(full);
    const rules = given ?? (sdk === 'video' ? videoCatalogue : catalogue);
    findings = runRules(rules, (rule) => rule.check(full), 'token');
  } finally {
    closeFactScope(outer);
  }
  if (findings.length > 1) findings = sortBySeverity(findings);
  // A Video SDK JWT in a Video SDK join (or a token on its own): say it in the Video SDK's words.
  if (findings.length > 0 && sdk === 'video') findings = findings.map(inVideoSdkWords);
  return { verdict: verdictOf(findings), token, findings: findings.length === 0 ? NO_FINDINGS : findings };
}

function safeJudgedAs(ctx: RuleContext): 'meeting' | 'video' | null {
  try {
    return judgedAs(ctx);
  } catch {
    return null;
  }
}

/**
 * Stable: equal severities keep catalogue order. An insertion sort in place: a token has a handful of
 * findings, mostly in order already, and this runs for every analysed token (no comparator closure).
 */
export function sortBySeverity(findings: Finding[]): Finding[] {
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i]!;
    const r = RANK[f.severity] ?? 3;
    let j = i - 1;
    while (j >= 0 && (RANK[findings[j]!.severity] ?? 3) > r) {
      findings[j + 1] = findings[j]!;
      j--;
    }
    findings[j + 1] = f;
  }
  return findings;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'pass';
  for (const f of findings) {
    if (f.severity === 'error') return 'fail';
    if (f.severity === 'warning') verdict = 'warn';
  }
  return verdict;
}
