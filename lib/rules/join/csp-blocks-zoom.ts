import { defineJoinRule } from './types';
import { listUrls, violationsOf } from './page-text';

/** The page's CSP refuses a request the SDK makes: its join request, websockets, scripts or workers. */
export const cspBlocksZoom = defineJoinRule({
  id: 'csp-blocks-zoom',
  severity: 'error',
  origin: 'assets',
  title: "The page's Content-Security-Policy blocks the SDK's requests or workers",
  source: 'docs/page-and-assets.md §3 (connect-src for zoom.us and wss://*.zoom.us; devforum #5945)',
  produces: [3635, 5001],
  explainsJoinNotSent: true,
  check({ attempt }) {
    const v = violationsOf(attempt).filter((x) => x.blocked !== 'wasm-eval' && x.blocked !== 'eval' && x.blocked !== 'inline');
    if (v.length === 0) return null;
    const directives = [...new Set(v.map((x) => x.directive))];
    const connect = directives.some((d) => d.startsWith('connect-src'));
    // Chromium reports a refused blob: worker as blocked URI "blob" (measured, 6.2.0 client view).
    const blob = v.some((x) => x.blocked === 'blob' || x.blocked.startsWith('blob:'));
    const how = v.some((x) => x.seen === 'event') ? 'the browser refused' : "the page's Content-Security-Policy header refuses";
    return {
      message: `${how} ${v.length} request(s) of the SDK under ${directives.join(', ')}: ${listUrls(v.map((x) => x.blocked))}.${connect ? ' Without connect-src for Zoom, the join request (wc/info) and the meeting websockets never leave the page.' : ''}${blob ? " The SDK runs its audio/video in blob: workers; without `worker-src blob:` (script-src governs workers when worker-src is absent) they never start." : ''}`,
      fix: `Allow Zoom in the policy: \`connect-src 'self' https://zoom.us https://*.zoom.us wss://*.zoom.us\` (note that *.zoom.us does not match zoom.us itself), \`script-src … https://source.zoom.us\` (or your asset host), \`worker-src 'self' blob:\`; add each blocked origin above to its directive (${directives.join(', ')}).`,
      data: { count: v.length, directive: directives[0]!, blocked: v[0]!.blocked },
    };
  },
});
