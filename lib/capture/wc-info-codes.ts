/**
 * How the 6.2.0 SDK turns a `wc/info` answer into the code the page sees (facts §2): with
 * server errorCode 200 it matches the English message; a few other server codes are remapped.
 * Used for attempts seen only on the wire (npm module imports), where no callback reports it.
 */
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

/** SDK code and text for a server answer; for unknown messages the client view's generic 1. */
export function sdkCodeForWcInfo(serverCode: number | null, serverMessage: string | null): { code: number | null; message: string | null } {
  if (serverCode === 200) {
    const hit = serverMessage === null ? undefined : BY_MESSAGE[serverMessage.trim()];
    return hit ? { code: hit[0], message: hit[1] } : { code: 1, message: 'Fail to join the meeting.' };
  }
  if (serverCode === null) return { code: null, message: serverMessage };
  return { code: BY_SERVER_CODE[serverCode] ?? serverCode, message: serverMessage };
}
