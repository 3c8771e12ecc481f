import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** Starting as host: zak errors (server 3136), not the host, host of another account, inactive host. */
export const answerHostStart = defineJoinRule({
  id: 'answer-host-start',
  severity: 'error',
  title: "Zoom refused to start the meeting as host (zak, host, 3711)",
  origin: 'answer',
  source: 'docs/join-errors.md §4; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['host']),
});
