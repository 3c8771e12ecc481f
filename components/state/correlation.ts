/**
 * The session's correlation, computed by lib/correlate once per attempts list (the list is
 * replaced, never mutated, when attempts change) and shared by the Correlation view and exports.
 */
import { correlate, type Correlation, type CorrelationItem } from '../../lib/correlate';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analysisOf, notePreviousJoins } from './analysis';
import { sessionSecret, withoutSessionSecret } from './session-secret';

const cache = new WeakMap<readonly JoinAttempt[], { version: number; correlation: Correlation }>();

export function correlationItems(attempts: readonly JoinAttempt[]): CorrelationItem[] {
  notePreviousJoins(attempts);
  return attempts.map((attempt) => ({ attempt, analysis: analysisOf(attempt) }));
}

/** Recomputed when the attempts list is replaced or a session-secret check lands. */
export function correlationOf(attempts: readonly JoinAttempt[]): Correlation {
  const version = sessionSecret.getState().version;
  const hit = cache.get(attempts);
  if (hit && hit.version === version) return hit.correlation;
  // Its texts quote attempts too (issuer URLs), not only the already scrubbed analyses.
  const correlation = withoutSessionSecret(correlate(correlationItems(attempts)));
  cache.set(attempts, { version, correlation });
  return correlation;
}

/** The correlation if it is already computed for this list and secret version; never computes. */
export function cachedCorrelation(attempts: readonly JoinAttempt[]): Correlation | null {
  const hit = cache.get(attempts);
  return hit && hit.version === sessionSecret.getState().version ? hit.correlation : null;
}
