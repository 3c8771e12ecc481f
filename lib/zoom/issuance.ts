/**
 * Pure helpers for issuance capture (the devtools page feeds them HAR entries from
 * chrome.devtools.network): find a Meeting SDK JWT in a response body, tell Zoom's hosts from
 * the page's own backend, and turn a Zoom `Date` header into a clock offset.
 */

import { segmentObject } from '../token/base64';
import { jwtsIn } from '../token/jwt-shape';

/** The first JWT in `body` whose payload looks like a Meeting SDK signature (appKey, sdkKey or mn). */
export function findMeetingSdkJwt(body: string): string | null {
  if (body.length > 256 * 1024) return null;
  for (const m of jwtsIn(body)) {
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

export function headerValue(headers: ReadonlyArray<{ name: string; value: string }>, name: string): string | null {
  const n = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === n)?.value ?? null;
}

/**
 * Zoom's clock minus ours, from one response. `Date` has 1 s resolution and was stamped while
 * the request was in flight, so compare its midpoint (+500 ms) with the request's midpoint.
 * Null when the header is missing or unparsable.
 */
export function clockOffsetMs(dateHeader: string | null, startedAt: number, durationMs: number): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (!Number.isFinite(server) || !Number.isFinite(startedAt)) return null;
  const mid = startedAt + Math.max(0, durationMs) / 2;
  return Math.round(server + 500 - mid);
}
