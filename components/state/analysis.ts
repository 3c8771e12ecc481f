/**
 * Analyses attempts lazily and once: the engine runs for an attempt the first time something asks
 * (a row scrolling into view, the inspector, a rule filter, the correlation view), and the result
 * is kept for as long as that attempt object lives. Attempts are replaced, never mutated, when
 * they change (a pending join settling), so a new object means a fresh analysis.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { Analysis, Finding, SecretVerification } from '../../lib/rules/types';
import { analyseAttempt } from '../../lib/attempt-context';

const cache = new WeakMap<JoinAttempt, Analysis>();

export function analysisOf(a: JoinAttempt): Analysis {
  let hit = cache.get(a);
  if (!hit) {
    hit = analyseAttempt(a);
    cache.set(a, hit);
  }
  return hit;
}

export function findingsOf(a: JoinAttempt): readonly Finding[] {
  return analysisOf(a).findings;
}

/** The finding the log shows: the engine orders findings most severe first. */
export function topFindingOf(a: JoinAttempt): Finding | null {
  return analysisOf(a).findings[0] ?? null;
}

/** Re-runs the rules with a secret check; never cached (the result belongs to the secret form). */
export function analyseWithVerification(a: JoinAttempt, verification: SecretVerification): Analysis {
  return analyseAttempt(a, { verification });
}
