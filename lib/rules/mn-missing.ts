import { defineRule } from './define';
import { claim, claimValue, sdkPayload, show } from './claim-values';
import { READ_REQUEST } from './fixes';
import { langFix } from './lang';
import { CLAIM_NAMES, misnamedClaim, sameNameOtherSpelling, spellingText } from './claim-names';

/** Other words for the meeting number that backends write instead of mn (devforum #98154). */
export const MN_ALIASES = ['meetingNumber', 'meeting_number', 'meetingId', 'meeting_id'] as const;
/** Other words for role (the Video SDK's role_type among them). */
export const ROLE_ALIASES = ['roleType', 'role_type'] as const;

/** A claim that is absent, null or an empty string carries nothing the server can use. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export const mnMissing = defineRule({
  id: 'mn-missing',
  severity: 'error',
  title: 'No mn (meeting number) in the payload',
  source: 'signature-facts §1 (mn required for web), §4.8 (`meetingNumber` instead of `mn`), §5 (native-only JWT)',
  rank: 150,
  sdk: 'meeting',
  phrase: 'no `mn` in the signature',
  produces: [3706, 3707],
  check({ token }) {
    if (!isBlank(claimValue(token, 'mn'))) return null;
    const payload = sdkPayload(token);
    if (!payload) return null;
    const mn = claim(token, 'mn');
    const misnamed = misnamedClaim(payload, 'mn', MN_ALIASES);
    const roleAbsent = isBlank(claimValue(token, 'role'));
    const roleElsewhere = roleAbsent ? misnamedClaim(payload, 'role', ROLE_ALIASES) : null;
    const spelledOtherwise = misnamed !== null && sameNameOtherSpelling(misnamed, 'mn');
    let message = mn.present ? `mn is ${show(mn.value)}.` : 'The payload has no mn.';
    if (misnamed && spelledOtherwise) message += ` ${spellingText(misnamed, 'mn')}: ${misnamed} = ${show(payload[misnamed])}.`;
    else if (misnamed) message += ` It has ${misnamed} = ${show(payload[misnamed])} instead: Zoom reads only mn.`;
    // Native-only means no meeting number and no role at all, not both written under other names.
    const nativeOnly = roleAbsent && misnamed === null && roleElsewhere === null;
    if (nativeOnly) {
      message +=
        ' role is missing too: this is a native-SDK-only signature (Zoom\'s auth sample omits both when the ' +
        'request has no meetingNumber and role; Zoom\'s native Python example does the same). The Web SDK needs both.';
    } else if (roleAbsent && roleElsewhere !== null && sameNameOtherSpelling(roleElsewhere, 'role')) {
      message += ` role is written ${roleElsewhere} too.`;
    }
    return {
      claim: 'mn',
      message,
      fix: spelledOtherwise
        ? langFix(`Write the claim names exactly as Zoom reads them (${misnamed} → mn):`, CLAIM_NAMES, token)
        : langFix('Add `mn` with the meeting number being joined, digits only, read from the request:', READ_REQUEST, token),
      data: { roleMissing: roleAbsent, misnamedKey: misnamed ?? null, nativeOnly },
    };
  },
});
