import { defineRule } from './define';
import { claim, claimValue, sdkPayload, show } from './claim-values';
import { READ_REQUEST } from './fixes';
import { langFix } from './lang';

/** A claim that is absent, null or an empty string carries nothing the server can use. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export const mnMissing = defineRule({
  id: 'mn-missing',
  severity: 'error',
  title: 'No mn (meeting number) in the payload',
  source: 'signature-facts §1 (mn required for web), §4.8 (`meetingNumber` instead of `mn`), §5 (native-only JWT)',
  check({ token }) {
    if (!isBlank(claimValue(token, 'mn'))) return null;
    const payload = sdkPayload(token);
    if (!payload) return null;
    const mn = claim(token, 'mn');
    const misnamed = ['meetingNumber', 'meeting_number', 'meetingId', 'MN'].find((k) => k in payload);
    const roleAbsent = isBlank(claimValue(token, 'role'));
    let message = mn.present ? `mn is ${show(mn.value)}.` : 'The payload has no mn.';
    if (misnamed) message += ` It has ${misnamed} = ${show(payload[misnamed])} instead: Zoom reads only mn.`;
    if (roleAbsent) {
      message +=
        ' role is missing too: this is a native-SDK-only signature (Zoom\'s auth sample omits both when the ' +
        'request has no meetingNumber and role; Zoom\'s native Python example does the same). The Web SDK needs both.';
    }
    return {
      claim: 'mn',
      message,
      fix: langFix('Add `mn` with the meeting number being joined, digits only, read from the request:', READ_REQUEST, token),
      data: { roleMissing: roleAbsent, misnamedKey: misnamed ?? null },
    };
  },
});
