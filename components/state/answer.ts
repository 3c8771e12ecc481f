/**
 * The answer line of each attempt (lib/correlate/answer.ts), judged with the session's correlation
 * when it has been computed (it knows whether iat quantisation is more than chance), else alone.
 * The inspector asks for the correlation (it is cached per attempts list); the log's rows only use
 * it once someone has, so scrolling a long log never analyses every attempt.
 */
import { attemptAnswer, type AttemptAnswer } from '../../lib/correlate';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analysisOf } from './analysis';
import { cachedCorrelation, correlationOf } from './correlation';

/** With the session's correlation (computed now if needed): what the inspector shows. */
export function answerOf(a: JoinAttempt, attempts: readonly JoinAttempt[]): AttemptAnswer {
  const c = correlationOf(attempts);
  return attemptAnswer({ attempt: a, analysis: analysisOf(a) }, c.primary[a.id]);
}

/** With the correlation only if it is already there: what a log row shows. */
export function rowAnswerOf(a: JoinAttempt, attempts: readonly JoinAttempt[]): AttemptAnswer {
  const c = cachedCorrelation(attempts);
  return attemptAnswer({ attempt: a, analysis: analysisOf(a) }, c?.primary[a.id]);
}
