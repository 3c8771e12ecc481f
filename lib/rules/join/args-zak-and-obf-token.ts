import { defineJoinRule } from './types';
import { argsOf, has } from './args-common';

/** zak and obfToken together: the client view refuses with 3636, the component view with 5013. */
export const argsZakAndObfToken = defineJoinRule({
  id: 'args-zak-and-obf-token',
  severity: 'error',
  title: "zak and obfToken are both passed",
  origin: 'arguments',
  source: 'docs/join-errors.md §6 (OBF_ERROR 3636 "obfToken and zak cannot be used simultaneously"; component 5013)',
  produces: [3636, 5013],
  check({ attempt }) {
    const args = argsOf(attempt);
    if (!args || !has(args, 'zak') || !has(args, 'obfToken')) return null;
    return {
      message: 'The join passed both zak and obfToken. The SDK accepts one or the other (client view 3636, component view 5013 "Cannot use both obfToken and zak token simultaneously").',
      fix: "Pass zak to start or join as the signed-in user; pass obfToken to join on an authorizing user's behalf (another account's meeting). Never both.",
    };
  },
});
