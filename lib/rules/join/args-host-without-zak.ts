import { defineJoinRule } from './types';
import { claimValue } from '../claim-values';
import { argsOf, has, hasZak } from './args-common';

/**
 * role 1 in the signature (start as host) but no `zak` among the join arguments. Zoom starts a
 * meeting as host only with the host's ZAK unless the app's own user owns it; the usual symptoms
 * are 3711, 3623 or a join that waits for the host.
 */
export const argsHostWithoutZak = defineJoinRule({
  id: 'args-host-without-zak',
  severity: 'error',
  title: "role 1 (host) without the host's zak",
  origin: 'arguments',
  source: 'docs/join-errors.md §4; signature-facts §1 (role: "starting also needs zak"), zoom/meetingsdk-react-sample#22',
  produces: [3711, 3623, 3003],
  check({ attempt, token }) {
    const args = argsOf(attempt);
    if (!args) return null;
    const role = claimValue(token.token, 'role');
    if (role !== 1 && role !== '1') return null;
    if (hasZak(args) || has(args, 'obfToken')) return null;
    const given = args.from === 'call' ? `arguments given: ${args.keys.join(', ') || 'none'}` : `the wc/info form's zsk, where the SDK sends the zak, is empty`;
    return {
      message: `The signature has role ${JSON.stringify(role)} (start as host) but the join passed no zak (${given}). Zoom lets a host start a meeting of another user only with that host's ZAK token.`,
      fix: "Fetch the host's ZAK on your server (GET https://api.zoom.us/v2/users/me/token?type=zak with the host's OAuth token, valid 2 h) and pass it as `zak` in join(); to attend instead, sign role 0.",
      data: { role: String(role) },
    };
  },
});
