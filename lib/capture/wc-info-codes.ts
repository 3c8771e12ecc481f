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

const BY_SERVER_CODE: Record<number, number> = { 3001: 3610, 124: 3610, 3501: 3082, 3502: 3082, 3032: 3100, 3033: 3620, 3059: 3630, 1001: 3625 };

/** ZAK errors come as server code 3136 and are told apart by message. */
const ZAK_BY_MESSAGE: Array<[RegExp, number]> = [
  [/^token error/i, 3623],
  [/^not support start meeting via tokens/i, 3265],
  [/^please use host\/alternative host/i, 3624],
];

/** SDK code and text for a server answer, as the given view reports it ('unknown' reads as the client view). */
export function sdkCodeForAnswer(serverCode: number | null, serverMessage: string | null, view: SdkView): SdkCode {
  const msg = serverMessage?.trim() ?? null;
  if (serverCode === 200) {
    if (msg === 'Assistant join meeting been disabled') return view === 'component-view' ? { code: 200, message: serverMessage } : { code: 3715, message: serverMessage };
    const hit = msg === null ? undefined : BY_MESSAGE[msg];
    if (hit) return { code: hit[0], message: hit[1] };
    return view === 'component-view' ? { code: 200, message: serverMessage } : { code: 1, message: 'Fail to join the meeting.' };
  }
  if (serverCode === 3136 && msg !== null) {
    for (const [re, code] of ZAK_BY_MESSAGE) if (re.test(msg)) return { code, message: serverMessage };
  }
  if (serverCode === 403 || serverCode === 404) return { code: 403, message: serverMessage ?? 'The web service is offline.' };
  if (serverCode === null) return { code: null, message: serverMessage };
  return { code: BY_SERVER_CODE[serverCode] ?? serverCode, message: serverMessage };
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
