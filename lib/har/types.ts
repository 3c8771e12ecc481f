import type { JoinAttempt } from '../model/attempt';
import type { SdkView } from '../zoom/wc-info-codes';

export type HarWarningCode =
  | 'no-join-requests'
  | 'response-bodies-missing'
  | 'request-bodies-missing'
  | 'zoom-date-missing'
  | 'headers-stripped'
  | 'body-skipped'
  | 'issuer-not-found'
  | 'retry-missing'
  | 'entries-unreadable'
  | 'times-missing'
  /** The SDK's lib/av files failed and no join request followed (the SDK waits for them). */
  | 'sdk-assets-failed';

/** Something the HAR did not hold, and what the report cannot say because of it. */
export interface HarWarning {
  code: HarWarningCode;
  message: string;
  count: number;
}

/** What the HAR adds to an attempt beyond the JoinAttempt contract. */
export interface HarAttemptDetail {
  attemptId: string;
  /** Indexes into log.entries of the requests that made up this attempt (POST, then its JSONP retry). */
  entries: number[];
  view: SdkView;
  /** HTTP status of the final wc/info response (0: no response). */
  httpStatus: number;
  /** The signature came from the request (false when the HAR kept no request body). */
  signatureRecorded: boolean;
  /** Zoom's answer was readable (false when the body was stripped or not an answer). */
  answerRecorded: boolean;
}

export interface HarClock {
  /** Zoom's clock minus the recording browser's, ms: median over Zoom's responses. */
  offsetMs: number | null;
  samples: number;
  /** Spread of the individual estimates; each is good to about ±(500 ms + half the round trip). */
  minMs: number | null;
  maxMs: number | null;
  /** Host of the Date headers used. */
  source: string | null;
  /** Answers left out as not fresh ("12 a CDN cache hit (Age > 0), …"), when any. */
  leftOut?: string | null;
}

export interface HarImport {
  harVersion: string | null;
  creator: { name: string; version: string } | null;
  attempts: JoinAttempt[];
  details: HarAttemptDetail[];
  clock: HarClock;
  warnings: HarWarning[];
  stats: { entries: number; characters: number; skippedBodies: number; skippedCharacters: number };
}
