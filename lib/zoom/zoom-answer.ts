/**
 * Zoom's answer to a join request (wc/info for the Meeting SDK, wc/lsdk for the Video SDK) turned
 * into the join's outcome: one function for the live capture (lib/capture/merge.ts) and the HAR
 * reader (lib/har/assemble.ts), so the two cannot word the same answer differently (issue 24: an
 * accepted Video SDK join read "signature accepted" live and "success" from a HAR).
 *
 * The wording rule (docs/cli.md "One wording everywhere"): an answer with `status: true` is Zoom
 * accepting the *signature*; the join can still fail after it (the meeting server's 4011, the SDK's
 * own "Fail to join the meeting"). So this answer alone is `acceptedOnly` ("signature accepted by
 * Zoom") for both SDKs; only the join's own callback or promise (or a meeting server that admits
 * the join) makes it "success".
 */
import type { JoinSdk, Outcome } from '../model/attempt';
import { sdkCodeForAnswer, type SdkView } from './wc-info-codes';
import { videoSdkRejectionForLsdk } from './lsdk-codes';

/** The fields of Zoom's JSON answer that decide the outcome. */
export interface ZoomJoinAnswer {
  status: unknown;
  errorCode: number | null;
  errorMessage: string | null;
}

/** The outcome Zoom's answer gives the join, with the code the SDK turns it into for that SDK and view. */
export function outcomeForZoomAnswer(answer: ZoomJoinAnswer, sdk: JoinSdk | undefined, view: SdkView): Outcome {
  if (answer.status === true) return { kind: 'success', acceptedOnly: true };
  const serverCode = answer.errorCode;
  const serverMessage = answer.errorMessage;
  if (sdk === 'video') {
    // The Video SDK's own table (bundle 2.5.0).
    const { code, message, type } = videoSdkRejectionForLsdk(serverCode, serverMessage);
    return { kind: 'failure', code, message, type, serverMessage, serverCode };
  }
  const { code, message } = sdkCodeForAnswer(serverCode, serverMessage, view);
  const out: Outcome = { kind: 'failure', code, message, serverMessage, serverCode };
  if (view === 'component-view') out.type = 'JOIN_MEETING_FAILED';
  return out;
}
