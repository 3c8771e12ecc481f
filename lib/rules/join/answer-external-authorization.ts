import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** External-account authorization (Zoom's 2026 change): unpublished app, anonymous join refused, obfToken missing, invalid or for another meeting. */
export const answerExternalAuthorization = defineJoinRule({
  id: 'answer-external-authorization',
  severity: 'error',
  title: "Zoom refused a join into another account's meeting (4011–4019, OBF)",
  origin: 'answer',
  source: 'docs/join-errors.md §5; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['authorization']),
});
