/**
 * The session's correlation, computed by lib/correlate once per attempts list (the list is
 * replaced, never mutated, when attempts change) and shared by the Correlation view and exports.
 */
import { correlate, type Correlation, type CorrelationItem } from '../../lib/correlate';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analysisOf } from './analysis';

const cache = new WeakMap<readonly JoinAttempt[], Correlation>();

export function correlationItems(attempts: readonly JoinAttempt[]): CorrelationItem[] {
  return attempts.map((attempt) => ({ attempt, analysis: analysisOf(attempt) }));
}

export function correlationOf(attempts: readonly JoinAttempt[]): Correlation {
  let hit = cache.get(attempts);
  if (!hit) {
    hit = correlate(correlationItems(attempts));
    cache.set(attempts, hit);
  }
  return hit;
}
