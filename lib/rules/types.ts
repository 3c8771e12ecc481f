import type { DecodedToken } from '../token/types';
import type { FindingId, RuleId } from './ids';

/** `error`: Zoom rejects it. `warning`: version-dependent or risky. `info`: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Where a finding comes from: the signature itself, the other join arguments, Zoom's answer (the
 * outcome code, or no answer), the page (headers, isolation), or the SDK's own assets (wasm, JS).
 * The Inspector groups findings by it.
 */
export type FindingOrigin = 'token' | 'arguments' | 'answer' | 'page' | 'assets';

export interface Finding {
  /** The stable rule id, e.g. `iat-future` (or `internal-error`). Never renamed once shipped. */
  id: FindingId;
  severity: Severity;
  /** Absent: `token` (every rule of the signature catalogue); join rules always set it. */
  origin?: FindingOrigin;
  /** The rule's one-line title. */
  title: string;
  /** The claim the finding is about, when it is about one (`iat`, `mn`, ...). */
  claim?: string;
  /** The measured fact, with numbers: "iat is 20 s after the join time". */
  message: string;
  /** What to change, concretely; per generator language where it helps. */
  fix: string;
  /** Machine-readable measurements behind the message (seconds, values), for correlation and plots. */
  data?: Record<string, number | string | boolean | null>;
}

/** The arguments of the join call, when they are known (captured or given on the CLI). */
export interface JoinArguments {
  meetingNumber?: string | number | null;
  /** Deprecated join parameter, still accepted by 6.x. */
  sdkKey?: string | null;
  /** Video SDK: the session topic passed to `client.join(topic, token, …)` (checked against `tpc`). */
  topic?: string | null;
}

/** Result of checking the HMAC with a user-supplied secret (computed before the rules run). */
export interface SecretVerification {
  /** The HMAC verifies with the secret exactly as given. */
  verifies: boolean;
  /** It verifies with the secret trimmed, when the given secret has surrounding whitespace (or vice versa). */
  verifiesTrimmed: boolean | null;
  /** It verifies when key and secret are swapped (only when a key was given). */
  verifiesSwapped: boolean | null;
  /** The secret was given with surrounding whitespace. */
  secretHasWhitespace: boolean;
  /**
   * Which whitespace variant of the secret verified when the secret as given did not
   * ("trimmed", "trailing newline", ...); null when none did or none was tried.
   */
  whitespaceVariant?: string | null;
  /**
   * Which encoding variant of the secret verified when neither the secret as given nor a whitespace
   * variant did ("base64-decoded", "base64-encoded", "hex-decoded"); null when none did or none was tried.
   */
  encodingVariant?: string | null;
  /** The encoding variants tried (for messages that say exactly what was tried). */
  encodingsTried?: string[];
  /**
   * Where the key tried as the HMAC secret came from: the key the user gave, or (none given) the
   * payload's appKey/sdkKey claim. Null when no swap was tried.
   */
  swapKeySource?: 'given' | 'payload' | null;
  /** The payload claim (appKey or sdkKey) whose value is the given secret; null when none is. */
  keyClaimIsSecret?: string | null;
  /** Why the HMAC could not be checked at all (no three segments, unsupported alg); null when it was checked. */
  unverifiable?: string | null;
}

export interface RuleContext {
  token: DecodedToken;
  join?: JoinArguments;
  /**
   * The SDK the token was given to, when known (captured join, CLI --sdk). Undefined: the token's
   * own claims decide (lib/rules/sdk-family.ts).
   */
  sdk?: 'meeting' | 'video';
  /**
   * The time Zoom judged the token at, in epoch seconds (may be fractional): the join time,
   * corrected by the measured clock offset to Zoom when one is known. Undefined: time rules that
   * need it are skipped.
   */
  referenceTime?: number;
  /** The local (page) clock at join time, epoch seconds; the basis of `referenceTime` when no request was seen. */
  joinTime?: number;
  /**
   * The local (page) clock when the SDK's request carrying the token (wc/info, wc/lsdk) was sent,
   * epoch seconds, when it was seen: Zoom judges iat and exp then, so it is the basis of
   * `referenceTime` when known.
   */
  requestTime?: number;
  /** Zoom's clock minus the local clock, in seconds, when measured (Date headers). */
  clockOffset?: number;
  /** What the offset was measured from, for messages ("the Date of its own join answer (zoom.us)"). */
  clockOffsetSource?: string;
  /** ± seconds around clockOffset (Date's 1 s resolution plus half the server's wait). */
  clockUncertainty?: number;
  /** Why Zoom's answers gave no usable offset, when they gave none ("answers disagree by 3600 s"). */
  clockNote?: string;
  /** Present only when the user supplied a secret; the secret itself never reaches the rules. */
  verification?: SecretVerification;
}

/**
 * Which SDK's tokens a rule judges. `meeting`: only Meeting SDK claims (appKey, mn, role, tokenExp,
 * video_webrtc_mode); a token judged as a Video SDK JWT skips it (lib/rules/index.ts videoCatalogue),
 * which keeps "no mn" off a Video SDK join. `video`: only Video SDK claims; it stays silent on other
 * tokens by itself (sdk-family.ts). `any`: the token, time, clock and secret rules both SDKs share.
 */
export type RuleSdk = 'meeting' | 'video' | 'any';

/**
 * What a rule of the token catalogue says about itself besides its check. Each fact lives on the
 * rule, and the expert order, the Video SDK catalogue, the codes' affinities and the docs tables are
 * read from it (lib/rules/catalogue-facts.ts): a table kept beside the rules once lost all eight
 * vsdk-* rules from the expert order.
 */
export interface RuleFacts {
  /**
   * Place in the expert order of causes, lower first (lib/correlate/primary-cause.ts): an unreadable
   * token before a wrong secret before a missing claim before a time problem before a mismatch.
   * Unique; multiples of 10, so a new rule slots in between two without renumbering.
   */
  readonly rank: number;
  readonly sdk: RuleSdk;
  /** The cause as a person says it, in Correlation and the headlines; the title when absent. */
  readonly phrase?: string;
  /** The SDK codes a finding of this rule explains (rows of lib/rules/join/code-table.ts). */
  readonly produces?: readonly number[];
  /** The finding comes from the HMAC checked with the user's secret: a verified cause, not a reading of claims. */
  readonly verifiedBySecret?: true;
  /**
   * A warning of this rule never makes it a suspect for a failure: it describes the session or the
   * clock (iat a multiple of 128 s alone, a measured clock skew), not a mistake Zoom may refuse.
   */
  readonly neverSuspect?: true;
}

/** A rule of the token catalogue: its check and its facts (a rule without them does not compile into the catalogue). */
export type CatalogueRule<Id extends string = RuleId> = Rule<Id> & RuleFacts;

export interface Rule<Id extends string = RuleId> {
  id: Id;
  /** The severity the rule usually reports with (a finding may lower it, e.g. numeric string role). */
  severity: Severity;
  title: string;
  /** Which facts back the rule: a section of docs/signature-facts.md ("signature-facts §N") or a public source. */
  source: string;
  /** Returns the rule's findings for this context; an empty array when it does not apply. */
  check(ctx: RuleContext): Finding[];
}

export type Verdict = 'fail' | 'warn' | 'pass';

export interface Analysis {
  verdict: Verdict;
  token: DecodedToken;
  findings: Finding[];
  /** The HMAC was checked with a secret the user gave (the secret itself is not kept anywhere). */
  secretChecked?: boolean;
}
