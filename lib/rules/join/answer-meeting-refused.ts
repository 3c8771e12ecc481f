import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** The meeting's state and settings (passcode, registration, email, not started, web join disabled), from wc/info. */
export const answerMeetingRefused = defineJoinRule({
  id: 'answer-meeting-refused',
  severity: 'error',
  title: "Zoom refused the join for the meeting's state or settings (3000s, 3600s)",
  origin: 'answer',
  source: 'docs/join-errors.md §3; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['meeting']),
});
