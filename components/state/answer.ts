/**
 * The answer line of each attempt (lib/correlate/answer.ts), judged with the session's correlation
 * when it has been computed (it knows whether iat quantisation is more than chance), else alone.
 * The log's rows only use it once it is there, so scrolling a long log never waits for every attempt.
 */
import { attemptAnswer, type AttemptAnswer } from '../../lib/correlate';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analysisOf } from './analysis';
import { cachedCorrelation, correlationOf, SYNC_CORRELATE_MAX } from './correlation';

/**
 * What the inspector shows: with the session's correlation, computed now for a session short
 * enough to take no noticeable time, else once the background has it (the inspector re-renders
 * then: useSessionCorrelation); until then the attempt is judged alone, as its log row is.
 */
export function answerOf(a: JoinAttempt, attempts: readonly JoinAttempt[]): AttemptAnswer {
  const c = attempts.length <= SYNC_CORRELATE_MAX ? correlationOf(attempts) : cachedCorrelation(attempts);
  return attemptAnswer({ attempt: a, analysis: analysisOf(a) }, c?.primary[a.id]);
}

/** With the correlation only if it is already there: what a log row shows. */
export function rowAnswerOf(a: JoinAttempt, attempts: readonly JoinAttempt[]): AttemptAnswer {
  const c = cachedCorrelation(attempts);
  return attemptAnswer({ attempt: a, analysis: analysisOf(a) }, c?.primary[a.id]);
}
