/**
 * How the 6.2.0 SDK turns a `wc/info` answer into the code the page sees (signature-facts §2), for both
 * views. The one mapping behind live capture (attempts seen only on the wire, where no callback
 * reports the code) and HAR import. With server errorCode 200 the SDK matches the English
 * message; some other server codes are remapped; and the view matters: an unknown errorCode-200
 * message gives 1 in the client view and 200 in the component view, and 3715 exists only in
 * the client view.
 */

export type SdkView = 'client-view' | 'component-view' | 'unknown';

export interface SdkCode {
  code: number | null;
  message: string | null;
}

const BY_MESSAGE: Record<string, [number, string]> = {
  'The api key is wrong.': [3704, 'The accounts API Key is not valid.'],
  'The signature has expired.': [3705, 'The signature has expired.'],
  'The meeting number is wrong.': [3706, 'The meeting number is wrong.'],
  'The meeting number is not found.': [3707, 'The meeting number is not found.'],
  'The role is not applicable.': [3708, 'Incorrect role.'],
  'The meeting host is not found.': [3709, 'The meeting host is not found.'],
  "The account don't enable API.": [3710, 'The accounts API Key is deactivated.'],
  "Can not be host in other account's meeting.": [3711, "Can not be host in other account's meeting."],
  'Invalid signature.': [3712, 'Signature is invalid.'],
  'No permission': [3713, 'No permission.'],
};

/** Client view (its table `b` in the 6.2.0 bundle): server code → SDK code; docs/join-errors.md. */
const BY_SERVER_CODE: Record<number, number> = {
  3001: 3610, 124: 3610, 3116: 3116, 3099: 3099, 3100: 3100, 3003: 3003, 3004: 3004, 3008: 3008, 3129: 3008, 3009: 3009,
  3501: 3082, 3502: 3082, 3032: 3100, 3033: 3620, 3059: 3630, 1001: 3625, 3082: 3082, 403: 403, 404: 403, 4003: 4003, 13208: 13208,
};

/** Codes the client view passes through unchanged because `ZoomMtg.errorCodes` names them with a text. */
const CLIENT_PASS_THROUGH = new Set([0, 1, 2, 3000, 3001, 3003, 3004, 3005, 3008, 3009, 3034, 3082, 3099, 3135, 3100, 4000, 4001, 4003, 3032, 403, 3621, 3622, 3633, 3634, 3635, 10000]);

/** Server errorCode 3000 is told apart by its English message (the SDK matches its locale texts). */
const BY_3000_MESSAGE: Record<string, number> = {
  'Already has other meetings in progress.': 3000,
  'User email is required.': 3005,
  'Not support webinar and personal audio conference': 3701,
  'The meeting host does not exist.': 3702,
  'Not support start or join meeting from web.': 3603,
  "The current sdk version doesn't support webinar, please upgrade to the latest version.": 3604,
  'Invalid meeting ID.': 3703,
  'Not support registration webinar': 3606,
  'Not support start or join meeting from web, when you chose TSP as his audio in a meeting.': 3608,
  'Not allow to start webinar from web.': 3609,
  'Unable join from browser, please join using the Zoom desktop client or mobile app.': 3611,
  // b[3000]'s last entry, apac.errorcodes_meeting_websdk_version_need_update → 1e4 (6.2.0 bundle).
  'The current sdk version is no longer supported, please upgrade to the latest version.': 10000,
};

/** ZAK errors come as server code 3136 and are told apart by message. */
const ZAK_BY_MESSAGE: Array<[RegExp, number]> = [
  [/^token error/i, 3623],
  [/^not support start meeting via tokens/i, 3265],
  [/^please use host\/alternative host/i, 3624],
];

const FAIL = 'Fail to join the meeting.';

/**
 * SDK code and text for a server answer, as the given view reports it ('unknown' reads as the
 * client view). Client view: bundle function `K3` (3000/200/3136 by message, then table `b`, then
 * codes `ZoomMtg.errorCodes` names, else 1). Component view: the wc/info subscriber (3004, 3008,
 * 3129/3139, 200 and 3000 by message; 3099/3051/3052/6024 to the login flow; anything else 200
 * with Zoom's own errorMessage as the reason).
 */
export function sdkCodeForAnswer(serverCode: number | null, serverMessage: string | null, view: SdkView): SdkCode {
  const msg = serverMessage?.trim() ?? null;
  if (serverCode === null) return { code: null, message: serverMessage };
  if (view === 'component-view') return componentCode(serverCode, msg, serverMessage);
  if (serverCode === -1) return { code: 403, message: 'The service is temporarily offline.' };
  if (serverCode === 200) {
    if (msg === 'Assistant join meeting been disabled') return { code: 3715, message: serverMessage };
    const hit = msg === null ? undefined : BY_MESSAGE[msg];
    return hit ? { code: hit[0], message: hit[1] } : { code: 1, message: FAIL };
  }
  if (serverCode === 3000) {
    const code = msg === null ? undefined : BY_3000_MESSAGE[msg];
    return code === undefined ? { code: 1, message: FAIL } : { code, message: serverMessage };
  }
  if (serverCode === 3136) {
    if (msg !== null) for (const [re, code] of ZAK_BY_MESSAGE) if (re.test(msg)) return { code, message: serverMessage };
    return { code: 1, message: FAIL };
  }
  if (serverCode === 403 || serverCode === 404) return { code: 403, message: serverMessage ?? 'The web service is offline.' };
  const mapped = BY_SERVER_CODE[serverCode];
  if (mapped !== undefined) return { code: mapped, message: serverMessage };
  return CLIENT_PASS_THROUGH.has(serverCode) ? { code: serverCode, message: serverMessage } : { code: 1, message: FAIL };
}

function componentCode(serverCode: number, msg: string | null, serverMessage: string | null): SdkCode {
  if (serverCode === 3004) return { code: 3004, message: 'Meeting Passcode wrong.' };
  if (serverCode === 3008 || serverCode === 3129 || serverCode === 3139) return { code: 3008, message: 'Meeting has not started' };
  if (serverCode === 200) {
    const hit = msg === null ? undefined : BY_MESSAGE[msg];
    return hit ? { code: hit[0], message: hit[1] } : { code: 200, message: FAIL };
  }
  if (serverCode === 3000) {
    const code = msg === null ? undefined : BY_3000_MESSAGE[msg];
    return code === undefined ? { code: 200, message: FAIL } : { code, message: serverMessage };
  }
  if (serverCode === 3099 || serverCode === 3051 || serverCode === 3052 || serverCode === 6024) return { code: serverCode, message: serverMessage };
  return { code: 200, message: serverMessage };
}

/** Fields only the client view's join request carries (measured against 6.2.0, toolchain.md). */
const CLIENT_VIEW_ONLY = ['userEmail', 'tk', 'ztk', 'zsk', 'captcha', 'captchaName', 'suid', 'corsHeader', 'obfToken'];

/** Which view sent a join request, from its form fields (POST body or JSONP query). */
export function viewOfFields(fields: { has(k: string): boolean } | Record<string, string> | null): SdkView {
  if (!fields) return 'unknown';
  const has = (k: string) => (typeof (fields as { has?: unknown }).has === 'function' ? (fields as { has(k: string): boolean }).has(k) : k in fields);
  if (CLIENT_VIEW_ONLY.some(has)) return 'client-view';
  if (has('cv') && has('sdkOrigin')) return 'component-view';
  return 'unknown';
}
