/**
 * Rule ids as types, derived from the catalogues themselves (each rule's id is kept as its literal
 * by defineRule / defineJoinRule): a table keyed by rule id that names a rule that does not exist,
 * or a rename that misses a table, fails to compile instead of silently never matching.
 */
import type { rules } from './index';
import type { joinRules } from './join/index';

/** The id of a rule of the token catalogue (lib/rules/index.ts). */
export type TokenRuleId = (typeof rules)[number]['id'];
/** The id of a join rule (lib/rules/join/index.ts). */
export type JoinRuleId = (typeof joinRules)[number]['id'];
/** Any rule's id. */
export type RuleId = TokenRuleId | JoinRuleId;
/** What a finding's id can be: a rule's, or the warning that stands in for a rule that threw (lib/rules/run.ts). */
export type FindingId = RuleId | 'internal-error';
