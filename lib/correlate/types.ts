/**
 * The result of correlating many join attempts with their analyses. Plain JSON (numbers, strings,
 * arrays) so that it can be exported and rendered as it is.
 */
import type { FindingId } from '../rules/ids';
import type { JoinAttempt } from '../model/attempt';
import type { Analysis, Severity } from '../rules/types';

/** How an attempt ended, in the classes correlation distinguishes. `pending` is excluded from rates. */
export type OutcomeClass = 'success' | 'failure-3712' | 'failure-other' | 'silent-refusal' | 'timeout' | 'superseded' | 'pending';

/** `superseded`: a request the SDK replaced with the page's next identical join; like `pending`, in no rate. */
export const OUTCOME_CLASSES: readonly OutcomeClass[] = ['success', 'failure-3712', 'failure-other', 'silent-refusal', 'timeout', 'superseded', 'pending'];

export interface CorrelationItem {
  attempt: JoinAttempt;
  analysis: Analysis;
}

/** How many attempts of each outcome class carry one rule's finding. */
export interface RuleOutcomeCounts {
  id: string;
  title: string;
  /** The most severe severity this rule reported across the attempts. */
  severity: Severity;
  failures3712: number;
  failuresOther: number;
  silentRefusals: number;
  timeouts: number;
  successes: number;
  pending: number;
}

export type CauseKind = 'cause' | 'suspect' | 'unexplained';

/** What explains one failed attempt (lib/correlate/primary-cause.ts). */
export interface PrimaryCause {
  /** Group key: a rule id, `iat-future+iat-quantized`, `suspect:<id>`, `unexplained:3712`, `unexplained:code:3705`… */
  key: string;
  /** `cause`: an error Zoom enforces; `suspect`: only a warning; `unexplained`: no finding at all. */
  kind: CauseKind;
  /** The findings it rests on, the deciding one first. */
  ruleIds: FindingId[];
  /** "iat in the future, from Java Math.round (iat a multiple of 128 s)". */
  title: string;
  severity?: Severity;
  /** Rests on a secret check the user made (secret-mismatch / -swapped / -whitespace). */
  verified?: boolean;
}

/** Failures sharing one primary cause. */
export interface CauseGroup extends PrimaryCause {
  /** Same as key (kept for consumers that list by id). */
  id: string;
  attemptIds: string[];
  failures: number;
  /** All settled failures of the session. */
  ofFailures: number;
  /** Successes carrying the deciding finding too (a cause that successes share is a weak one). */
  successesWith: number;
  successes: number;
  /** "3 of 8 failures: iat in the future, from Java Math.round (iat a multiple of 128 s)". */
  text: string;
}

/** One attempt's iat relative to the reference time, for the offset plot. */
export interface OffsetPoint {
  attemptId: string;
  calledAt: number;
  outcome: OutcomeClass;
  iat: number;
  /** iat − reference time, seconds. Positive: iat was in the future. */
  offset: number;
  /** The reference time was corrected by a measured offset to Zoom's clock. */
  referenceCorrected: boolean;
  quantized: boolean;
}

/** The threshold on iat − reference time that best separates failures (above) from successes. */
export interface OffsetSplit {
  /** Failures are those with offset > threshold. */
  threshold: number;
  failuresAbove: number;
  failures: number;
  successesAbove: number;
  successes: number;
  /** Range of the offsets of the failures above the threshold. */
  failureMin: number;
  failureMax: number;
  score: number;
  text: string;
}

export interface QuantizationEvidence {
  /** Distinct iat values seen (tokens issued in the same second share one). */
  distinctIats: number;
  /** How many of them are multiples of 128 s. */
  multiplesOf128: number;
  /** Chance that honest (uniform) iat values give at least this many multiples of 128. */
  chanceByAccident: number;
  verdict: 'none' | 'possible' | 'likely' | 'near-certain';
  text: string;
}

export interface EndpointRate {
  /** Issuing endpoint (origin + path, query dropped); `(unknown)` when the issuance was not seen. */
  endpoint: string;
  /** Settled attempts (pending excluded). */
  attempts: number;
  failures: number;
  /** Meeting SDK joins refused with 3712. */
  failures3712: number;
  /** Video SDK joins whose JWT Zoom refused (wc/lsdk code 124); absent in exports made before it was counted. */
  failuresJwt?: number;
  rate: number;
  text: string;
}

export interface NextCheck {
  id: 'credential-type' | 'external-account' | 'server-tolerance' | 'verify-secret' | 'error-code' | 'silent-refusal' | 'timeout';
  text: string;
}

/** Failures that no rule explains, grouped by what to check next. */
export interface UnexplainedFailures {
  attemptIds: string[];
  text: string;
  checks: NextCheck[];
}

/** Attempts, settled failures and successes of one SDK (lib/correlate/sdks.ts). */
export interface SdkOutcomeCounts {
  sdk: 'meeting' | 'video';
  attempts: number;
  failures: number;
  successes: number;
}

export interface Correlation {
  counts: Record<OutcomeClass, number>;
  /** Settled failures: 3712, other codes, silent refusals and timeouts. */
  failures: number;
  rules: RuleOutcomeCounts[];
  /** Failures grouped by primary cause; causes[0] is the headline. */
  causes: CauseGroup[];
  /** One line: "Most likely cause: … (3 of 8 failures)". */
  headline: string;
  /** Each failed attempt's primary cause, by attempt id. */
  primary: Record<string, PrimaryCause>;
  offsets: { points: OffsetPoint[]; split: OffsetSplit | null };
  quantization: QuantizationEvidence;
  endpoints: EndpointRate[];
  unexplained: UnexplainedFailures;
  /** Per SDK, in the order meeting, video; only SDKs present. Absent in exports made before Video SDK support. */
  sdks?: SdkOutcomeCounts[];
}
