import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** The generic codes: client view 1 and component view 200 with no more specific meaning; Zoom's own words are shown. */
export const answerGenericFailure = defineJoinRule({
  id: 'answer-generic-failure',
  severity: 'warning',
  title: "Zoom refused without a specific code (1 / 200)",
  origin: 'answer',
  source: 'docs/join-errors.md §1; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['generic']),
});
