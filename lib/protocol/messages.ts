/**
 * The one message schema of the capture pipeline:
 *   hook (MAIN world) → relay (ISOLATED) → background ↔ panel, plus devtools page → background.
 * Every message is a discriminated union member tagged with `source` and `v`.
 * Validators for each boundary live in ./validate.ts.
 */
import type { Issuance, JoinAttempt } from '../model/attempt';
import type { JoinArgFacts } from '../model/join-args';
import type { SOURCE } from './version';
import type { ClockEvidence, SampleResult } from '../zoom/zoom-clock';
import type { AssetFailure } from '../model/page-facts';

// ---------------------------------------------------------------- hook → relay (as the relay reads it)

/** Which page API a hooked call went through. */
export type HookMethod = 'ZoomMtg.join' | 'ZoomMtg.joinTest' | 'ZoomMtg.init' | 'client.join' | 'client.init' | 'video.join' | 'video.init';

/** A hooked API call. `id` is unique per document (`<relayId>:<the hook's count>`, lib/protocol/hook-wire.ts). */
export interface HookCallEvent {
  t: 'call';
  id: string;
  method: HookMethod;
  /** Signature argument (a string, or a description of what else was passed). */
  sig: unknown;
  mn?: string | number | null;
  sdkKey?: string | null;
  /** Video SDK: the topic argument of `client.join(topic, token, …)`. */
  tp?: unknown;
  /** SDK version when the API exposes it. */
  ver?: string | null;
  /**
   * The join's argument object as the hook serialised it. Secrets: only ever between hook and
   * relay; the relay's validation replaces it with `args` (masked facts) and deletes it.
   */
  a?: unknown;
  /** The join arguments with secrets masked (set by validation from `a`). */
  args?: JoinArgFacts | null;
  /** Page clock, epoch ms. */
  at: number;
}

/** A hooked call settled: callback or promise. `res` is the sanitised value the page received. */
export interface HookSettleEvent {
  t: 'settle';
  id: string;
  ok: boolean;
  res: unknown;
  at: number;
}

/** The signature argument was a function; this is what it returned (awaited). */
export interface HookSignatureEvent {
  t: 'sig';
  id: string;
  sig: unknown;
  at: number;
}

/** A hooked call did not settle within the hook's timeout. */
export interface HookTimeoutEvent {
  t: 'timeout';
  id: string;
  afterMs: number;
  at: number;
}

/** The SDK sent `wc/info` (Meeting SDK) or `wc/lsdk` (Video SDK), by XHR POST or JSONP GET. */
export interface HookWireRequestEvent {
  t: 'wire-req';
  id: string;
  via: 'xhr' | 'jsonp';
  url: string;
  /** `signature` (wc/info) or `zlk` (wc/lsdk): the JWT. */
  sig: string | null;
  mn: string | null;
  cv: string | null;
  /** wc/lsdk: the `topic` field as sent (base64url of the lower-cased topic). */
  tp?: string | null;
  at: number;
}

/** Zoom's answer to `wc/info`. `body` is the parsed JSON (status, errorCode, errorMessage) when there was one. */
export interface HookWireResponseEvent {
  t: 'wire-res';
  id: string;
  /** HTTP status; 0 for a network error / abort; null for JSONP. */
  http: number | null;
  body: { status?: unknown; errorCode?: unknown; errorMessage?: unknown } | null;
  at: number;
}

/** The hook swallowed an error of its own; `n` is the cumulative count in this document. */
export interface HookErrorEvent {
  t: 'hook-error';
  n: number;
  at: number;
}

/** Once per document, with its first Zoom event: `window.crossOriginIsolated` and `performance.timeOrigin` (`o`). */
export interface HookPageEvent {
  t: 'page';
  coi: boolean | null;
  o: number;
  at: number;
}

/** A `securitypolicyviolation` whose blocked URI or source file is Zoom's or an `/av/` asset: directive and blocked URI. */
export interface HookCspEvent {
  t: 'csp';
  d: string;
  u: string;
  at: number;
}

/**
 * The meeting-server stage (after an accepted wc/info): the SDK opened its RWG WebSocket
 * (`wss://<rwg>/wc/api/<mn>`, `res` null), or the RWG answered the join (`evt 4098`, `res` = the
 * meeting server's result code: 0 joined, 6601 cross-account join, 6 ended…; docs/join-errors.md §7).
 */
export interface HookRwgEvent {
  t: 'rwg';
  res: number | null;
  at: number;
}

export type HookEvent =
  | HookPageEvent
  | HookRwgEvent
  | HookCspEvent
  | HookCallEvent
  | HookSettleEvent
  | HookSignatureEvent
  | HookTimeoutEvent
  | HookWireRequestEvent
  | HookWireResponseEvent
  | HookErrorEvent;

/*
 * What the hook dispatches on its secret channel is no HookEvent: it sends positional tuples of
 * raw facts (./hook-wire.ts), and the relay turns them into these.
 */

// ---------------------------------------------------------------- relay → background

/** Why the relay or background refused a message. Counted per reason, never silent. */
export type RejectReason =
  | 'too-large'
  | 'not-json'
  | 'bad-shape'
  | 'wrong-version'
  | 'forged' // carried our marker but did not come through the secret channel
  | 'bad-sender';

export type RejectCounts = Partial<Record<RejectReason, number>>;

export interface RelayFrameInfo {
  /** Random per document; lets the background de-duplicate retried batches. */
  relayId: string;
  url: string;
  top: boolean;
}

/** A batch of hook events plus this document's cumulative counters. */
export interface RelayBatchMessage {
  source: typeof SOURCE.relay;
  v: number;
  type: 'batch';
  frame: RelayFrameInfo;
  /** 1, 2, 3… per relayId; a batch with a seq already stored is a retry and is ignored. */
  seq: number;
  events: HookEvent[];
  /** Cumulative, for this document. */
  rejected: RejectCounts;
  hookErrors: number;
  /** Top frame only, first batch only: a new document started (clears the log unless preserved). */
  pageStart?: boolean;
}

export type RelayMessage = RelayBatchMessage;

/**
 * Why the background did not take a message. `code` is stable (senders branch on it), `detail`
 * is for people.
 *  - ERR_REFUSED: failed validation; counted as a rejection. Resending the same message cannot help.
 *  - ERR_STORE: valid, but storing it failed (storage.session threw). The sender may retry.
 */
export type ReplyErrorCode = 'ERR_REFUSED' | 'ERR_STORE';
export interface ReplyError {
  code: ReplyErrorCode;
  /** ERR_REFUSED: the rejection reason counted for it. */
  reason?: RejectReason;
  detail?: string;
}

interface ReplyBase {
  source: typeof SOURCE.background;
  v: number;
}
export type Reply = (ReplyBase & { ok: true }) | (ReplyBase & { ok: false; error: ReplyError });

/** Background's reply to a batch: stored (the relay lets it go) or refused with a code. */
export type BatchAck = Reply & { seq: number };

/**
 * Background → the top frame's relay (tabs.sendMessage, frameId 0): which document is on top?
 * Asked when an iframe reports Zoom first, so the background knows whether the tab navigated
 * (the top frame's relay itself stays dormant on a page whose top document never sees Zoom).
 */
export interface TopFrameQuery {
  source: typeof SOURCE.background;
  v: number;
  type: 'top-frame?';
}
export interface TopFrameAnswer {
  source: typeof SOURCE.relay;
  v: number;
  relayId: string;
  url: string;
}

// ---------------------------------------------------------------- devtools page → background

export interface IssuanceRecord extends Issuance {
  /** The Meeting SDK JWT the endpoint returned (session storage only; redacted in exports). */
  token: string;
}

export interface DevtoolsIssuanceMessage {
  source: typeof SOURCE.devtools;
  v: number;
  type: 'issuance';
  tabId: number;
  issuance: IssuanceRecord;
  /**
   * The inspected page's URL. A tab that only issues tokens (Zoom's web sample opens the join in
   * another tab) never wakes its relay, so this is how the background learns which page it is.
   */
  pageUrl?: string;
}

/** One answer from a Zoom host, judged by lib/zoom/zoom-clock: a fresh sample, or why it was left out. */
export interface DevtoolsClockMessage {
  source: typeof SOURCE.devtools;
  v: number;
  type: 'clock';
  tabId: number;
  result: SampleResult;
}

/** A request for one of the SDK's assets that failed (lib/zoom/sdk-assets classifyAsset). */
export interface DevtoolsAssetMessage {
  source: typeof SOURCE.devtools;
  v: number;
  type: 'asset';
  tabId: number;
  failure: AssetFailure;
}

/**
 * The inspected tab's top document changed while DevTools was open (devtools.network.onNavigated):
 * from here on, every response of that document passes the devtools page's token search.
 */
export interface DevtoolsNavigatedMessage {
  source: typeof SOURCE.devtools;
  v: number;
  type: 'navigated';
  tabId: number;
  url: string;
  /** Local clock, epoch ms. */
  at: number;
}

export type DevtoolsMessage = DevtoolsIssuanceMessage | DevtoolsClockMessage | DevtoolsAssetMessage | DevtoolsNavigatedMessage;

/** Background's reply to a devtools-page message. */
export type DevtoolsReply = Reply;

// ---------------------------------------------------------------- panel ↔ background (port)

/** `scope` 'site' asks for the joins of every tab showing the same site (absent: this tab). */
export interface PanelSubscribe { source: typeof SOURCE.panel; v: number; type: 'subscribe'; tabId: number; scope?: 'tab' | 'site' }
export interface PanelClear { source: typeof SOURCE.panel; v: number; type: 'clear'; tabId: number }
export interface PanelSetPreserveLog { source: typeof SOURCE.panel; v: number; type: 'set-preserve-log'; tabId: number; on: boolean }
export type PanelMessage = PanelSubscribe | PanelClear | PanelSetPreserveLog;

export interface CaptureStats {
  /** Attempts currently in the store. */
  attempts: number;
  /** Attempts dropped, oldest first: beyond the per-tab count cap or the tab's storage budget. */
  dropped: number;
  /** Issuances, Zoom clock samples and page facts dropped for the tab's storage budget. */
  droppedOther?: number;
  /** Messages refused, by reason (relay and background together). */
  rejected: RejectCounts;
  rejectedTotal: number;
  /** Errors the page hook swallowed. */
  hookErrors: number;
  /** Attempts whose outcome is failure, silent-refusal or timeout (the badge number). */
  failed: number;
}

export type ClockInfo = ClockEvidence;

export interface TabSnapshot {
  tabId: number;
  pageUrl: string | null;
  preserveLog: boolean;
  attempts: JoinAttempt[];
  stats: CaptureStats;
  issuances: IssuanceRecord[];
  clock: ClockInfo | null;
  /** 'tab': this tab only; 'site': every tab of the session showing the same site (lib/capture/session-links). */
  scope?: 'tab' | 'site';
  /** Scheme and registrable domain of the page, null for non-web pages. */
  site?: string | null;
  /** Tabs whose joins are in `attempts` (1 for scope 'tab'). */
  tabs?: number;
  /** Tokens this tab's endpoint returned that joins in other tabs used. */
  issuedUsedElsewhere?: number;
}

interface BgBase { source: typeof SOURCE.background; v: number; tabId: number }
export interface BgSnapshot extends BgBase { type: 'snapshot'; snapshot: TabSnapshot }
/** Attempts created or changed (upsert by id). */
export interface BgAttempts extends BgBase { type: 'attempts'; attempts: JoinAttempt[] }
export interface BgStats extends BgBase { type: 'stats'; stats: CaptureStats }
export interface BgCleared extends BgBase { type: 'cleared'; reason: 'user' | 'navigation' }
export interface BgNavigated extends BgBase { type: 'navigated'; url: string; preserved: boolean }
export interface BgIssuance extends BgBase { type: 'issuance'; issuance: IssuanceRecord }
export interface BgPreserveLog extends BgBase { type: 'preserve-log'; on: boolean }
export type BackgroundMessage = BgSnapshot | BgAttempts | BgStats | BgCleared | BgNavigated | BgIssuance | BgPreserveLog;
