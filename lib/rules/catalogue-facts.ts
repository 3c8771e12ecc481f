/**
 * What the token catalogue says about its rules, read from the rules themselves (their `rank`,
 * `phrase`, `produces`, `verifiedBySecret`; lib/rules/types.ts RuleFacts). Nothing here is a table
 * of rule ids: a rule added to the catalogue is ranked, phrased and tied to its codes by its own
 * spec, or it does not compile. The join rules' share (codes they explain) is in join/affinity.ts,
 * which the join rules' own modules cannot import without a cycle; this module imports no join rule.
 */
import type { FindingId, TokenRuleId } from './ids';
import { rules } from './index';

const byRank = [...rules].sort((a, b) => a.rank - b.rank);

/**
 * The token rules, most decisive cause first: an unreadable token before a wrong secret before a
 * missing claim before a time problem before a mismatch (each rule's `rank`).
 */
export const EXPERT_ORDER: readonly TokenRuleId[] = byRank.map((r) => r.id);

const POSITION = new Map<string, number>(EXPERT_ORDER.map((id, i) => [id, i]));
const PHRASE = new Map<string, string>(rules.flatMap((r) => (r.phrase === undefined ? [] : [[r.id, r.phrase] as const])));
const VERIFIED = new Set<string>(rules.filter((r) => r.verifiedBySecret === true).map((r) => r.id));
const NEVER_SUSPECT = new Set<string>(rules.filter((r) => r.neverSuspect === true).map((r) => r.id));

/** Where a finding's rule stands in EXPERT_ORDER (0 first); -1 for a join rule or `internal-error`. */
export function expertPosition(id: FindingId): number {
  return POSITION.get(id) ?? -1;
}

/** The cause as a person says it, when the rule has a phrase of its own. */
export function phraseOf(id: FindingId): string | undefined {
  return PHRASE.get(id);
}

/** The finding comes from the HMAC checked with the user's secret (a verified cause). */
export function isVerifiedBySecret(id: FindingId): boolean {
  return VERIFIED.has(id);
}

/** A warning of this rule never makes a failure's suspect (the rule's `neverSuspect`). */
export function isNeverSuspect(id: FindingId): boolean {
  return NEVER_SUSPECT.has(id);
}

const TOKEN_PRODUCERS = new Map<number, TokenRuleId[]>();
for (const r of byRank) for (const code of r.produces ?? []) TOKEN_PRODUCERS.set(code, [...(TOKEN_PRODUCERS.get(code) ?? []), r.id]);

const NONE: readonly TokenRuleId[] = [];

/** The token rules whose findings explain an SDK code (3705 ← token-expired ...), most decisive first. */
export function tokenRulesProducing(code: number): readonly TokenRuleId[] {
  return TOKEN_PRODUCERS.get(code) ?? NONE;
}
