import type { JoinRule } from './types';
import { answerSignatureRejected } from './answer-signature-rejected';
import { answerMeetingRefused } from './answer-meeting-refused';
import { answerHostStart } from './answer-host-start';
import { answerExternalAuthorization } from './answer-external-authorization';
import { answerSdkRefused } from './answer-sdk-refused';
import { answerMeetingServer } from './answer-meeting-server';
import { answerGenericFailure } from './answer-generic-failure';
import { answerCodeUnknown } from './answer-code-unknown';
import { answerNoAnswer } from './answer-no-answer';
import { argsHostWithoutZak } from './args-host-without-zak';
import { argsPasscodeKey } from './args-passcode-key';
import { argsPasscodeEncoded } from './args-passcode-encoded';
import { argsPasscodeSpaces } from './args-passcode-spaces';
import { argsMeetingNumberFormat } from './args-meeting-number-format';
import { argsWebinarEmailMissing } from './args-webinar-email-missing';
import { argsRegistrationTkMissing } from './args-registration-tk-missing';
import { argsJoinRepeated } from './args-join-repeated';
import { argsZakAndObfToken } from './args-zak-and-obf-token';
// Page and assets (issue 10 §4–5).
import { pageNotIsolated } from './page-not-isolated';
import { assetHttpError } from './asset-http-error';
import { assetWrongMime } from './asset-wrong-mime';
import { assetBlockedByClient } from './asset-blocked-by-client';
import { cspWasmBlocked } from './csp-wasm-blocked';
import { cspBlocksZoom } from './csp-blocks-zoom';

/**
 * The join-rule catalogue, in the order findings of equal severity are listed after the token's:
 * Zoom's answer, then the arguments, then the page and the assets.
 */
export const joinRules = [
  // Zoom's answer (issue 10 §1): one rule per group of the code table (lib/rules/join/code-table.ts).
  answerSignatureRejected,
  answerMeetingRefused,
  answerHostStart,
  answerExternalAuthorization,
  answerSdkRefused,
  answerMeetingServer,
  answerGenericFailure,
  answerCodeUnknown,
  answerNoAnswer,
  // The join arguments (issue 10 §3): masked facts from the hook or the wc/info form.
  argsHostWithoutZak,
  argsPasscodeKey,
  argsPasscodeEncoded,
  argsPasscodeSpaces,
  argsMeetingNumberFormat,
  argsWebinarEmailMissing,
  argsRegistrationTkMissing,
  argsJoinRepeated,
  argsZakAndObfToken,
  // Page and assets (issue 10 §4–5).
  pageNotIsolated,
  assetHttpError,
  assetWrongMime,
  assetBlockedByClient,
  cspWasmBlocked,
  cspBlocksZoom,
] as const satisfies readonly JoinRule<string>[];
