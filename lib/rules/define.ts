import type { CatalogueRule, Finding, Rule, RuleContext, RuleFacts, Severity } from './types';
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

/**
 * Builds a Rule whose findings always carry the rule's stable id and title. With its facts (rank,
 * SDK, the codes it produces...) it is a catalogue rule; without, a rule a test runs on its own.
 */
export function defineRule<const Id extends string>(spec: RuleSpec<Id> & RuleFacts): CatalogueRule<Id>;
export function defineRule<const Id extends string>(spec: RuleSpec<Id>): Rule<Id>;
export function defineRule(spec: RuleSpec & Partial<RuleFacts>): Rule<string> & Partial<RuleFacts> {
  const { id, severity, title, source, rank, sdk, phrase, produces, verifiedBySecret, neverSuspect } = spec;
  // Every key on every rule, absent ones undefined: one object shape for the runner's loop.
  return {
    id,
    severity,
    title,
    source,
    rank,
    sdk,
    phrase,
    produces,
    verifiedBySecret,
    neverSuspect,
    check(ctx) {
      return findingsOf(spec, spec.check(ctx));
    },
  };
}
