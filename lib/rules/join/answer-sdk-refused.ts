import { defineJoinRule } from './types';
import { answerFinding } from './answer-code';

/** The SDK's own refusals: not initialised, unknown or invalid arguments, join twice within 10 s (3633), zak and obfToken together (3636), wasm, duplicated join. */
export const answerSdkRefused = defineJoinRule({
  id: 'answer-sdk-refused',
  severity: 'error',
  title: "The SDK refused the join before asking Zoom",
  origin: 'answer',
  source: 'docs/join-errors.md §6; Zoom error codes (developers.zoom.us/docs/meeting-sdk/web/error-codes)',
  check: ({ attempt, token }) => answerFinding(attempt, token, ['sdk']),
});
