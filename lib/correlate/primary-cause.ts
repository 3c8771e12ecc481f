/**
 * One cause per failed join, chosen the way an expert reads the findings, and failures grouped by
 * it. The panel's Correlation tab, every export and the CLI's `har` and `report` headline the same
 * group because they all call `primaryCauses` (through `correlate`).
 *
 * How a failure's cause is chosen:
 *  1. Errors are what Zoom enforces; warnings are version-dependent or risky. A failure with an
 *     error is explained by its most decisive error: one that produces the code the page got
 *     (3705 ← an expired or out-of-window exp, 3706/3707 ← mn, 3708/3711 ← role, 3704/3710 ←
 *     appKey; each rule's `produces`), else the first in the expert order (each rule's `rank`: an
 *     unreadable token before a wrong secret before a missing claim before a time problem before a
 *     mismatch; lib/rules/catalogue-facts.ts).
 *  2. `iat-future` on a token whose iat is a multiple of 128 s, in a session where quantisation
 *     is unlikely to be chance, is one cause: "iat in the future, from Java Math.round".
 *  3. A warning alone is a suspect, not a cause; `iat-quantized` alone (iat not in the future)
 *     explains no failure and is never a suspect.
 *  4. Nothing: "no rule explains it", grouped by what the page saw (3712, another code, a silent
 *     refusal, a join that never settled), each with what to check.
 */
import type { JoinAttempt } from '../model/attempt';
import type { Finding, Severity } from '../rules/types';
import type { FindingId } from '../rules/ids';
import type { CauseGroup, CauseKind, CorrelationItem, OutcomeClass, PrimaryCause, QuantizationEvidence } from './types';
import { isFailure } from './outcome';
import { plural } from './causes';
import { CHECK_ACCOUNT_CAUSE, CHECK_SECRET_CAUSE } from './answer-words';
import { EXPERT_ORDER, expertPosition, isNeverSuspect, isVerifiedBySecret, phraseOf } from '../rules/catalogue-facts';
import { codeAffinity } from '../rules/join/affinity';

/**
 * Session quantisation evidence counts only at or beyond this verdict: at least two distinct iat
 * values that are multiples of 128 s, with a chance below 1% of that many by accident.
 */
export const QUANTIZATION_EVIDENCE: ReadonlyArray<QuantizationEvidence['verdict']> = ['likely', 'near-certain'];
export const QUANTIZATION_THRESHOLD_TEXT = 'at least 2 distinct iat values multiples of 128 s, under 1% likely by chance';

const JAVA_ROUND = 'iat in the future, from Java Math.round (iat a multiple of 128 s)';
export const JAVA_ROUND_KEY = 'iat-future+iat-quantized';

/**
 * Rank of a finding for a failure with this code (lower first): rules that produce the code, then
 * the code's own finding when it names a specific cause (3707, 3004, 4011: what Zoom said beats a
 * token error that does not produce it), then the token's expert order, then the join arguments.
 */
function rank(id: FindingId | undefined, code: number | null, origin?: Finding['origin']): number {
  const a = code !== null && id !== undefined ? (codeAffinity(code) as readonly FindingId[]).indexOf(id) : -1;
  if (a !== -1) return a - 1000;
  // Where a join stopped is no cause: a token or asset error that explains it comes first.
  if (id === 'answer-no-answer') return EXPERT_ORDER.length + 2;
  if (origin === 'answer') return -500;
  const i = id === undefined ? -1 : expertPosition(id);
  if (i !== -1) return i;
  return origin === 'arguments' ? EXPERT_ORDER.length : EXPERT_ORDER.length + 1;
}

function byRank(code: number | null) {
  return (x: Finding, y: Finding) => rank(x.id, code, x.origin) - rank(y.id, code, y.origin) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** A finding that only restates the outcome (3712, 1, 200, an unknown code) never explains it. */
function restates(f: Finding): boolean {
  return f.data?.restatesOutcome === true;
}

/** How a cause reads: a join rule's measured headline ("Zoom has no meeting with this number (3707)"), else the phrase. */
function causeTitle(f: Finding): string {
  const h = f.data?.headline;
  return typeof h === 'string' && h !== '' ? h : phraseOf(f.id) ?? f.title;
}

/** Answer findings group by the code they name, so 3004 and 3707 failures are two causes. */
function causeKey(f: Finding): string {
  if (f.origin !== 'answer') return f.id;
  const sub = f.data?.meaningCode ?? f.data?.stage;
  return typeof sub === 'number' || typeof sub === 'string' ? `${f.id}:${sub}` : f.id;
}

function failureCode(a: JoinAttempt): number | null {
  return a.outcome.kind === 'failure' ? a.outcome.code : null;
}

/** A 3712 no rule explains, on a token nobody checked against the app's secret: the secret is the first suspect. */
export const UNEXPLAINED_3712_KEY = 'unexplained:3712';
/**
 * A 3712 no rule explains on a token whose HMAC was checked with the secret given this session and
 * verifies: the secret is ruled out, so it groups apart and reads as the answer line does (the app
 * type, the account), never "check the secret" for a secret the user has just shown to be right.
 */
export const UNEXPLAINED_3712_VERIFIED_KEY = 'unexplained:3712:secret-verifies';

function unexplained(item: CorrelationItem, cls: OutcomeClass): PrimaryCause {
  const a = item.attempt;
  if (cls === 'failure-3712' && item.analysis.secretChecked === true) {
    return { key: UNEXPLAINED_3712_VERIFIED_KEY, kind: 'unexplained', ruleIds: [], title: 'the token verifies with your secret: check the app type and the account (3712 with a token that passes every check)' };
  }
  if (cls === 'failure-3712') return { key: UNEXPLAINED_3712_KEY, kind: 'unexplained', ruleIds: [], title: 'token looks valid: check the secret (3712 with a token that passes every check)' };
  if (cls === 'silent-refusal') return { key: 'unexplained:silent-refusal', kind: 'unexplained', ruleIds: [], title: 'the SDK refused before asking Zoom (silent refusal)' };
  if (cls === 'timeout') return { key: 'unexplained:timeout', kind: 'unexplained', ruleIds: [], title: 'the join never settled' };
  const o = a.outcome;
  const code = o.kind === 'failure' ? o.code : null;
  const words = o.kind === 'failure' ? (o.message ?? o.serverMessage ?? null) : null;
  return {
    key: `unexplained:code:${code ?? 'none'}`,
    kind: 'unexplained',
    ruleIds: [],
    title: code === null ? `failed without a code${words ? ` ("${words}")` : ''}` : `error ${code}${words ? ` "${words}"` : ''}, not a signature problem any rule sees`,
  };
}

/** A future iat that is a multiple of 128 s, in a session where quantisation is unlikely to be chance. */
function javaRound(future: Finding, findings: readonly Finding[], quantizedEvidence: boolean): boolean {
  return quantizedEvidence && (future.data?.quantized === true || findings.some((f) => f.id === 'iat-quantized'));
}

function javaRoundCause(otherErrors: readonly FindingId[]): PrimaryCause {
  return { key: JAVA_ROUND_KEY, kind: 'cause', ruleIds: ['iat-future', 'iat-quantized', ...otherErrors.filter((i) => i !== 'iat-future')], title: JAVA_ROUND, severity: 'error' };
}

/** The primary cause of one failed attempt. */
export function primaryCause(item: CorrelationItem, cls: OutcomeClass, quantization: QuantizationEvidence): PrimaryCause {
  const code = failureCode(item.attempt);
  const findings = item.analysis.findings;
  const errors = findings.filter((f) => f.severity === 'error' && !restates(f)).sort(byRank(code));
  const quantizedEvidence = QUANTIZATION_EVIDENCE.includes(quantization.verdict);
  const top = errors[0];
  if (top) {
    const ids = errors.map((f) => f.id);
    if (top.id === 'iat-future' && javaRound(top, findings, quantizedEvidence)) return javaRoundCause(ids);
    return { key: causeKey(top), kind: 'cause', ruleIds: ids, title: causeTitle(top), severity: 'error', ...(isVerifiedBySecret(top.id) ? { verified: true } : {}) };
  }
  // iat-future lowered to a warning only because it is within the clock's uncertainty: with
  // quantisation evidence in the session the Java mechanism still explains the failure.
  const softFuture = findings.find((f) => f.id === 'iat-future');
  if (softFuture && javaRound(softFuture, findings, quantizedEvidence)) return javaRoundCause([]);
  // The page's isolation costs features (gallery view), never the join: it is no suspect for a failure.
  // A Video SDK JWT without `version` is what Zoom's own web sample sends and Zoom accepts: no suspect either.
  const suspects = findings.filter((f) => f.severity === 'warning' && !restates(f) && !isNeverSuspect(f.id) && f.origin !== 'page' && !(f.id === 'vsdk-version-missing' && f.data?.version === null)).sort(byRank(code));
  const s = suspects[0];
  if (s) return { key: `suspect:${causeKey(s)}`, kind: 'suspect', ruleIds: suspects.map((f) => f.id), title: `suspect only: ${causeTitle(s)} (a warning; Zoom may accept it)`, severity: 'warning' };
  return unexplained(item, cls);
}

const KIND_ORDER: Record<CauseKind, number> = { cause: 0, suspect: 1, unexplained: 2 };

/**
 * Primary cause of every failure, and the failures grouped by it: causes first (most failures
 * first), then suspects, then what no rule explains. causes[0] is the headline.
 */
export function primaryCauses(
  items: readonly CorrelationItem[],
  classes: readonly OutcomeClass[],
  quantization: QuantizationEvidence,
): { byAttempt: Record<string, PrimaryCause>; groups: CauseGroup[] } {
  const byAttempt: Record<string, PrimaryCause> = {};
  const groups = new Map<string, CauseGroup>();
  const successRuleSets: Array<Set<string>> = [];
  let failures = 0;
  items.forEach((item, i) => {
    const cls = classes[i] ?? 'pending';
    if (cls === 'success') successRuleSets.push(new Set(item.analysis.findings.map((f) => f.id)));
    if (!isFailure(cls)) return;
    failures++;
    const cause = primaryCause(item, cls, quantization);
    const id = String(item.attempt.id);
    byAttempt[id] = cause;
    const g = groups.get(cause.key);
    if (g) {
      g.attemptIds.push(id);
      g.failures++;
    } else {
      groups.set(cause.key, { ...cause, id: cause.key, attemptIds: [id], failures: 1, ofFailures: 0, successesWith: 0, successes: 0, text: '' });
    }
  });
  const out = [...groups.values()];
  for (const g of out) {
    g.ofFailures = failures;
    g.successes = successRuleSets.length;
    const main = g.kind === 'unexplained' ? null : g.ruleIds[0]!;
    g.successesWith = main === null ? 0 : successRuleSets.filter((s) => s.has(main)).length;
    g.text = groupText(g);
  }
  out.sort(compareCauseGroups);
  return { byAttempt, groups: out };
}

/** The groups' order (also the running correlation's, lib/correlate/accumulator.ts): causes, suspects, unexplained; most failures first. */
export function compareCauseGroups(a: CauseGroup, b: CauseGroup): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.failures - a.failures || rank(a.ruleIds[0], null) - rank(b.ruleIds[0], null) || (a.key < b.key ? -1 : 1);
}

export function groupText(g: CauseGroup): string {
  const share = `${g.failures} of ${g.ofFailures} ${plural(g.ofFailures, 'failure')}`;
  const verified = g.verified ? ' (verified with the secret given in this session)' : '';
  const inSuccesses = g.kind !== 'unexplained' && g.successes > 0 ? `; ${g.successesWith} of ${g.successes} ${plural(g.successes, 'success', 'successes')} carry it too` : '';
  return `${share}: ${g.title}${verified}${inSuccesses}`;
}

/** The one line above everything: the group that explains the most failures, or what to do when none does. */
export function headlineText(groups: readonly CauseGroup[], failures: number): string {
  const top = groups[0];
  if (!top) return 'No failed joins.';
  const of = `${top.failures} of ${top.ofFailures} ${plural(top.ofFailures, 'failure')}`;
  if (top.kind === 'cause') return `Most likely cause: ${top.title}${top.verified ? ' (verified with your secret)' : ''} (${of})`;
  if (top.kind === 'suspect') return `No rule Zoom enforces explains the failures; ${top.title} (${of})`;
  // A 3712 with a token that passes every check: the answer line's words (the secret first, the account once the secret verifies).
  if (top.key === UNEXPLAINED_3712_KEY) return `${CHECK_SECRET_CAUSE} (${of})`;
  if (top.key === UNEXPLAINED_3712_VERIFIED_KEY) return `${CHECK_ACCOUNT_CAUSE} (${of})`;
  return `No rule explains the ${failures} ${plural(failures, 'failure')}: see what to check below`;
}

export type { Severity };
