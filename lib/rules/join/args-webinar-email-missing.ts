import { defineJoinRule } from './types';
import { argsOf, failureCode, failureWords, has } from './args-common';

/** Zoom asked for an email (3005; webinars) and the join passed no userEmail. */
export const argsWebinarEmailMissing = defineJoinRule({
  id: 'args-webinar-email-missing',
  severity: 'error',
  title: "A webinar join without userEmail",
  origin: 'arguments',
  source: 'docs/join-errors.md §3 (3005 "User email is required."); Zoom docs meeting-sdk/web/client-view/meetings-webinars',
  produces: [3005],
  check({ attempt }) {
    const args = argsOf(attempt);
    if (!args || has(args, 'userEmail')) return null;
    const words = failureWords(attempt);
    if (failureCode(attempt) !== 3005 && !/email is (required|missing)/.test(words)) return null;
    return {
      message: `Zoom asked for an email (${failureCode(attempt) ?? 'its words'}: webinars and meetings that require it) and the join passed no userEmail (arguments given: ${args.keys.join(', ') || 'none'}).`,
      fix: 'Pass userEmail in the join arguments (for a registered webinar: the registrant\'s email, with their tk).',
    };
  },
});
