/**
 * Pure helpers for issuance capture (the devtools page feeds them HAR entries from
 * chrome.devtools.network): find a Meeting SDK JWT in a response body and tell Zoom's hosts from
 * the page's own backend. The record itself is built by lib/har/issuance.ts; Zoom's clock from a
 * `Date` header by zoom-clock.ts's clockSample.
 */

import { segmentObject } from '../token/base64';
import { jwtsIn } from '../token/jwt-shape';

/** The first JWT in `body` whose payload looks like a Meeting SDK signature (appKey, sdkKey or mn). */
export function findMeetingSdkJwt(body: string): string | null {
  if (body.length > 256 * 1024) return null;
  // PHP's json_encode writes `/` as `\/`: a hand-rolled PHP signer's standard-base64 token arrives
  // as `…\/…`, which the page's JSON.parse turns back into `/`. Read it as the page does, or the
  // token is cut at the backslash and never links to the join that used it.
  const text = body.includes('\\/') ? body.replaceAll('\\/', '/') : body;
  for (const m of jwtsIn(text)) {
    const payload = segmentObject(m.payload);
    // Meeting SDK signatures (appKey/sdkKey/mn) and Video SDK JWTs (app_key/tpc) both are join tokens.
    if (payload && ('appKey' in payload || 'sdkKey' in payload || 'mn' in payload || 'app_key' in payload || 'tpc' in payload)) return m.text;
  }
  return null;
}

/** Zoom's web endpoints (zoom.us, *.zoom.us, zoomgov.com and subdomains). */
export function isZoomHost(host: string): boolean {
  const h = host.toLowerCase();
  return /(^|\.)zoom\.us$/.test(h) || /(^|\.)zoomgov\.com$/.test(h);
}
