/**
 * Join rules judge what is not the token: the other join arguments, Zoom's answer (or its
 * absence), the page and the SDK's assets. They see the whole captured attempt, the token's own
 * analysis (so a code finding can defer to a token finding that already explains it), and the
 * join before it in the same session (two joins within the SDK's interval, 3633).
 */
import type { JoinAttempt } from '../../model/attempt';
import type { Analysis, FindingOrigin, Severity } from '../types';
import type { FindingInput } from '../define';
import type { JoinRuleId } from '../ids';

export interface JoinRuleContext {
  attempt: JoinAttempt;
  /** The token catalogue's analysis of this attempt's signature. */
  token: Analysis;
  /** The previous join of the same session and page, when known (linear: callers pass the neighbour). */
  previous?: JoinAttempt | null;
}

export interface JoinRule<Id extends string = JoinRuleId> {
  id: Id;
  severity: Severity;
  title: string;
  origin: Exclude<FindingOrigin, 'token'>;
  /** Which facts back the rule: a section of docs/ or a public source. */
  source: string;
  /**
   * The SDK codes a finding of this rule explains (rows of code-table.ts): the code's own answer
   * finding steps back for it, and primary-cause ranks it first for a failure with that code. Join
   * rules carry no rank of their own: they rank by origin (primary-cause.ts).
   */
  produces?: readonly number[];
  /** Its finding explains a join that never sent wc/info (answer-no-answer, stage `not-sent`). */
  explainsJoinNotSent?: true;
  check(ctx: JoinRuleContext): FindingInput | FindingInput[] | null | undefined;
}

/** Keeps the rule's id as its literal type, so the catalogue's ids form the RuleId union (lib/rules/ids.ts). */
export function defineJoinRule<const Id extends string>(rule: JoinRule<Id>): JoinRule<Id> {
  return rule;
}
