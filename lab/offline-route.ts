/**
 * The one network rule for every browser the lab and the browser tests drive: loopback passes,
 * requests for a stand-in are answered by it, everything else outside 127.0.0.1 is blocked and
 * logged (nothing external may be needed). The lab's Zoom routing (launch.ts) and the tests'
 * routeZoom (tests/e2e/harness/zoom-route.ts) both build on it.
 */
import type { BrowserContext, Request, Route } from 'playwright-core';

const isLoopback = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';

/**
 * Routes every request of `context`: `wanted(url)` picks the ones `answer` handles; any other
 * non-loopback http(s) request is aborted and its URL pushed onto `blocked`.
 */
export async function routeOffline(
  context: BrowserContext,
  wanted: (url: URL) => boolean,
  answer: (route: Route, req: Request, url: URL) => Promise<void>,
  blocked: string[],
): Promise<void> {
  await context.route('**/*', async (route) => {
    const req = route.request();
    let url: URL;
    try {
      url = new URL(req.url());
    } catch {
      return route.continue();
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || isLoopback(url)) return route.continue();
    if (!wanted(url)) {
      blocked.push(req.url());
      return route.abort('blockedbyclient');
    }
    return answer(route, req, url);
  });
}
