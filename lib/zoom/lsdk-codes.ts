/**
 * How `@zoom/videosdk` 2.5.0 turns Zoom's `wc/lsdk` answer into the rejection the page's
 * `client.join` promise gets (read from dist/index.umd.js, `meetingInfoEpic`, and measured in
 * Chromium: docs/zoom-facts.md "Video SDK"). Every mapped failure rejects with
 * `{type:'JOIN_MEETING_FAILED', reason, errorCode}`. Kept apart from the Meeting SDK's wc/info
 * table (wc-info-codes.ts): the two SDKs read the same server codes differently (124 is "tk expired"
 * → 3610 for the Meeting SDK, a JWT failure for the Video SDK).
 */
import { decodeSegment } from '../token/base64';

/** `errorCode` the SDK itself uses for a transport failure (5xx, then a failed JSONP retry, or a 30 s timeout). */
export const LSDK_CONNECTION_ERROR = -3000;

export interface LsdkRejection {
  /** What the page's promise carries in `errorCode` (null: the SDK 2.5.0 rejects nothing for this answer). */
  code: number | null;
  /** The page's `reason`. */
  message: string | null;
  type: 'JOIN_MEETING_FAILED' | null;
}

const TOKEN_EXPIRED_SERVER = 'The java web token is expired or more than 2 days or ineffective.';
const TOPIC_PARSE_SERVER = 'Parse lite sdk topic and pwd fail';

const fail = (code: number, message: string): LsdkRejection => ({ code, message, type: 'JOIN_MEETING_FAILED' });

/** The rejection for a `{status:false, errorCode, errorMessage}` answer, in the bundle's order of checks. */
export function videoSdkRejectionForLsdk(serverCode: number | null, serverMessage: string | null): LsdkRejection {
  const msg = serverMessage;
  if (serverCode === 3000 && msg === 'Meeting password is incorrect') return fail(3004, 'Incorrect passcode.');
  if (serverCode === 3000 && msg === 'The role type error') return fail(3010, 'Role type error');
  if (serverCode === LSDK_CONNECTION_ERROR) return fail(200, 'connection error');
  if (serverCode === 3000) return fail(200, msg ?? '');
  if (serverCode === 300) return fail(200, 'This account does not exist or does not belong to you');
  if (serverCode === 124 && msg === TOPIC_PARSE_SERVER) return fail(200, 'Topic is invalid');
  if (serverCode === 124 && msg === TOKEN_EXPIRED_SERVER) return fail(200, 'The token has expired, is over 2 days old, or is ineffective.');
  if (serverCode === 124) return fail(200, 'Verify JWT failed');
  // Any other code: 2.5.0 logs "get meeting info error" and neither resolves nor rejects the join
  // (measured: still pending after 25 s). The hook's timeout ends such an attempt.
  return { code: null, message: null, type: null };
}

/** The session topic as the page passed it, lower-cased, from the wire's `topic` field (base64url of UTF-8, no padding). */
export function topicFromLsdkField(field: string | null | undefined): string | null {
  // 200 characters of UTF-8 at most 4 bytes each, base64-encoded: the SDK refuses longer topics itself.
  if (typeof field !== 'string' || field === '' || field.length > 1100) return null;
  const d = decodeSegment(field);
  return d.ok ? d.text : null;
}

/** `wc/lsdk` is the Video SDK's join request (`https://zoom.us/wc/lsdk`). */
export function isLsdkUrl(url: string): boolean {
  return /\/wc\/lsdk(?:[/?#]|$)/.test(url);
}
