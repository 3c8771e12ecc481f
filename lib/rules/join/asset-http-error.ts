import { defineJoinRule } from './types';
import { ASSET_PATH_FIX, assetFolder, failuresOf, listUrls } from './page-text';

/** A lib/av file answered 4xx/5xx: the SDK retries, and the 6.2.0 client view then never sends its join request (measured). */
export const assetHttpError = defineJoinRule({
  id: 'asset-http-error',
  severity: 'error',
  origin: 'assets',
  title: "The SDK's lib/av files answered with an HTTP error",
  source: 'docs/page-and-assets.md §2 (js_media.min.js download and compile, 3 tries; measured: no wc/info after a wasm 404)',
  produces: [3635, 5001],
  explainsJoinNotSent: true,
  check({ attempt }) {
    const fs = failuresOf(attempt, 'http-error');
    if (fs.length === 0) return null;
    const statuses = [...new Set(fs.map((f) => f.status))].sort((a, b) => a - b);
    const first = fs[0]!;
    return {
      message: `${fs.length} request(s) for the SDK's media files answered HTTP ${statuses.join('/')}: ${listUrls(fs.map((f) => f.url))}. Without them the SDK cannot start audio/video; the 6.2.0 client view waits for them and never sends its join request or calls back.`,
      fix: `Check that ${assetFolder(first.url)}/ holds every file of the SDK's dist/lib/av for the version in use (${first.status === 403 ? '403: an old version removed from the CDN, or a server/bucket that refuses the path' : 'a 404 is a missing file or a wrong path'}). ${ASSET_PATH_FIX}`,
      data: { count: fs.length, status: first.status, url: first.url },
    };
  },
});
