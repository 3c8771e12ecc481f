/**
 * The one runner of both catalogues (token rules and join rules) and the one `internal-error`
 * finding: a rule that throws becomes a warning naming it, so one bug never hides the others.
 */
import type { Finding, FindingOrigin } from './types';
import type { FindingInput } from './define';
import type { FindingId } from './ids';

/** What a subject's `internal-error` says: the token alone, or the whole join. */
const INTERNAL = {
  token: {
    title: 'A rule could not run on this token',
    fix: 'Report this token shape to the Join Doctor maintainers (redact the third segment); the other findings still stand.',
  },
  join: {
    title: 'A rule could not run on this join',
    fix: 'Report this join to the Join Doctor maintainers (export it: secrets are redacted); the other findings still stand.',
  },
} as const;

export type RuleSubject = keyof typeof INTERNAL;

interface Named {
  readonly id: string;
  readonly origin?: FindingOrigin;
}

/** The warning that stands in for a rule that threw: the analysis is incomplete, the input may be fine. */
export function internalErrorFinding(rule: Named, e: unknown, subject: RuleSubject): Finding {
  let reason = 'unknown error';
  try {
    reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    // An exotic thrown value whose toString throws: keep the generic reason.
  }
  const words = INTERNAL[subject];
  return {
    id: 'internal-error',
    severity: 'warning',
    ...(rule.origin ? { origin: rule.origin } : {}),
    title: words.title,
    message: `Rule ${rule.id} failed on this ${subject} (${reason.slice(0, 200)}); its check is missing from this analysis.`,
    fix: words.fix,
    data: { rule: rule.id },
  };
}

/** A rule's check output as findings carrying the rule's stable id, title, origin and default severity. */
export function findingsOf(
  rule: Named & { readonly title: string; readonly severity: Finding['severity'] },
  out: FindingInput | readonly FindingInput[] | null | undefined,
): Finding[] {
  if (!out) return NONE;
  // The one place a rule's id becomes a finding's: defineRule and defineJoinRule keep every catalogue
  // rule's id as its literal (lib/rules/ids.ts), and only tests run rules outside the catalogue.
  const id = rule.id as FindingId;
  if (!Array.isArray(out)) return [finding(id, rule, out as FindingInput)];
  // A rule that collects into a list returns it empty on most tokens: no second empty list for it.
  if (out.length === 0) return NONE;
  const list: Finding[] = [];
  for (let i = 0; i < out.length; i++) list.push(finding(id, rule, (out as readonly FindingInput[])[i]!));
  return list;
}

/** Shared by every rule that does not apply (most rules, on most tokens); never mutated by the runners. */
const NONE: Finding[] = [];
Object.freeze(NONE);

const hasOwn = Object.prototype.hasOwnProperty;

/** Digits naming a FindingInput key, for the order signature in finding(); 0: severity (not copied), 9: any other key. */
function keyDigit(k: string): number {
  switch (k) {
    case 'claim':
      return 1;
    case 'message':
      return 2;
    case 'fix':
      return 3;
    case 'data':
      return 4;
    case 'severity':
      return 0;
    default:
      return 9;
  }
}

/**
 * The finding: id, title, severity, origin, then the check's own keys in its order (as a spread would
 * write them, without severity). The orders rules write are built as literals: adding the keys one by
 * one to a fresh object (a loop, or a spread) costs V8 ~10× more, for every finding of every token.
 */
function finding(id: FindingId, rule: Named & { readonly title: string; readonly severity: Finding['severity'] }, f: FindingInput): Finding {
  const severity = f.severity ?? rule.severity;
  let order = 0;
  for (const k in f) {
    if (!hasOwn.call(f, k)) continue;
    const d = keyDigit(k);
    if (d !== 0) order = order * 10 + d;
  }
  if (!rule.origin) {
    const title = rule.title;
    switch (order) {
      case 1234:
        return { id, title, severity, claim: f.claim!, message: f.message, fix: f.fix, data: f.data! };
      case 234:
        return { id, title, severity, message: f.message, fix: f.fix, data: f.data! };
      case 123:
        return { id, title, severity, claim: f.claim!, message: f.message, fix: f.fix };
      case 23:
        return { id, title, severity, message: f.message, fix: f.fix };
    }
  }
  const out = { id, title: rule.title, severity } as Finding & Record<string, unknown>;
  if (rule.origin) out.origin = rule.origin;
  for (const k in f) if (k !== 'severity' && hasOwn.call(f, k)) out[k] = (f as unknown as Record<string, unknown>)[k];
  return out;
}

/** Runs `check` for every rule in order; a rule that throws becomes its `internal-error` finding. */
export function runRules<R extends Named>(rules: readonly R[], check: (rule: R) => readonly Finding[], subject: RuleSubject): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    try {
      const found = check(rule);
      if (found.length === 1) out.push(found[0]!);
      else if (found.length > 1) out.push(...found);
    } catch (e) {
      out.push(internalErrorFinding(rule, e, subject));
    }
  }
  return out;
}
