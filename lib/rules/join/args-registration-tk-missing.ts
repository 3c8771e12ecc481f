import { defineJoinRule } from './types';
import { argsOf, failureCode, failureWords, has } from './args-common';

const CODES = new Set([3099, 3135, 3606]);

/** The meeting or webinar requires registration (3099; panelists 3135) and the join passed no tk. */
export const argsRegistrationTkMissing = defineJoinRule({
  id: 'args-registration-tk-missing',
  severity: 'error',
  title: "A registration-required join without tk",
  origin: 'arguments',
  source: 'docs/join-errors.md §3 (3099 "This meeting requires registration.", 3135 "require tk parameter to join as a panelist")',
  produces: [3099, 3135],
  check({ attempt }) {
    const args = argsOf(attempt);
    if (!args || has(args, 'tk')) return null;
    const code = failureCode(attempt);
    if (!(code !== null && CODES.has(code)) && !/requires registration|require tk/.test(failureWords(attempt))) return null;
    return {
      message: `Zoom requires registration for this join (${code ?? 'its words'}) and the join passed no tk (arguments given: ${args.keys.join(', ') || 'none'}).`,
      fix: "Register the user (Zoom API: POST /meetings/{id}/registrants, or /webinars/{id}/registrants) and pass the returned registrant token as tk (the tk= value of the join_url).",
    };
  },
});
