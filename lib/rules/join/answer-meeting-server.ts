import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** After wc/info: the meeting server's codes (ended, full, locked, participant exists, connection lost). */
export const answerMeetingServer = defineJoinRule({
  id: 'answer-meeting-server',
  severity: 'error',
  title: "The join failed after Zoom's answer, at the meeting server",
  origin: 'answer',
  source: 'docs/join-errors.md §7; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['meeting-server']),
});
