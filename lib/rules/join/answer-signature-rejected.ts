import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** Codes Zoom gives for the signature (server errorCode 200 + message): appKey, expiry, meeting number, role, deactivated key, permission. */
export const answerSignatureRejected = defineJoinRule({
  id: 'answer-signature-rejected',
  severity: 'error',
  title: "Zoom rejected the signature's claims (3704–3713)",
  origin: 'answer',
  source: 'docs/join-errors.md §2; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['signature']),
});
