import type { Finding, Rule, RuleContext, Severity } from './types';

/** What a rule's check returns for one finding; id, title and default severity come from the rule. */
export interface FindingInput {
  message: string;
  fix: string;
  claim?: string;
  /** Overrides the rule's default severity (e.g. a numeric-string role is only a warning). */
  severity?: Severity;
  data?: Finding['data'];
}

export interface RuleSpec {
  id: string;
  severity: Severity;
  title: string;
  source: string;
  /** Returns nothing when the rule does not apply. */
  check(ctx: RuleContext): FindingInput | FindingInput[] | null | undefined;
}

/** Builds a Rule whose findings always carry the rule's stable id and title. */
export function defineRule(spec: RuleSpec): Rule {
  const { id, severity, title, source } = spec;
  return {
    id,
    severity,
    title,
    source,
    check(ctx) {
      const out = spec.check(ctx);
      if (!out) return NONE;
      if (!Array.isArray(out)) return [finding(id, title, severity, out)];
      const list: Finding[] = [];
      for (let i = 0; i < out.length; i++) list.push(finding(id, title, severity, out[i]!));
      return list;
    },
  };
}

/** Shared by every rule that does not apply (most rules, on most tokens); never mutated by the runners. */
const NONE: Finding[] = [];
Object.freeze(NONE);

/**
 * The finding: id, title, severity, then the check's own keys in its order (as a spread would write
 * them, without severity). A loop, not two spreads: this runs for every finding of every token.
 */
function finding(id: string, title: string, severity: Severity, f: FindingInput): Finding {
  const out = { id, title, severity: f.severity ?? severity } as Finding & Record<string, unknown>;
  for (const k in f) if (k !== 'severity' && Object.prototype.hasOwnProperty.call(f, k)) out[k] = (f as unknown as Record<string, unknown>)[k];
  return out;
}
