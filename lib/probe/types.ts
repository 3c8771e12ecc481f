import type { Analysis } from '../rules/types';

/** The subset of `fetch` the probe uses, so tests and the extension can inject their own. */
export type ProbeFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<ProbeResponse>;

/**
 * What the probe reads of a response. `body` (a WHATWG stream, as fetch gives) is read up to the
 * probe's cap and then cancelled; `text()` is only for injected fetches without a stream.
 */
export interface ProbeResponse {
  status: number;
  headers: { get(name: string): string | null };
  body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export interface ProbeOptions {
  url: string;
  /** Number of signatures to fetch. */
  count: number;
  method?: string;
  /** Request body (sent as is; JSON gets a JSON content type unless a header says otherwise). */
  body?: string;
  headers?: Record<string, string>;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Minimum time between the starts of consecutive requests, ms: spreads samples over the 128 s cycle. */
  intervalMs?: number;
  /** Bound on the whole probe, ms (default 60 s); what is still running then is aborted. */
  totalTimeoutMs?: number;
  /** Bound on one request, ms (default 15 s). */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
  fetch?: ProbeFetch;
  onProgress?: (p: { done: number; total: number; errors: number }) => void;
  /** The local clock, epoch ms (injectable for tests). */
  now?: () => number;
  /** The SDK whose join gets these tokens (default: each token's claims decide). */
  sdk?: 'meeting' | 'video';
  /** Video SDK: the topic the page joins (checks each token's tpc). */
  topic?: string;
}

export interface ProbeSample {
  index: number;
  status: number;
  /** Local clock when the response arrived, epoch ms. */
  receivedAt: number;
  /** The response's Date header, epoch ms; null when absent or unparsable. */
  serverDate: number | null;
  /** The signature found in the response. */
  token: string;
  /** Reference time the token was judged against, epoch s (the Date header, else the local clock). */
  referenceTime: number;
  iat: number | null;
  /** iat − reference time, s. */
  iatOffset: number | null;
  analysis: Analysis;
}

export interface ProbeError {
  index: number;
  status?: number;
  message: string;
}

export interface RuleRate {
  id: string;
  count: number;
  /** count / samples, 0–1. */
  rate: number;
}

export interface OffsetDistribution {
  min: number;
  median: number;
  max: number;
  /** Share of samples whose iat was after the server's clock, 0–1. */
  futureShare: number;
}

/**
 * What a quantising backend's tokens imply over time. A quick probe's samples share one quantised
 * iat, so it sees 0% or 100% failing; the share of each 128 s cycle in which iat is in the future
 * depends only on the backend's back-date b: (64 − b) / 128. The samples bound b.
 */
export interface ImpliedFailureRate {
  quantizedSamples: number;
  spacingS: number;
  /** Bounds on the back-date b, s, from the samples' iat and Date headers. */
  backdateS: { min: number; max: number };
  /** Seconds of every `spacingS` during which a fresh token's iat is in the future. */
  futureSecondsPerCycle: { min: number; max: number };
  /** The same as a share of time, 0–1. */
  futureShare: { min: number; max: number };
  /** Whether Date headers (server clock) or only the local clock bounded b. */
  basis: 'date-header' | 'local-clock';
  text: string;
}

export interface ProbeSummary {
  samples: number;
  errors: number;
  rules: RuleRate[];
  iatOffset: OffsetDistribution | null;
  implied: ImpliedFailureRate | null;
}

export interface ProbeResult {
  samples: ProbeSample[];
  errors: ProbeError[];
  /** Stopped by the caller's AbortSignal. */
  cancelled: boolean;
  /** Stopped by the total time bound. */
  timedOut: boolean;
  summary: ProbeSummary;
}
