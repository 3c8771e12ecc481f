/**
 * The one place a captured join attempt becomes a rule context. The extension, the HAR reader,
 * the lab and the reports all go through here so that "reference time" means the same everywhere.
 */
import { isInitAttempt, type JoinAttempt } from './model/attempt';
import type { Analysis, JoinArguments, SecretVerification } from './rules/types';
import { analyseDecodedToken, NO_FINDINGS, sortBySeverity, verdictOf } from './analyse';
import { runJoinRules } from './rules/join/run';
import { decodeSignature } from './token/decode';
import type { Decode } from './token/decode-memo';

import type { AnalysisContext } from './analyse';

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * joinTime = calledAt (page clock) in seconds; requestTime = when the SDK's own request carrying
 * the token (wc/info, wc/lsdk) left, when it was seen; clockOffset = Zoom's clock − page clock,
 * when measured; referenceTime = the request time (else the join time) on Zoom's clock when the
 * offset is known, else on the page clock (the rules then say the local clock may be the one that
 * is wrong). Zoom judges iat and exp when the request reaches it, not when the page called join():
 * a client view that waits on its preview screen, or an app that calls join() early, sends later.
 */
export function contextForAttempt(attempt: JoinAttempt): AnalysisContext {
  const ctx: AnalysisContext = {};
  if (finite(attempt.calledAt)) {
    ctx.joinTime = attempt.calledAt / 1000;
    ctx.referenceTime = ctx.joinTime;
  }
  const sentAt = attempt.wire?.sentAt;
  // A request stamped before the call it belongs to is a clock or pairing artefact: keep the call time.
  if (finite(sentAt) && (ctx.joinTime === undefined || sentAt / 1000 >= ctx.joinTime)) {
    ctx.requestTime = sentAt / 1000;
    ctx.referenceTime = ctx.requestTime;
  }
  if (finite(attempt.clockOffsetMs)) {
    ctx.clockOffset = attempt.clockOffsetMs / 1000;
    const local = ctx.requestTime ?? ctx.joinTime;
    if (local !== undefined) ctx.referenceTime = local + ctx.clockOffset;
    if (attempt.clockOffsetSource) ctx.clockOffsetSource = /\s/.test(attempt.clockOffsetSource) ? attempt.clockOffsetSource : `the Date header of ${attempt.clockOffsetSource}`;
    if (finite(attempt.clockUncertaintyMs)) ctx.clockUncertainty = attempt.clockUncertaintyMs / 1000;
  } else if (attempt.clockNote) ctx.clockNote = attempt.clockNote;
  const join: JoinArguments = {};
  if (attempt.meetingNumber !== undefined && attempt.meetingNumber !== null) join.meetingNumber = attempt.meetingNumber;
  if (attempt.sdkKey !== undefined && attempt.sdkKey !== null) join.sdkKey = attempt.sdkKey;
  if (typeof attempt.topic === 'string') join.topic = attempt.topic;
  if (attempt.sdk === 'video' || attempt.sdk === 'meeting') ctx.sdk = attempt.sdk;
  if (Object.keys(join).length > 0) ctx.join = join;
  return ctx;
}

export interface AnalyseAttemptOptions {
  /** The result of verifySecret for this attempt's token, when the user supplied a secret. */
  verification?: SecretVerification;
  /** The join before this one in the same session and page (two joins within seconds: 3633). */
  previous?: JoinAttempt | null;
  /** How the signature is decoded: a memo (lib/token/decode-memo.ts) shares one decoded token between joins that sent the same string. */
  decode?: Decode;
}

/**
 * Analyses the attempt's signature against the attempt's own join time and arguments, then judges
 * the rest of the join (arguments, Zoom's answer, page, assets) with the join rules. Findings of
 * both are ordered most severe first; equal severities keep the token's findings first.
 */
export function analyseAttempt(attempt: JoinAttempt, opts: AnalyseAttemptOptions = {}): Analysis {
  const ctx = contextForAttempt(attempt);
  if (opts.verification) ctx.verification = opts.verification;
  // An init carries no token (the join that would have was never called): no token rule runs on
  // it, and its absent signature is no "not a string" problem for the inspector to repeat.
  const token: Analysis = isInitAttempt(attempt) ? { verdict: 'pass', findings: NO_FINDINGS, token: { ...decodeSignature(null), problems: [] } } : analyseDecodedToken((opts.decode ?? decodeSignature)(attempt.signature), ctx);
  const joined = runJoinRules({ attempt, token, previous: opts.previous ?? null });
  let analysis: Analysis = joined.length === 0 ? token : { ...token, findings: sortBySeverity([...token.findings, ...joined]), verdict: verdictOf([...token.findings, ...joined]) };
  // Zoom accepted this join: whatever a rule expected Zoom to reject, Zoom did not, so no finding
  // makes it FAIL (Zoom's own Video SDK web sample signs without `version` and joins). The findings
  // keep their severity; only the verdict is capped at WARN.
  if (analysis.verdict === 'fail' && attempt.outcome?.kind === 'success') analysis = { ...analysis, verdict: 'warn' };
  return opts.verification ? { ...analysis, secretChecked: true } : analysis;
}
