import type { Finding, Rule, RuleContext, Severity } from './types';
import { findingsOf } from './run';

/** What a rule's check returns for one finding; id, title and default severity come from the rule. */
export interface FindingInput {
  message: string;
  fix: string;
  claim?: string;
  /** Overrides the rule's default severity (e.g. a numeric-string role is only a warning). */
  severity?: Severity;
  data?: Finding['data'];
}

export interface RuleSpec<Id extends string = string> {
  id: Id;
  severity: Severity;
  title: string;
  source: string;
  /** Returns nothing when the rule does not apply. */
  check(ctx: RuleContext): FindingInput | FindingInput[] | null | undefined;
}

/** Builds a Rule whose findings always carry the rule's stable id and title. */
export function defineRule<const Id extends string>(spec: RuleSpec<Id>): Rule<Id> {
  const { id, severity, title, source } = spec;
  return {
    id,
    severity,
    title,
    source,
    check(ctx) {
      return findingsOf(spec, spec.check(ctx));
    },
  };
}
