import type { Plugin } from 'vite';

/**
 * The triage page's Content-Security-Policy (entrypoints/triage, web/): nothing leaves the browser.
 * connect-src 'none': no fetch, XHR, WebSocket or beacon at all; scripts, styles and the HAR worker
 * only from the build itself (no inline script, no blob: worker, no remote script). One source: the
 * build writes it into each page that asks for it, and scripts/serve-web.mjs sends the same as a
 * header (read from the built page).
 */
export const TRIAGE_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; worker-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Where a page asks for it, in its <head>. */
export const PAGE_CSP_MARKER = '<!-- join-doctor:page-csp -->';

/** Replaces the marker with the CSP meta tag; a page that asks twice, or a build that loses the marker, fails. */
export function injectPageCsp(html: string): string {
  const parts = html.split(PAGE_CSP_MARKER);
  if (parts.length === 1) return html;
  if (parts.length > 2) throw new Error(`scripts/build/page-csp.ts: ${PAGE_CSP_MARKER} appears ${parts.length - 1} times in one page`);
  return parts.join(`<meta http-equiv="Content-Security-Policy" content="${TRIAGE_PAGE_CSP}" />`);
}

export const pageCsp = (): Plugin => ({
  name: 'join-doctor:page-csp',
  transformIndexHtml: { order: 'pre', handler: injectPageCsp },
});
