import type { JoinArgFacts } from './join-args';
import type { WireProgress } from './wire';

/**
 * One join attempt, as the capture pipeline, the HAR reader and the lab all produce it.
 * It is the unit of correlation and export. Times are epoch milliseconds on the page's clock.
 */

/** How the join was observed. */
export type AttemptApi =
  | 'client-view' // ZoomMtg.join / joinTest
  | 'component-view' // client.join of ZoomMtgEmbedded
  | 'wire' // only the wc/info or wc/lsdk exchange was seen (npm module import, HAR)
  | 'video-sdk'; // client.join of the Video SDK's ZoomVideo.createClient()

/** Which Zoom web SDK made the join: `@zoom/meetingsdk` (absent means meeting) or `@zoom/videosdk`. */
export type JoinSdk = 'meeting' | 'video';

export type Outcome =
  /**
   * `acceptedOnly`: all that was seen is Zoom's wc/info answer with status:true (wire capture,
   * HAR). Zoom accepted the signature; the join itself may still have failed later in the SDK
   * (Zoom's samples showed "Fail to join the meeting" after such an answer). Absent when the
   * join's own callback or promise said success.
   */
  | { kind: 'success'; acceptedOnly?: true }
  /** Zoom (or the SDK) reported an error. `code` is the SDK's code (3712), `serverMessage` Zoom's raw text. */
  | { kind: 'failure'; code: number | null; message: string | null; serverMessage?: string | null; serverCode?: number | null; type?: string | null }
  /** The SDK refused before asking Zoom and called nothing (e.g. no appKey in 6.x). */
  | { kind: 'silent-refusal'; reason: string }
  /** Nothing settled within the hook's timeout. */
  | { kind: 'timeout'; afterMs: number }
  /**
   * The SDK itself replaced this join's request: it aborted it when the page called join() again
   * with the same token moments later (React StrictMode runs effects twice in development). Not a
   * failure; `by` is the attempt that carried on, `reason` says what was seen.
   */
  | { kind: 'superseded'; by: string; reason: string }
  /**
   * Not settled. `unseen`: never will be as far as this record goes: a HAR that did not keep the
   * answer's body cannot show how the join ended (worded "unknown", not "pending").
   */
  | { kind: 'pending'; unseen?: true };

export interface Issuance {
  /** The page's own signature endpoint that returned this token. */
  url: string;
  method?: string;
  /** Local time the response arrived, epoch ms. */
  receivedAt: number;
  /** The response's Date header, epoch ms (server clock, 1 s resolution), when present. */
  serverDate?: number | null;
}

export interface JoinAttempt {
  /** Unique within a session/export. */
  id: string;
  api: AttemptApi;
  /** The exact method when known: `ZoomMtg.join`, `ZoomMtg.joinTest`, `client.join`, `video.join`, `wc/info`, `wc/lsdk`, `… (JSONP)`. */
  method?: string;
  /** The SDK that made the join; absent in attempts recorded before Video SDK support (= meeting). */
  sdk?: JoinSdk;
  /** Video SDK: the session topic passed to `client.join` (the wire carries it lower-cased). */
  topic?: string | null;
  /** The signature argument as passed (may be a non-string; a function's return value when the SDK takes one). */
  signature: unknown;
  meetingNumber?: string | number | null;
  /** The deprecated `sdkKey` join argument, when passed. */
  sdkKey?: string | null;
  /** SDK version (`cv` on the wire, or `ZoomMtg.getWebSDKVersion()`). */
  sdkVersion?: string | null;
  /** Page clock when join was called (or the request was sent), epoch ms. */
  calledAt: number;
  /** Page clock when the outcome arrived, epoch ms. */
  settledAt?: number | null;
  outcome: Outcome;
  issuer?: Issuance | null;
  /**
   * Local time DevTools' network view began watching this join's page (a navigation to it seen
   * before the join): every response since passed the token search, so no issuer means the token
   * was made in the page (lib/capture/made-in-page.ts). Absent when DevTools opened later.
   */
  pageWatchedFrom?: number | null;
  /** Zoom's clock minus the local clock, ms, measured from Zoom's Date headers. */
  clockOffsetMs?: number | null;
  /** What the offset was measured from ("the Date of its own join answer (zoom.us)"). */
  clockOffsetSource?: string | null;
  /** ± ms around clockOffsetMs (Date's 1 s resolution plus half the server's wait). */
  clockUncertaintyMs?: number | null;
  /** Why no offset was taken although Zoom answered (answers that disagree, none near the join). */
  clockNote?: string | null;
  pageUrl?: string | null;
  frameUrl?: string | null;
  /** The join arguments with secrets masked (lib/model/join-args.ts), when seen. */
  args?: JoinArgFacts | null;
  /** The wc/info exchange of this join (lib/model/wire.ts), when one was seen. */
  wire?: WireProgress | null;
  /** The page's isolation, CSP violations and SDK asset failures around this join (lib/model/page-facts.ts). */
  page?: import('./page-facts').PageFacts | null;
}

/** A row for an init call (ZoomMtg.init, client.init, video.init) that failed or never called back: no join was made. */
export function isInitAttempt(a: Pick<JoinAttempt, 'method'>): boolean {
  return typeof a.method === 'string' && /(^|\.)init$/.test(a.method);
}

/** What the outcome column says for a success: only what was seen. */
export const SIGNATURE_ACCEPTED_LABEL = 'signature accepted by Zoom';
/**
 * The join has its final outcome. A hooked join whose only news is Zoom's accepted wc/info is not
 * there yet: the meeting server still answers it (4011, 4004…), or the hook's timeout ends it. A
 * HAR's join (api 'wire') is as final as the recording.
 */
export function isSettled(a: Pick<JoinAttempt, 'api' | 'outcome'>): boolean {
  if (a.outcome.kind === 'pending') return false;
  return !(a.api !== 'wire' && isAcceptedOnly(a.outcome));
}

/** All that is known is Zoom's accepted wc/info answer ("signature accepted"), not the join's own result. */
export function isAcceptedOnly(o: Outcome): boolean {
  return o.kind === 'success' && o.acceptedOnly === true;
}
