import { defineRule } from './define';
import { claim, claimValue, sdkPayload, show } from './claim-values';
import { isBlank, ROLE_ALIASES } from './mn-missing';
import { CLAIM_NAMES, misnamedClaim, sameNameOtherSpelling, spellingText } from './claim-names';
import { ROLE_NUMBER } from './fixes';
import { langFix } from './lang';

export const roleMissing = defineRule({
  id: 'role-missing',
  severity: 'error',
  title: 'No role in the payload',
  source: 'signature-facts §1 (role required for web), §5 (native-only JWT omits mn and role)',
  rank: 170,
  sdk: 'meeting',
  phrase: 'no `role` in the signature',
  produces: [3708],
  check({ token }) {
    if (!isBlank(claimValue(token, 'role'))) return null;
    const payload = sdkPayload(token);
    if (!payload) return null;
    const role = claim(token, 'role');
    const misnamed = misnamedClaim(payload, 'role', ROLE_ALIASES);
    const spelledOtherwise = misnamed !== null && sameNameOtherSpelling(misnamed, 'role');
    let message = role.present ? `role is ${show(role.value)}.` : 'The payload has no role.';
    if (misnamed && spelledOtherwise) message += ` ${spellingText(misnamed, 'role')}: ${misnamed} = ${show(payload[misnamed])}.`;
    else if (misnamed) message += ` It has ${misnamed} = ${show(payload[misnamed])} instead: Zoom reads only role.`;
    message += ' The Web SDK needs role: 0 to join as participant, 1 as host or co-host.';
    return {
      claim: 'role',
      message,
      fix: spelledOtherwise
        ? langFix(`Write the claim names exactly as Zoom reads them (${misnamed} → role):`, CLAIM_NAMES, token)
        : langFix('Add `role: 0` (attendee) or `role: 1` (host; starting a meeting also needs a zak) as a JSON number:', ROLE_NUMBER, token),
      data: { misnamedKey: misnamed ?? null },
    };
  },
});
