/**
 * The answer to "why did this join fail, and what do I change?" for one attempt, in one line: the
 * verdict word (from the outcome, never from the token alone), the primary cause (the same one the
 * Correlation tab and the reports group by, lib/correlate/primary-cause.ts) and the fix of the
 * finding that decides it. The panel's inspector, its log row and (in time) the reports read it
 * from here so they cannot say different things.
 */
import { isInitAttempt, type JoinAttempt } from '../model/attempt';
import type { Analysis, Finding } from '../rules/types';
import type { CorrelationItem, OutcomeClass, PrimaryCause, QuantizationEvidence } from './types';
import { classifyOutcome, isFailure } from './outcome';
import { JAVA_ROUND_KEY, primaryCause } from './primary-cause';
import { CHECK_ACCOUNT_CAUSE, CHECK_ACCOUNT_FIX, CHECK_SECRET_CAUSE, CHECK_SECRET_FIX } from './answer-words';

/**
 * `FAIL`: the join failed (whatever the token looks like). `OK`: Zoom accepted the join (a warning
 * never turns it into FAIL). A join still pending is judged by its token: `ERROR`, `WARN`, `PASS`.
 */
export type VerdictWord = 'FAIL' | 'OK' | 'ERROR' | 'WARN' | 'PASS';

export type AnswerKind =
  /** An error Zoom enforces explains the failure. */
  | 'cause'
  /** Only a warning: Zoom may accept it. */
  | 'suspect'
  /** Zoom refused the signature and no rule sees why: the secret is what the token cannot show. */
  | 'check-secret'
  /** Refused, the secret verifies, and no rule sees why: the app type or the account. */
  | 'check-account'
  /** Failed for a reason no rule names (another code, a silent refusal, a join that never settled). */
  | 'unexplained'
  /** Zoom accepted the join. */
  | 'joined'
  /** Not settled yet: the token's own verdict. */
  | 'pending';

export interface AttemptAnswer {
  verdict: VerdictWord;
  kind: AnswerKind;
  /** The cause as one line ("iat in the future, from Java Math.round (iat a multiple of 128 s)"). */
  cause: string;
  /** The rule the cause rests on first (Correlation's ruleIds[0]); null when no finding decides it. */
  ruleId: string | null;
  /** The finding whose fix is the answer's fix (for Java Math.round: iat-quantized, which names the float). */
  finding: Finding | null;
  /** What to change: the deciding finding's fix, or what to check when no finding explains it. */
  fix: string | null;
  /** The primary cause's group key (same as Correlation's), for failures. */
  key: string | null;
}

export { CHECK_ACCOUNT_CAUSE, CHECK_ACCOUNT_FIX, CHECK_SECRET_CAUSE, CHECK_SECRET_FIX } from './answer-words';

const VIDEO_SIGNATURE_REJECTED = /verify jwt failed/i;

/** Zoom refused the signature itself: 3712, "Invalid signature.", or the Video SDK's "Verify JWT failed". */
export function signatureRefused(a: JoinAttempt, cls: OutcomeClass = classifyOutcome(a.outcome)): boolean {
  if (cls === 'failure-3712') return true;
  const o = a.outcome;
  return o.kind === 'failure' && a.sdk === 'video' && VIDEO_SIGNATURE_REJECTED.test(`${o.message ?? ''} ${o.serverMessage ?? ''}`);
}

const NO_EVIDENCE: QuantizationEvidence = { distinctIats: 0, multiplesOf128: 0, chanceByAccident: 1, verdict: 'none', text: '' };

/** The finding a cause rests on: for Java Math.round, the finding whose fix names the float. */
function decidingFinding(cause: PrimaryCause, findings: readonly Finding[]): Finding | null {
  if (cause.key === JAVA_ROUND_KEY) return findings.find((f) => f.id === 'iat-quantized') ?? findings.find((f) => f.id === 'iat-future') ?? null;
  const id = cause.ruleIds[0];
  return id === undefined ? null : (findings.find((f) => f.id === id) ?? null);
}

/** Where an init waits: its SDK's own files (measured: @zoom/videosdk 2.5.0's client.init never settles while its lib files do not arrive). */
const INIT_FIX: Record<'meeting' | 'video', string> = {
  meeting:
    "The SDK's init waits for its own files: look in the network tab for its lib/av scripts and wasm (a setZoomJSLib path or assetPath that does not serve the SDK's dist/lib, a 404, an HTML answer, a request that never ends, an ad blocker), call setZoomJSLib before preLoadWasm() and prepareWebSDK(), and read the console for CSP refusals (script-src 'wasm-unsafe-eval', worker-src blob:).",
  video:
    "client.init(language, dependentAssets) waits for the Video SDK's lib files: look in the network tab for the requests under the dependentAssets path (a folder that does not serve the SDK's dist/lib, a 404, an HTML answer, a request that never ends, an ad blocker), or pass 'Global' to load them from Zoom's CDN, and read the console for CSP refusals (script-src 'wasm-unsafe-eval', worker-src blob:).",
};

const SUPERSEDED_FIX = 'Nothing to fix for this row: read the next join. React StrictMode runs effects twice in development; if two joins happen in production too, guard the join with a ref so it runs once per page.';

/**
 * What an answer reads: a live attempt with its analysis, or an exported one (a report, a HAR in
 * the CLI), whose analysis keeps only the verdict, the findings and whether the secret was checked.
 */
export interface AnswerInput {
  attempt: Pick<JoinAttempt, 'id' | 'outcome' | 'sdk' | 'method'>;
  analysis: Pick<Analysis, 'verdict' | 'findings'> & { secretChecked?: boolean };
}

/**
 * One attempt's answer. `primary` is the attempt's cause from the session's correlation (it knows
 * whether iat quantisation is more than chance across the session); without it the attempt is
 * judged alone.
 */
export function attemptAnswer(item: AnswerInput, primary?: PrimaryCause | null): AttemptAnswer {
  const { attempt, analysis } = item;
  const cls = classifyOutcome(attempt.outcome);
  if (cls === 'success') return { verdict: 'OK', kind: 'joined', cause: 'Zoom accepted this join', ruleId: null, finding: null, fix: null, key: null };
  if (isInitAttempt(attempt) && isFailure(cls)) {
    // No join was made: the answer is the init's own outcome, and where an init gets stuck.
    const o = attempt.outcome;
    const said = o.kind === 'silent-refusal' ? o.reason : o.kind === 'failure' ? `${attempt.method} failed${o.message ? `: ${o.message}` : ''}${o.code != null ? ` (${o.code})` : ''}.` : `${attempt.method} did not finish.`;
    return { verdict: 'FAIL', kind: 'cause', cause: said, ruleId: null, finding: null, fix: INIT_FIX[attempt.sdk === 'video' ? 'video' : 'meeting'], key: `init:${o.kind}` };
  }
  if (attempt.outcome.kind === 'superseded') {
    // Not a join result at all: the SDK dropped this request for the page's next identical join.
    const verdict: VerdictWord = analysis.verdict === 'fail' ? 'ERROR' : analysis.verdict === 'warn' ? 'WARN' : 'PASS';
    return { verdict, kind: 'pending', cause: `Not a failure: replaced by the next join (${attempt.outcome.reason.split(';')[0]})`, ruleId: null, finding: null, fix: SUPERSEDED_FIX, key: null };
  }
  if (!isFailure(cls)) {
    const top = analysis.findings.find((f) => f.severity !== 'info' && affectsJoin(f, cls)) ?? null;
    const verdict: VerdictWord = analysis.verdict === 'fail' ? 'ERROR' : analysis.verdict === 'warn' ? 'WARN' : 'PASS';
    return { verdict, kind: 'pending', cause: top ? top.message : 'No answer from Zoom yet; the token passes every check', ruleId: top?.id ?? null, finding: top, fix: top?.fix ?? null, key: null };
  }
  // primaryCause reads the attempt's outcome and the findings only, which an exported item has too.
  const cause = primary ?? primaryCause(item as CorrelationItem, cls, NO_EVIDENCE);
  const finding = decidingFinding(cause, analysis.findings);
  const ruleId = cause.ruleIds[0] ?? null;
  if (cause.kind === 'cause') return { verdict: 'FAIL', kind: 'cause', cause: cause.title, ruleId, finding, fix: finding?.fix ?? null, key: cause.key };
  if (cause.kind === 'suspect') return { verdict: 'FAIL', kind: 'suspect', cause: cause.title, ruleId, finding, fix: finding?.fix ?? null, key: cause.key };
  if (signatureRefused(attempt as JoinAttempt, cls)) {
    // A secret check that found nothing wrong leaves what the token cannot show: the app and the account.
    const verified = analysis.secretChecked === true;
    return verified
      ? { verdict: 'FAIL', kind: 'check-account', cause: CHECK_ACCOUNT_CAUSE, ruleId: null, finding: null, fix: CHECK_ACCOUNT_FIX, key: cause.key }
      : { verdict: 'FAIL', kind: 'check-secret', cause: CHECK_SECRET_CAUSE, ruleId: null, finding: null, fix: CHECK_SECRET_FIX, key: cause.key };
  }
  return { verdict: 'FAIL', kind: 'unexplained', cause: cause.title, ruleId: null, finding: null, fix: null, key: cause.key };
}

/**
 * Findings that say something true but do not decide this join: the page's isolation (gallery view
 * and virtual background, never the join), the outcome restated ("the join failed with 3712"), iat
 * quantisation on a join Zoom accepted, and notes (`info`) on a settled join. They are never a join's top finding and sit folded under the rest.
 */
export function affectsJoin(f: Finding, cls: OutcomeClass): boolean {
  if (f.id === 'page-not-isolated') return false;
  // "The join failed with 3712": the outcome said again, which the verdict and the row already say.
  if (f.data?.restatesOutcome === true) return false;
  if (f.id === 'iat-quantized' && !isFailure(cls)) return false;
  if (f.severity === 'info' && cls !== 'pending') return false;
  return true;
}

/** The finding a log row shows for a join that did not fail: the first that affects it, if any. */
export function topAffectingFinding(findings: readonly Finding[], cls: OutcomeClass): Finding | null {
  return findings.find((f) => affectsJoin(f, cls)) ?? null;
}
