/**
 * Which rules explain each SDK code, and which explain a join that never asked Zoom, read from the
 * rules' own `produces` and `explainsJoinNotSent`. When the page got a code, a finding that produces
 * it is preferred over other errors (primary-cause.ts) and the code's own finding steps back for it
 * (answer-code.ts for token findings, run.ts for asset findings).
 *
 * The order inside one code is the order its findings take the headline: token rules by rank, then
 * join rules in catalogue order (arguments before the page and the assets). Rules of one code that
 * could disagree with the rank never fire together (mn-missing needs a blank mn, mn-mismatch and
 * mn-format a present one; the same for role and appKey as errors). The one pair that can is
 * secret-swapped with app-key-missing, where the HMAC-verified swap leads as on every other failure;
 * the old hand-written table had app-key-missing first for 3704, but a token without appKey never
 * gets 3704 (SDK 6.x refuses it before asking Zoom), so no failure changes its cause.
 */
import type { JoinRuleId, RuleId } from '../ids';
import { rules } from '../index';
import { tokenRulesProducing } from '../catalogue-facts';
import { joinRules } from './index';

const JOIN_PRODUCERS = new Map<number, JoinRuleId[]>();
for (const r of joinRules) for (const code of r.produces ?? []) JOIN_PRODUCERS.set(code, [...(JOIN_PRODUCERS.get(code) ?? []), r.id]);

const AFFINITY = new Map<number, readonly RuleId[]>();
for (const code of new Set([...rules.flatMap((r) => r.produces ?? []), ...JOIN_PRODUCERS.keys()])) {
  AFFINITY.set(code, [...tokenRulesProducing(code), ...(JOIN_PRODUCERS.get(code) ?? [])]);
}

const NONE: readonly RuleId[] = [];

/** The rules whose findings explain an SDK code, in the order they take the headline; empty for a code none produces. */
export function codeAffinity(code: number): readonly RuleId[] {
  return AFFINITY.get(code) ?? NONE;
}

const CODES: readonly number[] = [...AFFINITY.keys()].sort((a, b) => a - b);

/** Every code some rule produces, ascending (the docs' table, the completeness test). */
export function producedCodes(): readonly number[] {
  return CODES;
}

const ASSETS = new Set<string>(joinRules.filter((r) => r.origin === 'assets').map((r) => r.id));

/** The asset findings that explain a code (5001, 3635: the file that did not load, not the symptom). */
export function assetFindingsProducing(code: number): readonly RuleId[] {
  return codeAffinity(code).filter((id) => ASSETS.has(id));
}

/** What explains a join that never sent wc/info: a missing file, or a second join the client view dropped. */
export const NOT_SENT_EXPLAINERS: readonly JoinRuleId[] = joinRules.filter((r) => r.explainsJoinNotSent === true).map((r) => r.id);
