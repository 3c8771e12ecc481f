/**
 * The one place a captured join attempt becomes a rule context. The extension, the HAR reader,
 * the lab and the reports all go through here so that "reference time" means the same everywhere.
 */
import type { JoinAttempt } from './model/attempt';
import type { Analysis, JoinArguments, RuleContext, SecretVerification } from './rules/types';
import { analyse } from './analyse';

export type AttemptContext = Omit<RuleContext, 'token'>;

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * joinTime = calledAt (page clock) in seconds; clockOffset = Zoom's clock − page clock, when
 * measured; referenceTime = the join time on Zoom's clock when the offset is known, else the
 * page clock (the rules then say the local clock may be the one that is wrong).
 */
export function contextForAttempt(attempt: JoinAttempt): AttemptContext {
  const ctx: AttemptContext = {};
  if (finite(attempt.calledAt)) {
    ctx.joinTime = attempt.calledAt / 1000;
    ctx.referenceTime = ctx.joinTime;
  }
  if (finite(attempt.clockOffsetMs)) {
    ctx.clockOffset = attempt.clockOffsetMs / 1000;
    if (ctx.joinTime !== undefined) ctx.referenceTime = ctx.joinTime + ctx.clockOffset;
    if (attempt.clockOffsetSource) ctx.clockOffsetSource = /\s/.test(attempt.clockOffsetSource) ? attempt.clockOffsetSource : `the Date header of ${attempt.clockOffsetSource}`;
    if (finite(attempt.clockUncertaintyMs)) ctx.clockUncertainty = attempt.clockUncertaintyMs / 1000;
  } else if (attempt.clockNote) ctx.clockNote = attempt.clockNote;
  const join: JoinArguments = {};
  if (attempt.meetingNumber !== undefined && attempt.meetingNumber !== null) join.meetingNumber = attempt.meetingNumber;
  if (attempt.sdkKey !== undefined && attempt.sdkKey !== null) join.sdkKey = attempt.sdkKey;
  if (Object.keys(join).length > 0) ctx.join = join;
  return ctx;
}

export interface AnalyseAttemptOptions {
  /** The result of verifySecret for this attempt's token, when the user supplied a secret. */
  verification?: SecretVerification;
}

/** Analyses the attempt's signature argument against the attempt's own join time and arguments. */
export function analyseAttempt(attempt: JoinAttempt, opts: AnalyseAttemptOptions = {}): Analysis {
  const ctx = contextForAttempt(attempt);
  if (!opts.verification) return analyse(attempt.signature, ctx);
  ctx.verification = opts.verification;
  return { ...analyse(attempt.signature, ctx), secretChecked: true };
}
