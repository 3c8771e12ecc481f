/**
 * Turns hook events into JoinAttempts. One attempt per join, however many ways it was seen:
 * an API call (ZoomMtg.join / client.join), its wc/info request, the 5xx → JSONP retry and the
 * callback are merged into one record. Mutates the given TabState and reports what changed.
 */
import { isAcceptedOnly, type JoinAttempt, type Outcome } from '../model/attempt';
import { API_WIRE_MERGE_WINDOW_MS, MAX_ATTEMPTS_PER_TAB, MAX_ISSUANCES_PER_TAB } from '../protocol/limits';
import type { HookEvent, HookRwgEvent, HookWireRequestEvent, HookWireResponseEvent, IssuanceRecord, RelayBatchMessage } from '../protocol/messages';
import { sdkCodeForMeetingServer } from '../zoom/meeting-server-codes';
import { payloadHasAppKey } from './payload-keys';
import { clearTabState, clockEvidence, MAX_PENDING_INITS, type TabState } from './tab-state';
import { viewOfFields, type SdkView } from '../zoom/wc-info-codes';
import { applyClock, ClockIndex, clockForAttempt, NEAR_JOIN_MS, recordSample, type SampleResult } from '../zoom/zoom-clock';
import { isLsdkUrl, topicFromLsdkField } from '../zoom/lsdk-codes';
import { outcomeForZoomAnswer } from '../zoom/zoom-answer';
import type { AssetFailure } from '../model/page-facts';
import { replacedBy, supersede, SUPERSEDE_WINDOW_MS } from '../zoom/superseded';
import { markWatched, MAX_WATCHED_NAVIGATIONS, type WatchedNavigation } from './made-in-page';
import { emptyTabPageState, TOP_FRAME, noteAssetFailure, noteCspViolation, notePageDocument, refreshPageFacts, relinkNear } from './page-link';

export interface ApplyResult {
  state: TabState;
  /** Attempts created or changed by this batch (latest version of each). */
  changed: JoinAttempt[];
  /** The batch started a new top-level document; `cleared` when the log was emptied for it. */
  navigated: { url: string; cleared: boolean } | null;
  /** The batch was a retry of one already applied. */
  duplicate: boolean;
}

export interface ApplyOptions {
  maxAttempts?: number;
  /**
   * The tab's top document as its relay answered (asked when an iframe reports first): a top
   * document not seen before is a navigation, exactly as if its own first batch had arrived.
   */
  top?: { relayId: string; url: string } | null;
  /** The browser's frameId of the batch's sender (runtime.MessageSender.frameId), when it gave one. */
  frameId?: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function applyBatch(input: TabState, batch: RelayBatchMessage, opts: ApplyOptions = {}): ApplyResult {
  let state = input;
  const { frame } = batch;
  let navigated: ApplyResult['navigated'] = null;
  const known = state.frames[frame.relayId];
  if (known && batch.seq <= known.lastSeq) return { state, changed: [], navigated: null, duplicate: true };

  const startTop = (url: string) => {
    const cleared = !state.preserveLog;
    if (cleared) state = clearTabState(state);
    state.pageUrl = url;
    navigated = { url, cleared };
  };
  const top = opts.top;
  if (top && !frame.top && !state.frames[top.relayId]) {
    startTop(top.url);
    state.frames[top.relayId] = { lastSeq: 0, rejected: {}, hookErrors: 0, url: top.url, top: true };
  }
  if (batch.pageStart && frame.top && !known) startTop(frame.url);
  if (frame.top) state.pageUrl = frame.url;
  state.frames[frame.relayId] = { lastSeq: batch.seq, rejected: batch.rejected, hookErrors: batch.hookErrors, url: frame.url, ...(frame.top ? { top: true } : {}) };

  const changed = new Map<string, JoinAttempt>();
  // The document's frame: the top one, else the browser's frameId, else a frame of its own.
  const frameKey = frame.top ? TOP_FRAME : opts.frameId ?? frame.relayId;
  const ctx = { state, frameUrl: frame.url, relayId: frame.relayId, frameKey, changed, max: opts.maxAttempts ?? MAX_ATTEMPTS_PER_TAB };
  for (const e of batch.events) applyEvent(ctx, e);
  // Attempts dropped by the cap in this same batch are not reported as changed.
  const live = new Set(state.attempts.map((a) => a.id));
  return { state, changed: [...changed.values()].filter((a) => live.has(a.id)), navigated, duplicate: false };
}

interface Ctx {
  state: TabState;
  frameUrl: string;
  relayId: string;
  frameKey: number | string;
  changed: Map<string, JoinAttempt>;
  max: number;
}

function find(s: TabState, id: string): JoinAttempt | undefined {
  // Recent attempts are the ones being updated: search from the end.
  for (let i = s.attempts.length - 1; i >= 0; i--) if (s.attempts[i]!.id === id) return s.attempts[i];
  return undefined;
}

function touch(ctx: Ctx, a: JoinAttempt) {
  ctx.changed.set(a.id, a);
}

/** Times an attempt by Zoom's clock as far as the tab knows it now (its own answer may come later). */
function retime(s: TabState, a: JoinAttempt, index = new ClockIndex(clockEvidence(s).samples)): boolean {
  return applyClock(a, clockForAttempt(a.calledAt, a.signature, index));
}

function add(ctx: Ctx, a: JoinAttempt) {
  const s = ctx.state;
  retime(s, a);
  linkIssuer(s, a);
  s.attempts.push(a);
  s.meta[a.id] = { relayId: ctx.relayId, wire: 'none', apiSettled: false };
  refreshPageFacts(s.page, ctx.relayId, a);
  markWatched(s.watched, a);
  supersededBy(ctx, a);
  while (s.attempts.length > ctx.max) {
    const gone = s.attempts.shift()!;
    delete s.meta[gone.id];
    s.dropped++;
  }
  touch(ctx, a);
}

function applyEvent(ctx: Ctx, e: HookEvent) {
  const s = ctx.state;
  switch (e.t) {
    case 'call': {
      if (find(s, e.id)) return;
      const video = e.method.startsWith('video.');
      if (e.method.endsWith('init')) return awaitInit(ctx, e.id, e.method, e.at, video);
      add(ctx, {
        id: e.id,
        api: video ? 'video-sdk' : e.method.startsWith('client.') ? 'component-view' : 'client-view',
        method: e.method,
        sdk: video ? 'video' : 'meeting',
        ...(video ? { topic: str(e.tp) } : {}),
        signature: e.sig,
        meetingNumber: e.mn ?? null,
        sdkKey: e.sdkKey ?? null,
        sdkVersion: e.ver ?? null,
        ...(e.args ? { args: e.args } : {}),
        calledAt: e.at,
        settledAt: null,
        outcome: { kind: 'pending' },
        pageUrl: s.pageUrl,
        frameUrl: ctx.frameUrl,
      });
      return;
    }
    case 'sig': {
      const a = find(s, e.id);
      if (!a) return;
      a.signature = e.sig;
      linkIssuer(s, a);
      retime(s, a);
      touch(ctx, a);
      return;
    }
    case 'settle': {
      const a = find(s, e.id) ?? (e.ok ? (takeInit(s, e.id), undefined) : startInit(ctx, e.id));
      if (!a) return;
      s.meta[a.id] = { ...(s.meta[a.id] ?? { relayId: ctx.relayId, wire: 'none' }), apiSettled: true };
      a.settledAt = e.at;
      // A replaced join's own promise rejects too ("connection error"): the replacement is the news.
      if (a.outcome.kind !== 'superseded') a.outcome = e.ok ? { kind: 'success' } : apiFailure(e.res, a.outcome);
      touch(ctx, a);
      return;
    }
    case 'timeout': {
      const init = startInit(ctx, e.id);
      if (init) {
        const secs = Math.round(e.afterMs / 1000);
        init.outcome = { kind: 'silent-refusal', reason: `${init.method} never called back (${secs} s): the join never started.` };
        init.settledAt = e.at;
        return;
      }
      const a = find(s, e.id);
      const m = a && s.meta[a.id];
      // An accepted wc/info answer is only provisional (signature accepted): a join that then never
      // settles stopped at the meeting-server stage and is a timeout like any other.
      const provisional = a !== undefined && isAcceptedOnly(a.outcome);
      if (!a || !m || m.apiSettled || (a.outcome.kind !== 'pending' && !provisional)) return;
      a.outcome =
        m.wire === 'none'
          ? {
              kind: 'silent-refusal',
              reason: payloadHasAppKey(a.signature)
                ? `No request to Zoom and no callback within ${Math.round(e.afterMs / 1000)} s.`
                : 'The signature payload has neither appKey nor sdkKey: SDK 6.x refuses such a join client-side with only a console error, no request and no callback.',
            }
          : { kind: 'timeout', afterMs: e.afterMs };
      a.settledAt = e.at;
      touch(ctx, a);
      return;
    }
    case 'wire-req':
      return wireRequest(ctx, e);
    case 'wire-res':
      return wireResponse(ctx, e);
    case 'rwg':
      return meetingServer(ctx, e);
    case 'hook-error':
      return; // counted through the batch's cumulative hookErrors
    case 'page':
    case 'csp': {
      // Isolation and CSP violations of this document: linked to its joins near them (page-link).
      // A new document also ends the previous one of its frame: asset failures that were linked
      // to that one's joins before this event arrived go back to this document.
      const p = (s.page ??= emptyTabPageState());
      if (e.t === 'page') notePageDocument(p, ctx.relayId, e.coi, e.o, ctx.frameKey);
      else if (!noteCspViolation(p, ctx.relayId, { directive: e.d, blocked: e.u, at: e.at, seen: 'event' })) return;
      for (const a of relinkNear(p, s.attempts, (x) => s.meta[x.id]?.relayId, e.at, e.t === 'page' ? undefined : ctx.relayId)) touch(ctx, a);
      return;
    }
  }
}

function wireRequest(ctx: Ctx, e: HookWireRequestEvent) {
  const s = ctx.state;
  if (s.wireLinks[e.id]) return;
  // Newest first: the API call this request belongs to, or the attempt whose POST got a 5xx
  // and is now retried as JSONP.
  for (let i = s.attempts.length - 1; i >= 0; i--) {
    const a = s.attempts[i]!;
    const m = s.meta[a.id];
    if (!m || m.relayId !== ctx.relayId) continue;
    if (e.at - a.calledAt > API_WIRE_MERGE_WINDOW_MS) break;
    const sameToken = typeof a.signature === 'string' && e.sig !== null && a.signature.trim() === e.sig.trim();
    // The SDK starts the JSONP retry from its own load handler, before our loadend listener
    // reports the 5xx: a JSONP request for a token whose POST is still open is that retry.
    const waiting = (a.api !== 'wire' && m.wire === 'none' && !m.apiSettled) || m.wire === 'retrying' || (e.via === 'jsonp' && m.wire === 'sent');
    if (sameToken && waiting) {
      m.wire = 'sent';
      // A JSONP retry reopens the exchange: the 5xx before it was not Zoom's answer.
      a.wire = { sentAt: a.wire?.sentAt ?? e.at, answeredAt: null, http: null, accepted: null };
      if (e.via === 'jsonp') m.view = viewOfUrl(e.url);
      s.wireLinks[e.id] = a.id;
      if (e.via === 'jsonp') a.method = a.api === 'wire' ? wireMethod(e) : a.method;
      a.sdkVersion = a.sdkVersion ?? e.cv;
      if (a.sdk === 'video' && a.topic == null) a.topic = topicFromLsdkField(e.tp);
      if (a.meetingNumber == null) a.meetingNumber = e.mn;
      touch(ctx, a);
      return;
    }
  }
  const video = isLsdkUrl(e.url);
  const a: JoinAttempt = {
    id: e.id,
    api: 'wire',
    method: wireMethod(e),
    sdk: video ? 'video' : 'meeting',
    ...(video ? { topic: topicFromLsdkField(e.tp) } : {}),
    signature: e.sig,
    meetingNumber: e.mn,
    sdkVersion: e.cv,
    calledAt: e.at,
    settledAt: null,
    outcome: { kind: 'pending' },
    pageUrl: s.pageUrl,
    frameUrl: ctx.frameUrl,
  };
  a.wire = { sentAt: e.at, answeredAt: null, http: null, accepted: null };
  add(ctx, a);
  s.meta[a.id]!.wire = 'sent';
  if (e.via === 'jsonp') s.meta[a.id]!.view = viewOfUrl(e.url);
  s.wireLinks[e.id] = a.id;
}

function wireResponse(ctx: Ctx, e: HookWireResponseEvent) {
  const s = ctx.state;
  const id = s.wireLinks[e.id];
  const a = id ? find(s, id) : undefined;
  const m = a && s.meta[a.id];
  if (!a || !m) return;
  a.wire = { sentAt: a.wire?.sentAt ?? null, answeredAt: e.at, http: e.http, accepted: e.body ? e.body.status === true : null };
  if (e.http !== null && e.http >= 500) {
    touch(ctx, a);
    // The SDK retries a 5xx as JSONP: the attempt stays open for that retry.
    if (m.wire === 'sent' && !retriedAlready(s, a.id, e.id)) m.wire = 'retrying';
    return;
  }
  m.wire = 'done';
  if (replacedLater(ctx, a)) return;
  const serverCode = num(e.body?.errorCode);
  const serverMessage = str(e.body?.errorMessage);
  if (m.apiSettled) {
    // The callback already told us the SDK code; add what Zoom itself said.
    if (a.outcome.kind === 'failure') a.outcome = { ...a.outcome, serverCode, serverMessage: a.outcome.serverMessage ?? serverMessage };
    touch(ctx, a);
    return;
  }
  let outcome: Outcome;
  if (e.body === null) {
    outcome = { kind: 'failure', code: null, message: e.http === 0 ? 'No answer from Zoom (network error or aborted).' : `HTTP ${e.http} without a JSON body.`, serverCode: null, serverMessage: null };
  } else outcome = outcomeForZoomAnswer({ status: e.body.status, errorCode: serverCode, errorMessage: serverMessage }, a.sdk, viewOfAttempt(a, m.view));
  a.outcome = outcome;
  // For an API attempt this is provisional: the callback, when it comes, has the final word.
  a.settledAt = a.api === 'wire' ? e.at : a.settledAt ?? e.at;
  touch(ctx, a);
}

/**
 * The meeting-server stage of the newest Meeting SDK join of this document that Zoom accepted:
 * the RWG WebSocket opened, or the meeting server's join answer. A refusal becomes the join's
 * outcome, with the code the SDK maps it to: the client view shows it only in its own dialog and
 * calls no callback (measured, docs/join-errors.md §7); in the component view the promise's
 * rejection, which follows, has the final word.
 */
function meetingServer(ctx: Ctx, e: HookRwgEvent) {
  const s = ctx.state;
  let a: JoinAttempt | undefined;
  for (let i = s.attempts.length - 1; i >= 0 && !a; i--) {
    const x = s.attempts[i]!;
    if (x.sdk !== 'video' && x.wire?.accepted === true && s.meta[x.id]?.relayId === ctx.relayId) a = x;
  }
  const m = a && s.meta[a.id];
  if (!a || !m || !a.wire) return;
  const ms = (a.wire.meetingServer ??= { openedAt: null, answeredAt: null, res: null });
  if (e.res === null) {
    ms.openedAt ??= e.at;
    touch(ctx, a);
    return;
  }
  if (ms.answeredAt !== null) return; // the first join answer is the join's; later ones are rejoins
  ms.answeredAt = e.at;
  ms.res = e.res;
  const open = !m.apiSettled || isAcceptedOnly(a.outcome);
  if (e.res !== 0 && open) {
    const { code, message } = sdkCodeForMeetingServer(e.res, viewOfAttempt(a, m.view));
    a.outcome = { kind: 'failure', code, message, serverCode: null, serverMessage: null, ...(a.api === 'component-view' ? { type: 'JOIN_MEETING_FAILED' } : {}) };
    a.settledAt = e.at;
  }
  touch(ctx, a);
}

/**
 * A new join of this document may be the one the SDK replaced an earlier request with (React
 * StrictMode's double join): the earlier attempt, when its request already ended, is marked
 * superseded (lib/zoom/superseded.ts). Newest first, stopping outside the window.
 */
function supersededBy(ctx: Ctx, later: JoinAttempt) {
  const s = ctx.state;
  for (let i = s.attempts.length - 2; i >= 0; i--) {
    const a = s.attempts[i]!;
    if (later.calledAt - a.calledAt > SUPERSEDE_WINDOW_MS) break;
    if (s.meta[a.id]?.relayId !== ctx.relayId || !replacedBy(a, later)) continue;
    supersede(a, later);
    touch(ctx, a);
    return;
  }
}

/** The request that just ended without an answer was replaced by a join already seen: true when so marked. */
function replacedLater(ctx: Ctx, a: JoinAttempt): boolean {
  const s = ctx.state;
  for (let i = s.attempts.length - 1; i >= 0; i--) {
    const later = s.attempts[i]!;
    if (later.calledAt < a.calledAt) break;
    if (s.meta[later.id]?.relayId !== ctx.relayId || !replacedBy(a, later)) continue;
    supersede(a, later);
    a.settledAt = a.settledAt ?? a.wire?.answeredAt ?? null;
    touch(ctx, a);
    return true;
  }
  return false;
}

/** An init call, held until it calls back: only a failed or silent one becomes an attempt. */
function awaitInit(ctx: Ctx, id: string, method: string, at: number, video: boolean) {
  const s = ctx.state;
  const list = (s.pendingInits ??= []);
  if (list.some((p) => p.attempt.id === id)) return;
  const attempt: JoinAttempt = {
    id,
    api: video ? 'video-sdk' : method.startsWith('client.') ? 'component-view' : 'client-view',
    method,
    sdk: video ? 'video' : 'meeting',
    signature: null,
    calledAt: at,
    settledAt: null,
    outcome: { kind: 'pending' },
    pageUrl: s.pageUrl,
    frameUrl: ctx.frameUrl,
  };
  list.push({ attempt, relayId: ctx.relayId });
  if (list.length > MAX_PENDING_INITS) list.shift();
}

function takeInit(s: TabState, id: string) {
  const list = s.pendingInits;
  const i = list ? list.findIndex((p) => p.attempt.id === id) : -1;
  return i < 0 ? null : list!.splice(i, 1)[0]!;
}

/** A held init that failed or never called back: now an attempt of its document. */
function startInit(ctx: Ctx, id: string): JoinAttempt | undefined {
  const p = takeInit(ctx.state, id);
  if (!p) return undefined;
  add({ ...ctx, relayId: p.relayId }, p.attempt);
  return p.attempt;
}

/** The view that made the join: the hooked API's, else what the request's own fields say. */
function viewOfAttempt(a: JoinAttempt, wireView: SdkView | undefined): SdkView {
  if (a.api === 'client-view' || a.api === 'component-view') return a.api;
  return wireView ?? 'unknown';
}

/** A JSONP retry carries the join's form fields in its query; a POST's body is not in the event. */
function viewOfUrl(url: string): SdkView {
  try {
    return viewOfFields(new URL(url).searchParams);
  } catch {
    return 'unknown';
  }
}

/** `wc/info`, `wc/lsdk`, with ` (JSONP)` for the retry. */
function wireMethod(e: HookWireRequestEvent): string {
  return (isLsdkUrl(e.url) ? 'wc/lsdk' : 'wc/info') + (e.via === 'jsonp' ? ' (JSONP)' : '');
}

/** Another wire request (the JSONP retry) is already linked to this attempt. */
function retriedAlready(s: TabState, attemptId: string, wireId: string): boolean {
  for (const [w, id] of Object.entries(s.wireLinks)) if (id === attemptId && w !== wireId) return true;
  return false;
}

function apiFailure(res: unknown, previous: Outcome): Outcome {
  const prev = previous.kind === 'failure' ? previous : null;
  if (typeof res === 'object' && res !== null) {
    const r = res as Record<string, unknown>;
    const code = num(r.errorCode);
    const message = str(r.errorMessage) ?? str(r.reason) ?? str(r.message);
    return {
      kind: 'failure',
      code,
      message,
      serverMessage: str(r.result) ?? prev?.serverMessage ?? null,
      serverCode: prev?.serverCode ?? null,
      type: str(r.type) ?? str(r.name) ?? null,
    };
  }
  return { kind: 'failure', code: null, message: typeof res === 'string' ? res : null, serverMessage: prev?.serverMessage ?? null, serverCode: prev?.serverCode ?? null };
}

function linkIssuer(s: TabState, a: JoinAttempt) {
  if (typeof a.signature !== 'string') return;
  const sig = a.signature.trim();
  for (let i = s.issuances.length - 1; i >= 0; i--) {
    const iss = s.issuances[i]!;
    if (iss.token === sig) {
      a.issuer = { url: iss.url, method: iss.method, receivedAt: iss.receivedAt, serverDate: iss.serverDate ?? null };
      return;
    }
  }
}

/** Records an issuance and links it to attempts that already used its token. Returns them. */
export function addIssuance(s: TabState, iss: IssuanceRecord): JoinAttempt[] {
  s.issuances.push(iss);
  if (s.issuances.length > MAX_ISSUANCES_PER_TAB) s.issuances.shift();
  const linked: JoinAttempt[] = [];
  for (const a of s.attempts) {
    if (typeof a.signature === 'string' && a.signature.trim() === iss.token && !a.issuer) {
      linkIssuer(s, a);
      linked.push(a);
    }
  }
  return linked;
}

/**
 * Records one Zoom answer's verdict from the devtools page. A kept sample re-times the attempts it
 * can describe: the join it answered, and joins near it in time. Attempts are in call order, so
 * the walk from the newest stops at the first one too old to matter.
 */
export function addClockSample(s: TabState, r: SampleResult): JoinAttempt[] {
  const sample = recordSample(clockEvidence(s), r);
  if (!sample) return [];
  const index = new ClockIndex(clockEvidence(s).samples);
  const updated: JoinAttempt[] = [];
  for (let i = s.attempts.length - 1; i >= 0; i--) {
    const a = s.attempts[i]!;
    if (a.calledAt < sample.at - NEAR_JOIN_MS) break;
    if (retime(s, a, index)) updated.push(a);
  }
  return updated;
}

/** Records a navigation the devtools page saw and marks the joins of that page made after it. Returns them. */
export function addNavigation(s: TabState, n: WatchedNavigation): JoinAttempt[] {
  const list = (s.watched ??= []);
  list.push(n);
  if (list.length > MAX_WATCHED_NAVIGATIONS) list.shift();
  const changed: JoinAttempt[] = [];
  for (let i = s.attempts.length - 1; i >= 0; i--) {
    const a = s.attempts[i]!;
    if (a.calledAt < n.at) break;
    if (markWatched(list, a)) changed.push(a);
  }
  return changed;
}

/** Records one failed SDK asset request from the devtools page and re-links the joins near it. Returns them. */
export function addAssetFailure(s: TabState, f: AssetFailure): JoinAttempt[] {
  const p = (s.page ??= emptyTabPageState());
  noteAssetFailure(p, f);
  return relinkNear(p, s.attempts, (x) => s.meta[x.id]?.relayId, f.at);
}
