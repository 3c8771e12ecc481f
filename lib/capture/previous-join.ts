/**
 * The join before each join of the same page, frame and API (two joins within the SDK's 10 s
 * interval: args-join-repeated). One pass over the session in capture order, so a 10,000-join
 * session costs 10,000 map lookups. The panel keeps the same chains join by join
 * (components/state/session-index.ts) with these two functions.
 */
import type { JoinAttempt } from '../model/attempt';

/** The chain a join belongs to, or null for joins that have none (wire-only captures, the Video SDK). */
export function joinChainKey(a: JoinAttempt): string | null {
  if (a.api === 'wire' || a.sdk === 'video') return null;
  return `${a.api}\u0000${a.pageUrl ?? ''}\u0000${a.frameUrl ?? ''}`;
}

/** The chain's previous join counts as `a`'s previous join only when it was not called after it. */
export function isPreviousJoin(p: JoinAttempt, a: JoinAttempt): boolean {
  return p.calledAt <= a.calledAt;
}

export function previousJoins(attempts: readonly JoinAttempt[]): Map<JoinAttempt, JoinAttempt> {
  const last = new Map<string, JoinAttempt>();
  const out = new Map<JoinAttempt, JoinAttempt>();
  for (const a of attempts) {
    const key = joinChainKey(a);
    if (key === null) continue;
    const p = last.get(key);
    if (p && isPreviousJoin(p, a)) out.set(a, p);
    last.set(key, a);
  }
  return out;
}
