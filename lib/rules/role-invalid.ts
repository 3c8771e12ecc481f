import { defineRule } from './define';
import { claimValue, sdkPayload, show } from './claim-values';
import { isBlank } from './mn-missing';
import { ROLE_NUMBER } from './fixes';
import { langFix } from './lang';

export const roleInvalid = defineRule({
  id: 'role-invalid',
  severity: 'error',
  title: 'role is not 0 or 1',
  source: 'signature-facts §1 (role number 0/1; sample rejects others), §2 (3708 "Incorrect role"), §4.14 (string role unverified)',
  rank: 300,
  sdk: 'meeting',
  phrase: '`role` is not 0 or 1',
  produces: [3708, 3711],
  check({ token }) {
    if (!sdkPayload(token)) return null;
    const role = claimValue(token, 'role');
    if (isBlank(role) || role === 0 || role === 1) return null;
    if (role === '0' || role === '1') {
      return {
        claim: 'role',
        // The SDK itself tolerates "1" client-side; whether Zoom's server does is unverified (signature-facts §4.14).
        severity: 'warning',
        message: `role is the string ${show(role)}, not a number. The SDK accepts it client-side; Zoom's server behaviour is undocumented.`,
        fix: langFix('Write role as a JSON number:', ROLE_NUMBER, token),
        data: { role: String(role) },
      };
    }
    return {
      claim: 'role',
      message: `role is ${show(role)}; Zoom accepts only 0 (participant) or 1 (host/co-host), and rejects others with 3708 "Incorrect role".`,
      fix: langFix('Set role to 0 to join as participant or 1 to start/host (with a zak); check the flag is not inverted:', ROLE_NUMBER, token),
      data: { role: typeof role === 'number' ? role : show(role) },
    };
  },
});
