/**
 * Waits for a page's network to go quiet: no request in flight, and none started or ended for
 * `quietMs`. The SDK keeps fetching media files after a join's answer, and DevTools reports each
 * failed one to the extension once it has ended (`quietMs` is also the time that report has to
 * arrive); waiting for that moment replaces a fixed sleep (3 s per join, on every join, whether
 * anything was still loading or not). A request that never ends (a hanging stand-in) holds the
 * page busy: `maxMs` bounds the wait, as the fixed sleep did.
 *
 *   const net = watchRequests(page);         // before the navigation it should see
 *   …
 *   await net.quiet();                       // resolves at once on an idle page, after maxMs at most
 */
import type { Page, Request } from 'playwright-core';

export interface RequestWatch {
  /** Requests started and not yet finished or failed. */
  inFlight(): number;
  quiet(opts?: { quietMs?: number; maxMs?: number }): Promise<void>;
}

const watches = new WeakMap<Page, RequestWatch>();

/** One watch per page (listeners added once, however often it is asked for). */
export function watchRequests(page: Page): RequestWatch {
  const known = watches.get(page);
  if (known) return known;
  const open = new Set<Request>();
  let lastChange = Date.now();
  const start = (r: Request) => {
    open.add(r);
    lastChange = Date.now();
  };
  const end = (r: Request) => {
    open.delete(r);
    lastChange = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  const watch: RequestWatch = {
    inFlight: () => open.size,
    async quiet({ quietMs = 500, maxMs = 3000 } = {}) {
      const deadline = Date.now() + maxMs;
      // Give the answer's own follow-up requests a moment to start before judging the page idle.
      lastChange = Math.max(lastChange, Date.now() - quietMs + 150);
      while (Date.now() < deadline) {
        if (open.size === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  watches.set(page, watch);
  return watch;
}
