/**
 * The join before each join of the same page, frame and API (two joins within the SDK's 10 s
 * interval: args-join-repeated). One pass over the session in capture order, so a 10,000-join
 * session costs 10,000 map lookups.
 */
import type { JoinAttempt } from '../model/attempt';

export function previousJoins(attempts: readonly JoinAttempt[]): Map<JoinAttempt, JoinAttempt> {
  const last = new Map<string, JoinAttempt>();
  const out = new Map<JoinAttempt, JoinAttempt>();
  for (const a of attempts) {
    if (a.api === 'wire' || a.sdk === 'video') continue;
    const key = `${a.api}\u0000${a.pageUrl ?? ''}\u0000${a.frameUrl ?? ''}`;
    const p = last.get(key);
    if (p && p.calledAt <= a.calledAt) out.set(a, p);
    last.set(key, a);
  }
  return out;
}
