/**
 * Whether a join's token was made in the page itself. The devtools page searches every response
 * of the inspected tab for a join token (entrypoints/devtools/main.ts) and reports each navigation
 * it sees. A join whose document DevTools watched from its start (a navigation to that page seen
 * before the join) and whose token no response carried, nor the page's own URL, had its token
 * made in the page: the SDK secret is in the page's code, shipped to every visitor (Zoom's samples
 * sign in the browser for development only). Without that evidence (DevTools opened after the
 * page loaded) nothing is claimed: the issuing request may simply have been missed.
 */
import type { JoinAttempt } from '../model/attempt';

export interface WatchedNavigation {
  url: string;
  /** Local clock, epoch ms, when DevTools saw the navigation. */
  at: number;
}

/** Navigations kept per tab (newest last). */
export const MAX_WATCHED_NAVIGATIONS = 20;

/** Origin and path: the same document whatever its query or fragment (pushState keeps the document). */
function docKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return null;
  }
}

/** When DevTools began watching the attempt's page: the latest navigation to it before the join; null when none was seen. */
export function watchedFrom(navs: readonly WatchedNavigation[] | undefined, a: Pick<JoinAttempt, 'pageUrl' | 'calledAt'>): number | null {
  const page = docKey(a.pageUrl);
  if (!navs || page === null) return null;
  for (let i = navs.length - 1; i >= 0; i--) {
    const n = navs[i]!;
    if (n.at > a.calledAt) continue;
    // The latest navigation before the join is the join's document, or the page changed since.
    return docKey(n.url) === page ? n.at : null;
  }
  return null;
}

/** Sets `pageWatchedFrom`; true when it changed. */
export function markWatched(navs: readonly WatchedNavigation[] | undefined, a: JoinAttempt): boolean {
  const from = watchedFrom(navs, a);
  if ((a.pageWatchedFrom ?? null) === from) return false;
  if (from === null) delete a.pageWatchedFrom;
  else a.pageWatchedFrom = from;
  return true;
}

/** The token was made in the page: watched from the document's start, no response carried it, not in the page's URL. */
export function tokenMadeInPage(a: Pick<JoinAttempt, 'issuer' | 'pageWatchedFrom' | 'signature' | 'pageUrl' | 'frameUrl' | 'calledAt'>): boolean {
  if (a.issuer || a.pageWatchedFrom == null || a.pageWatchedFrom > a.calledAt) return false;
  if (typeof a.signature !== 'string' || a.signature.trim() === '') return false;
  const t = a.signature.trim();
  // A page opened as meeting.html?signature=… (zoom/meetingsdk-web-sample) got it from its opener.
  return !(a.pageUrl ?? '').includes(t) && !(a.frameUrl ?? '').includes(t);
}
