/**
 * The shared rules (times, clock, encoding, alg, secret) were written for the Meeting SDK and name
 * its codes (3705, 3712) and its claim spellings (appKey, Client ID). A Video SDK developer sees
 * other words for the same rejection: errorCode 200 with the reason the 2.5.0 bundle derives from
 * Zoom's server code 124 (docs/zoom-facts.md "Video SDK"). This table rewrites those phrases in the
 * findings of a token judged as a Video SDK JWT, leaving the rules themselves SDK-neutral in logic.
 */
import type { Finding } from './types';
import { VERIFY_JWT_FAILED } from './video-claims';

const EXPIRED = 'errorCode 200 "The token has expired, is over 2 days old, or is ineffective." (server code 124)';

/** Ordered: the longer Meeting SDK phrases first, so a shorter one never splits them. */
const REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/3705 "The signature has expired" \(or 3712\)/g, EXPIRED],
  [/rejects (it|longer) with 3705 or 3712/g, `is refused with ${EXPIRED}`],
  [/\(3705 or 3712\)/g, `(${EXPIRED})`],
  [/3712 "Invalid signature"/g, VERIFY_JWT_FAILED],
  [/fails with 3712/g, `fails with ${VERIFY_JWT_FAILED}`],
  [/answers 3712/g, `answers ${VERIFY_JWT_FAILED}`],
  [/\(3712\)/g, `(${VERIFY_JWT_FAILED})`],
  [/Meeting SDK signatures/g, 'Video SDK JWTs'],
  [/the SDK\/Client Secret/g, 'the Video SDK secret'],
  [/this appKey/g, 'this app_key'],
  [/the Client Secret \(SDK Secret\) of the Meeting SDK app whose Client ID is in appKey/g, 'the Video SDK secret of the Video SDK app whose key is in app_key'],
  [/its appKey claim/g, 'its app_key claim'],
  [/appKey\/sdkKey = Client ID \(SDK Key\); HMAC secret = Client Secret \(SDK Secret\)/g, 'app_key = Video SDK key; HMAC secret = Video SDK secret'],
  [/in the Marketplace/g, 'in the Marketplace (Video SDK app → credentials)'],
  [/the payload's appKey/g, "the payload's app_key"],
  [/3704 "The api key is wrong" or 3712/g, VERIFY_JWT_FAILED],
  [/ \(or 3704\)/g, ''],
  // The per-language lines (fixes.ts KEY_AND_SECRET, token-malformed's example) in the Video SDK's claim and setting names.
  [/\{"appKey":…,"mn":…,"role":0,"iat":…,"exp":…\}/g, '{"app_key":…,"tpc":…,"role_type":0,"version":1,"iat":…,"exp":…}'],
  [/ZOOM_MEETING_SDK_(KEY|SECRET)/g, 'ZOOM_VIDEO_SDK_$1'],
  [/Zoom:ClientId/g, 'Zoom:VideoSdkKey'],
  [/Zoom:ClientSecret/g, 'Zoom:VideoSdkSecret'],
  [/\("appKey", clientId\)(.*?)clientSecret\.getBytes/g, '("app_key", videoSdkKey)$1videoSdkSecret.getBytes'],
  // Last: whatever Meeting SDK spelling or code is left.
  [/\bappKey\b/g, 'app_key'],
  [/\b3712\b/g, VERIFY_JWT_FAILED],
];

/** Rules that already speak the Video SDK's words, or name both SDKs on purpose (an SDK mix-up). */
function ownWords(id: string): boolean {
  return id.startsWith('vsdk-') || id === 'token-not-sdk-jwt';
}

function rewrite(text: string): string {
  let out = text;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  return out;
}

/** The finding as a Video SDK developer should read it (same id, severity and data). */
export function inVideoSdkWords(f: Finding): Finding {
  if (ownWords(f.id)) return f;
  const message = rewrite(f.message);
  const fix = rewrite(f.fix);
  return message === f.message && fix === f.fix ? f : { ...f, message, fix };
}
