/**
 * One issuance record from one exchange, for both the live devtools page (which reads entries of
 * chrome.devtools.network, a HAR entry each) and the HAR reader: the page's own backend response
 * that carried a join token, with when it arrived and the server's Date. Written once so a live
 * capture and a HAR of the same session link the same token to the same endpoint and clock.
 */
import { findMeetingSdkJwt } from '../zoom/issuance';
import type { EntryView } from './entry';
import { header } from './entry';

/** URLs past this are cut: the record crosses the extension's message wire and lands in reports. */
export const MAX_ISSUANCE_URL = 2048;

export interface IssuanceFacts {
  url: string;
  method: string;
  /** Local time the response ended, epoch ms (whole ms); null when the HAR has no start time. */
  receivedAt: number | null;
  /** The response's Date header, epoch ms, when present and parsable. */
  serverDate: number | null;
  token: string;
}

/**
 * The issuance `body` (the response text of `e`) carries, or null when it holds no join token.
 * The caller has already told Zoom's hosts apart: a Zoom answer is not an issuance.
 */
export function issuanceOf(e: EntryView, body: string): IssuanceFacts | null {
  // Cheap pre-filter: every JWT's header segment starts with base64url of '{"'.
  if (body.indexOf('eyJ') === -1) return null;
  const token = findMeetingSdkJwt(body);
  if (!token) return null;
  const date = header(e.responseHeaders, 'date');
  const serverDate = date === null ? NaN : Date.parse(date);
  return {
    url: e.url.slice(0, MAX_ISSUANCE_URL),
    method: e.method,
    receivedAt: e.startedAt === null ? null : Math.round(e.startedAt + e.totalMs),
    serverDate: Number.isFinite(serverDate) ? serverDate : null,
    token,
  };
}
