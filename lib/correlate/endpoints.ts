import type { JoinAttempt } from '../model/attempt';
import { tokenMadeInPage } from '../capture/made-in-page';
import type { CorrelationItem, EndpointRate, OutcomeClass } from './types';
import { isFailure } from './outcome';

export const UNKNOWN_ENDPOINT = '(unknown)';
/** No response carried the token while DevTools watched its page from the start: the page signed it (lib/capture/made-in-page.ts). */
export const MADE_IN_PAGE_ENDPOINT = '(made in page)';

/** Origin and path only: a query string may carry user data, and it does not name another backend. */
export function endpointKey(url: unknown): string {
  if (typeof url !== 'string' || url.trim() === '') return UNKNOWN_ENDPOINT;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? UNKNOWN_ENDPOINT;
  }
}

/** Zoom's `wc/lsdk` code for a JWT it could not verify (expired, bad signature, bad topic): the Video SDK's own 3712. */
const LSDK_JWT_REFUSED = 124;

/** A Video SDK join that Zoom refused for its JWT (the page's promise says 200 "Verify JWT failed" or similar). */
export function isVideoJwtRefusal(a: JoinAttempt): boolean {
  return a.sdk === 'video' && a.outcome.kind === 'failure' && a.outcome.serverCode === LSDK_JWT_REFUSED;
}

/**
 * Failure rate per issuing endpoint (settled attempts only): a Node and a Java backend with the
 * "same" logic differ exactly here (devforum #70827). Highest rate first, then by endpoint.
 * Signature refusals are counted in each SDK's own terms: 3712 for the Meeting SDK, Zoom's 124
 * for the Video SDK (which never reports 3712).
 */
export function endpointRates(items: readonly CorrelationItem[], classes: readonly OutcomeClass[]): EndpointRate[] {
  const by = new Map<string, { attempts: number; failures: number; failures3712: number; failuresJwt: number }>();
  items.forEach((item, i) => {
    const cls = classes[i] ?? 'pending';
    // Undecided joins and requests the SDK replaced say nothing about the endpoint's tokens.
    if (cls === 'pending' || cls === 'superseded') return;
    const key = item.attempt.issuer ? endpointKey(item.attempt.issuer.url) : tokenMadeInPage(item.attempt) ? MADE_IN_PAGE_ENDPOINT : UNKNOWN_ENDPOINT;
    const row = by.get(key) ?? { attempts: 0, failures: 0, failures3712: 0, failuresJwt: 0 };
    row.attempts += 1;
    if (isFailure(cls)) row.failures += 1;
    if (cls === 'failure-3712' && item.attempt.sdk !== 'video') row.failures3712 += 1;
    if (isVideoJwtRefusal(item.attempt)) row.failuresJwt += 1;
    by.set(key, row);
  });
  return [...by.entries()].map(([endpoint, r]) => endpointRow(endpoint, r)).sort(compareEndpointRates);
}

/** Highest failure rate first, then by endpoint. */
export function compareEndpointRates(a: EndpointRate, b: EndpointRate): number {
  return b.rate - a.rate || (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0);
}

/** One endpoint's row from its counts (also the running correlation's: lib/correlate/accumulator.ts). */
export function endpointRow(endpoint: string, r: { attempts: number; failures: number; failures3712: number; failuresJwt: number }): EndpointRate {
  const rate = r.attempts === 0 ? 0 : r.failures / r.attempts;
  return {
    endpoint,
    ...r,
    rate: Math.round(rate * 1000) / 1000,
    text: `${endpoint}: ${r.failures} of ${r.attempts} failed (${Math.round(rate * 100)}%)${r.failures3712 > 0 ? `, ${r.failures3712} with 3712` : ''}${r.failuresJwt > 0 ? `, ${r.failuresJwt} with JWT refused (124)` : ''}`,
  };
}
