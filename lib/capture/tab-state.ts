/**
 * What the background keeps per tab (serialisable: it lives in storage.session so a stopped
 * worker loses nothing). Pure data plus small helpers; merging lives in ./merge.ts.
 */
import type { JoinAttempt } from '../model/attempt';
import type { CaptureStats, IssuanceRecord, RejectCounts, TabSnapshot } from '../protocol/messages';
import { totalRejected } from '../protocol/validate';
import { emptyClockEvidence, type ClockEvidence } from '../zoom/zoom-clock';
import type { SdkView } from '../zoom/wc-info-codes';
import { emptyTabPageState, type TabPageState } from './page-link';
import type { WatchedNavigation } from './made-in-page';

/** Capture bookkeeping per attempt that is not part of the exported JoinAttempt. */
export interface AttemptMeta {
  relayId: string;
  /** 'none' no request seen; 'sent' waiting; 'retrying' got 5xx, JSONP retry expected; 'done' answered. */
  wire: 'none' | 'sent' | 'retrying' | 'done';
  /** The hooked API call settled (callback / promise). */
  apiSettled: boolean;
  /** Which view sent the join request, when its fields said so (JSONP retries). */
  view?: SdkView;
}

export interface FrameCounters {
  lastSeq: number;
  rejected: RejectCounts;
  hookErrors: number;
  url: string;
  /** A top-level document (the newest one is never pruned: forgetting it would read as a navigation). */
  top?: boolean;
}

export interface TabState {
  tabId: number;
  pageUrl: string | null;
  preserveLog: boolean;
  attempts: JoinAttempt[];
  meta: Record<string, AttemptMeta>;
  /** wire event id → attempt id */
  wireLinks: Record<string, string>;
  /** Attempts evicted: beyond MAX_ATTEMPTS_PER_TAB, or the oldest when the tab went over its storage budget. */
  dropped: number;
  /** Issuances, Zoom clock samples and page facts evicted for the storage budget (lib/capture/tab-budget). */
  droppedOther?: number;
  frames: Record<string, FrameCounters>;
  /** Hook errors of documents whose counters were pruned (lib/capture/tab-budget), still counted. */
  retiredHookErrors?: number;
  /** Refused by the background itself (bad sender, bad shape after the relay). */
  bgRejected: RejectCounts;
  issuances: IssuanceRecord[];
  /** Fresh answers from Zoom's hosts (bounded) and the count of those left out, by reason. */
  clock: ClockEvidence;
  /** Documents' isolation, CSP violations and SDK asset failures (lib/capture/page-link.ts); absent in older stored state. */
  page?: TabPageState;
  /**
   * Init calls (ZoomMtg.init, client.init) not yet called back, at most MAX_PENDING_INITS: one that
   * fails or never calls back becomes an attempt (a join that never started); one that succeeds is
   * dropped, its join is the attempt. Absent in older stored state.
   */
  pendingInits?: PendingInit[];
  /** Navigations the devtools page saw (lib/capture/made-in-page.ts), newest last; kept across navigations. */
  watched?: WatchedNavigation[];
}

export interface PendingInit {
  attempt: JoinAttempt;
  relayId: string;
}

/** Init calls awaited at once per tab; a page calling init in a loop drops the oldest. */
export const MAX_PENDING_INITS = 20;

export function emptyTabState(tabId: number, preserveLog = false): TabState {
  return { tabId, pageUrl: null, preserveLog, attempts: [], meta: {}, wireLinks: {}, dropped: 0, frames: {}, bgRejected: {}, issuances: [], clock: emptyClockEvidence() };
}

export function isFailed(a: JoinAttempt): boolean {
  const k = a.outcome.kind;
  return k === 'failure' || k === 'silent-refusal' || k === 'timeout';
}

export function computeStats(s: TabState): CaptureStats {
  let rejected: RejectCounts = { ...s.bgRejected };
  let hookErrors = s.retiredHookErrors ?? 0;
  for (const f of Object.values(s.frames)) {
    hookErrors += f.hookErrors;
    for (const [k, n] of Object.entries(f.rejected)) rejected = { ...rejected, [k]: (rejected[k as keyof RejectCounts] ?? 0) + (n ?? 0) };
  }
  return {
    attempts: s.attempts.length,
    dropped: s.dropped,
    ...(s.droppedOther ? { droppedOther: s.droppedOther } : {}),
    rejected,
    rejectedTotal: totalRejected(rejected),
    hookErrors,
    failed: s.attempts.filter(isFailed).length,
  };
}

export function toSnapshot(s: TabState): TabSnapshot {
  return { tabId: s.tabId, pageUrl: s.pageUrl, preserveLog: s.preserveLog, attempts: s.attempts, stats: computeStats(s), issuances: s.issuances, clock: clockEvidence(s) };
}

/** The tab's clock evidence; state stored by an older version had a single offset, which is dropped. */
export function clockEvidence(s: TabState): ClockEvidence {
  if (!s.clock || !Array.isArray((s.clock as Partial<ClockEvidence>).samples)) s.clock = emptyClockEvidence();
  return s.clock;
}

/** Forget everything captured, keep the user's preserve-log choice and Zoom's clock (still true after a reload). */
export function clearTabState(s: TabState): TabState {
  const fresh = emptyTabState(s.tabId, s.preserveLog);
  fresh.clock = s.clock;
  // Asset failures can arrive before the new document's first batch; each document's start filters them.
  // The documents stay too: Clear empties the log, not the page, and a join made after Clear on the
  // same document needs its start and frame, or a later page's wasm 404 lands on it (the lab, issue 21).
  if (s.page) fresh.page = { ...emptyTabPageState(), assets: s.page.assets, frames: s.page.frames };
  // So do the relays' documents (the page facts above are pruned with them), with their counts
  // started again as the log was; a batch seen before Clear is still known as a duplicate.
  for (const [id, f] of Object.entries(s.frames)) fresh.frames[id] = { ...f, rejected: {}, hookErrors: 0 };
  // The devtools page reports a navigation before the new document's first batch clears the log.
  if (s.watched) fresh.watched = s.watched;
  return fresh;
}
