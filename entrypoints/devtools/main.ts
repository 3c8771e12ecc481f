/**
 * DevTools page: creates the panel and, while DevTools is open, watches the inspected tab's
 * network for two facts the page hook cannot see:
 *  - issuance: a response from the page's own backend that carries a Meeting SDK JWT (URL,
 *    arrival time, Date header), later linked to the join that used that token;
 *  - Zoom's clock: each answer from a Zoom host, judged by the same code as a HAR import
 *    (lib/zoom/zoom-clock): fresh answers become samples, cached ones are counted and left out;
 *  - the SDK's own assets (lib/av wasm and JS) that failed: HTTP errors, wrong types, requests an
 *    ad blocker or the page's CSP refused (lib/zoom/sdk-assets, the same verdict as a HAR import);
 *  - each navigation of the tab, so a join's page is known to have been watched from its start.
 */
import { isZoomHost } from '../../lib/zoom/issuance';
import { classifyAsset } from '../../lib/zoom/sdk-assets';
import { clockSample } from '../../lib/zoom/zoom-clock';
import { assetExchange } from '../../lib/har/assets';
import { zoomExchange } from '../../lib/har/clock';
import { viewEntry } from '../../lib/har/entry';
import { issuanceOf } from '../../lib/har/issuance';
import { isWcInfoUrl, requestFields } from '../../lib/har/wc-info';
import type { DevtoolsMessage } from '../../lib/protocol/messages';
import { PROTOCOL_VERSION, SOURCE } from '../../lib/protocol/version';

browser.devtools.panels.create('Join Doctor', '', '/devtools-panel.html');

const tabId = browser.devtools.inspectedWindow.tabId;
const MAX_BODY = 64 * 1024;

interface HarEntryLike {
  response: { content?: { size?: number; mimeType?: string } };
  getContent(cb: (content: string | null, encoding: string) => void): void;
}

/** The inspected page's URL, sent with issuances: a tab that only issues tokens has no relay awake to name it. */
let pageUrl: string | undefined;
const notePage = (url: unknown) => {
  if (typeof url === 'string' && url !== '') pageUrl = url.slice(0, 2048);
};
// Chrome answers through the callback, Firefox through the promise.
const evaluated = (browser.devtools.inspectedWindow.eval as (e: string, cb?: (r: unknown) => void) => unknown)('location.href', notePage);
if (evaluated && typeof (evaluated as Promise<unknown>).then === 'function') void (evaluated as Promise<unknown>).then((r) => notePage(Array.isArray(r) ? r[0] : r), () => undefined);
browser.devtools.network.onNavigated.addListener((url: string) => {
  notePage(url);
  // From this document's start every response passes the token search below: a join in it whose
  // token no response carried had its token made in the page (lib/capture/made-in-page.ts).
  if (typeof url === 'string' && url !== '') void post({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'navigated', tabId, url: url.slice(0, 2048), at: Date.now() });
});

const post = (m: DevtoolsMessage) => browser.runtime.sendMessage(m).catch(() => undefined);

browser.devtools.network.onRequestFinished.addListener((raw: unknown) => {
  const entry = raw as HarEntryLike;
  const e = viewEntry(raw, 0);
  if (!e || e.startedAt === null) return;
  const failure = classifyAsset(assetExchange(e, entry.response.content?.mimeType));
  if (failure) void post({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'asset', tabId, failure });
  let host: string;
  try {
    host = new URL(e.url).hostname.toLowerCase();
  } catch {
    return;
  }
  if (isZoomHost(host)) {
    // The join request carries the token: `signature` (wc/info) or `zlk` (the Video SDK's wc/lsdk).
    const fields = isWcInfoUrl(e.url) ? requestFields(e) : null;
    const token = fields?.signature ?? fields?.zlk ?? null;
    void post({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'clock', tabId, result: clockSample(zoomExchange(e, host, token)) });
    return;
  }
  const mime = entry.response.content?.mimeType ?? '';
  if ((entry.response.content?.size ?? 0) > MAX_BODY || !/json|text|javascript/.test(mime)) return;
  entry.getContent((body, encoding) => {
    if (!body || encoding === 'base64') return;
    const found = issuanceOf(e, body);
    if (!found || found.receivedAt === null) return;
    void post({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'issuance', tabId, ...(pageUrl ? { pageUrl } : {}), issuance: { ...found, receivedAt: found.receivedAt } });
  });
});
