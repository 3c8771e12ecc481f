import { defineJoinRule } from './types';
import { failuresOf, listUrls } from './page-text';

/** The browser refused the request itself, before any answer: an ad or privacy blocker (net::ERR_BLOCKED_BY_CLIENT). */
export const assetBlockedByClient = defineJoinRule({
  id: 'asset-blocked-by-client',
  severity: 'error',
  origin: 'assets',
  title: "An ad or content blocker blocked the SDK's files",
  source: 'docs/page-and-assets.md §2 (net::ERR_BLOCKED_BY_CLIENT)',
  produces: [3635, 5001],
  explainsJoinNotSent: true,
  check({ attempt }) {
    const fs = failuresOf(attempt, 'blocked-by-client');
    if (fs.length === 0) return null;
    return {
      message: `${fs.length} request(s) for the SDK's media files never left the browser (${fs[0]!.failureText ?? 'net::ERR_BLOCKED_BY_CLIENT'}): ${listUrls(fs.map((f) => f.url))}. A browser extension (ad, tracker or privacy blocker) refused them, so audio/video cannot start for this user.`,
      fix: 'Ask the user to allow the site in their blocker, or serve the SDK assets from your own origin (`ZoomMtg.setZoomJSLib(\'https://your.host/lib\', \'/av\')` / component view `assetPath`), which list-based blockers rarely match; tell users in your UI when a join stalls this way.',
      data: { count: fs.length, url: fs[0]!.url },
    };
  },
});
