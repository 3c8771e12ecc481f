/**
 * The Join Doctor export: one JSON document a support engineer can attach to a ticket, re-open in
 * the panel or render with `join-doctor report`. Versioned by `schemaVersion`; readers refuse a
 * newer version rather than misread it.
 *
 * Redaction (default): the signature's third segment is replaced by `<redacted>` (header and payload
 * stay readable: they are what the findings are about); `passWord`, `zak`, `tk`, `obfToken` and any
 * key that names a secret are dropped to `<redacted>`; e-mail addresses are replaced by
 * `<redacted-email>` everywhere (claims, URLs, messages). The SDK secret is never part of an export.
 */
import type { PrimaryCause } from '../correlate/types';
import type { AttemptApi, Issuance, Outcome } from '../model/attempt';
import type { Finding, Verdict } from '../rules/types';
import type { Correlation } from '../correlate/types';

/** The version this code writes and the newest it reads. Bump on any incompatible change. */
/**
 * 2: `correlation.causes` are failures grouped by primary cause (headline first), with
 * `correlation.headline` and `.primary`, and each item's `primaryCause`. Version 1 files (causes
 * ranked by score) are still read: parseExport upgrades them.
 */
export const EXPORT_SCHEMA_VERSION = 2;

export type ExportSource = 'live' | 'har' | 'lab';
export const EXPORT_SOURCES: readonly ExportSource[] = ['live', 'har', 'lab'];

/** A join attempt as exported: the capture record with sensitive values redacted. */
export interface ExportedAttempt {
  id: string;
  api: AttemptApi;
  method?: string;
  /**
   * The signature argument: `header.payload.<redacted>` by default, the full token only with
   * `includeFullTokens`. A non-string argument is exported as redacted JSON text.
   */
  signature: string | null;
  /** What was passed as the signature: `string`, `object`, `undefined`... */
  signatureType: string;
  meetingNumber?: string | number | null;
  sdkKey?: string | null;
  sdkVersion?: string | null;
  /** The SDK that made the join; absent in exports made before Video SDK support (= meeting). */
  sdk?: 'meeting' | 'video';
  /** Video SDK: the session topic of the join. */
  topic?: string | null;
  /** Page clock when join was called, epoch ms. */
  calledAt: number;
  settledAt?: number | null;
  outcome: Outcome;
  issuer?: Issuance | null;
  clockOffsetMs?: number | null;
  clockOffsetSource?: string | null;
  clockUncertaintyMs?: number | null;
  clockNote?: string | null;
  pageUrl?: string | null;
  frameUrl?: string | null;
  /** The page's isolation, CSP violations and SDK asset failures around the join (exported as captured). */
  page?: import('../model/page-facts').PageFacts | null;
}

/** The analysis of one attempt's signature, without the decoder's internals. */
export interface ExportedAnalysis {
  verdict: Verdict;
  /** Decoded JOSE header and payload (redacted), null when they could not be decoded. */
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  findings: Finding[];
  /** Checked with the SDK secret in the panel that made the export (the secret is not in the export). */
  secretChecked?: boolean;
}

export interface ExportedItem {
  attempt: ExportedAttempt;
  analysis: ExportedAnalysis;
  /** What explains this attempt's failure (correlation.causes groups by it); absent for joins that did not fail. */
  primaryCause?: PrimaryCause;
}

export interface JoinDoctorExport {
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  tool: { name: 'join-doctor'; version: string };
  /** ISO 8601 UTC time the export was made. */
  createdAt: string;
  /** Where the attempts came from: the live extension, a HAR file, or the lab. */
  source: ExportSource;
  /** Host of the page the joins ran on (null when unknown, e.g. a HAR of several pages). */
  pageHost: string | null;
  /** False only when the user explicitly opted in to full tokens. */
  redacted: boolean;
  items: ExportedItem[];
  correlation: Correlation;
}
