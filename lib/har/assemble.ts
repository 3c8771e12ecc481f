/**
 * Turns the collected wc/info exchanges into JoinAttempts: pairs a POST that got HTTP 5xx with
 * the SDK's JSONP GET retry of the same signature, maps Zoom's answer to the page's code, links
 * each token to the response of the page's own endpoint that issued it, and attaches the clock
 * offset. Deterministic: attempts are in request order, ids `har-1`, `har-2`, …
 */
import { joinArgFacts } from '../model/join-args';
import type { JoinAttempt, Outcome } from '../model/attempt';
import type { HarCollector, TokenIssuance, WcInfoExchange } from './collect';
import { applyClock, ClockIndex, clockForAttempt } from '../zoom/zoom-clock';
import type { HarAttemptDetail, HarWarning } from './types';
import { outcomeForZoomAnswer } from '../zoom/zoom-answer';
import { viewOf } from './wc-info';
import { isLsdkUrl, topicFromLsdkField } from '../zoom/lsdk-codes';
import { HarPageIndex } from './page';
import { linkMeetingServer } from './meeting-server';
import { replacedBy, supersede, SUPERSEDE_WINDOW_MS } from '../zoom/superseded';

const GENERIC_FAILURE = 'Fail to join the meeting.';

function byStart(a: WcInfoExchange, b: WcInfoExchange): number {
  const sa = a.startedAt ?? Infinity;
  const sb = b.startedAt ?? Infinity;
  return sa === sb ? a.entry - b.entry : sa - sb;
}

/** The JWT of a join request: `signature` (wc/info) or `zlk` (the Video SDK's wc/lsdk). */
const tokenField = (f: Record<string, string> | null | undefined): string | undefined => f?.signature ?? f?.zlk;

/**
 * What a HAR shows of a join's end. Zoom's answer, when recorded, is worded by the same function
 * the live capture uses (lib/zoom/zoom-answer.ts). A response whose body the HAR did not keep
 * (Chrome's "Save all as HAR" without content, a sanitised export) cannot show how the join ended:
 * that is `unseen`, worded "unknown", never "pending" (nothing is still waiting in a recording).
 */
function outcomeOf(x: WcInfoExchange, sdk: 'meeting' | 'video', view: ReturnType<typeof viewOf>, retried: boolean): Outcome {
  if (sdk === 'video') {
    // No answer, or a 5xx whose JSONP retry failed: the SDK reports its transport error.
    const connection: Outcome = { kind: 'failure', code: 200, message: 'connection error', type: 'JOIN_MEETING_FAILED', serverMessage: x.failureText, serverCode: null };
    if (x.status === 0) return connection;
    if (x.answer) return outcomeForZoomAnswer(x.answer, 'video', view);
    if (x.bodyState !== 'present') return unseen();
    if (x.status >= 500 && !retried) return { ...connection, serverMessage: `HTTP ${x.status}` };
    return { kind: 'failure', code: null, message: `HTTP ${x.status}: the response is not a wc/lsdk answer`, serverMessage: null, serverCode: null };
  }
  // No response at all: the SDK reports its generic 1 (measured: an aborted POST gives errorCode 1, no retry).
  if (x.status === 0) return { kind: 'failure', code: 1, message: GENERIC_FAILURE, serverMessage: x.failureText, serverCode: null };
  // A HAR holds the wire only: an accepted answer is "signature accepted"; the join may still have failed after.
  if (x.answer) return outcomeForZoomAnswer(x.answer, 'meeting', view);
  if (x.bodyState !== 'present') return unseen();
  if (x.status >= 500 && !retried) return { kind: 'failure', code: 1, message: GENERIC_FAILURE, serverMessage: `HTTP ${x.status}`, serverCode: null };
  return { kind: 'failure', code: null, message: `HTTP ${x.status}: the response is not a wc/info answer`, serverMessage: null, serverCode: null };
}

const unseen = (): Outcome => ({ kind: 'pending', unseen: true });

/**
 * Issuances by token, each list sorted by arrival (stable), so finding the issuer of one join is a
 * map lookup and a binary search: linear in joins overall, not joins × issuances.
 */
class IssuerIndex {
  private readonly byToken = new Map<string, { first: TokenIssuance; timed: TokenIssuance[] }>();

  constructor(issuances: readonly TokenIssuance[]) {
    for (const i of issuances) {
      const key = typeof i.token === 'string' ? i.token.trim() : '';
      if (key === '') continue;
      let slot = this.byToken.get(key);
      if (!slot) this.byToken.set(key, (slot = { first: i, timed: [] }));
      if (i.receivedAt !== null) slot.timed.push(i);
    }
    for (const slot of this.byToken.values()) slot.timed.sort((a, b) => a.receivedAt! - b.receivedAt!);
  }

  /** The latest issuance of this token that arrived before the join (else the first one at all). */
  issuerFor(token: unknown, calledAt: number): TokenIssuance | null {
    if (typeof token !== 'string' || token.trim() === '') return null;
    const slot = this.byToken.get(token.trim());
    if (!slot) return null;
    if (!Number.isFinite(calledAt)) return slot.first;
    const t = slot.timed;
    // Upper bound: the first issuance that arrived after the join.
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid]!.receivedAt! <= calledAt) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return slot.first;
    // Of equal arrival times the first recorded wins, as the scan this replaces kept the first maximum.
    const latest = t[lo - 1]!.receivedAt!;
    let k = lo - 1;
    while (k > 0 && t[k - 1]!.receivedAt === latest) k--;
    return t[k]!;
  }
}

/**
 * The SDK's JSONP retries in request order, by signature, each list with a cursor: a 5xx POST takes
 * the first unused retry after it. Cursors only move forward (joins are visited in order and a
 * retry is used once), so all lookups together are linear.
 */
class RetryIndex {
  private readonly all: number[] = [];
  private allAt = 0;
  private readonly bySig = new Map<string, { list: number[]; at: number }>();

  constructor(xs: readonly WcInfoExchange[]) {
    xs.forEach((x, j) => {
      if (!x.jsonp) return;
      this.all.push(j);
      const sig = tokenField(x.fields);
      if (typeof sig !== 'string' || sig.trim() === '') return;
      const key = sig.trim();
      let slot = this.bySig.get(key);
      if (!slot) this.bySig.set(key, (slot = { list: [], at: 0 }));
      slot.list.push(j);
    });
  }

  /** The first JSONP exchange after `k`, not yet used, carrying `sig` (any when the POST had no body). */
  take(k: number, sig: string | undefined, used: Set<number>): number {
    if (sig === undefined) {
      while (this.allAt < this.all.length && (this.all[this.allAt]! <= k || used.has(this.all[this.allAt]!))) this.allAt++;
      return this.allAt < this.all.length ? this.all[this.allAt]! : -1;
    }
    const slot = sig.trim() === '' ? undefined : this.bySig.get(sig.trim());
    if (!slot) return -1;
    while (slot.at < slot.list.length && (slot.list[slot.at]! <= k || used.has(slot.list[slot.at]!))) slot.at++;
    return slot.at < slot.list.length ? slot.list[slot.at]! : -1;
  }
}

export interface Assembled {
  attempts: JoinAttempt[];
  details: HarAttemptDetail[];
  warnings: HarWarning[];
}

export function assemble(c: HarCollector): Assembled {
  const clocks = new ClockIndex(c.clock.samples);
  const xs = [...c.exchanges].sort(byStart);
  const used = new Set<number>();
  const retries = new RetryIndex(xs);
  const issuers = new IssuerIndex(c.issuances);
  // Collectors built by hand (tests, older callers) may lack the page lists.
  const pages = new HarPageIndex(c.documents ?? [], c.assetFailures ?? []);
  const attempts: JoinAttempt[] = [];
  /** Which document each attempt's request came from (the HAR page, else the referer). */
  const documents: string[] = [];
  const details: HarAttemptDetail[] = [];
  let retryMissing = 0;
  let noRequestBody = 0;
  let noAnswer = 0;
  let issuerMissing = 0;

  for (let k = 0; k < xs.length; k++) {
    if (used.has(k)) continue;
    const first = xs[k]!;
    used.add(k);
    let last = first;
    if (!first.jsonp && first.status >= 500) {
      const sig = tokenField(first.fields);
      const r = retries.take(k, sig, used);
      if (r !== -1) {
        used.add(r);
        last = xs[r]!;
      } else retryMissing++;
    }
    const fields = first.fields ?? last.fields;
    const view = viewOf(fields);
    const id = `har-${attempts.length + 1}`;
    const calledAt = first.startedAt ?? NaN;
    const signature = tokenField(fields) ?? tokenField(last.fields) ?? null;
    const video = isLsdkUrl(first.url);
    const path = video ? 'wc/lsdk' : 'wc/info';
    const attempt: JoinAttempt = {
      id,
      api: 'wire',
      method: last === first && !first.jsonp ? path : `${path} (JSONP)`,
      sdk: video ? 'video' : 'meeting',
      ...(video ? { topic: topicFromLsdkField(fields?.topic) } : {}),
      signature,
      meetingNumber: fields?.meetingNumber ?? null,
      sdkVersion: fields?.cv ?? null,
      calledAt,
      settledAt: last.endedAt,
      outcome: outcomeOf(last, video ? 'video' : 'meeting', view, last !== first),
      pageUrl: first.referer,
      wire: { sentAt: first.startedAt, answeredAt: last.status > 0 || last.failureText !== null ? last.endedAt : null, http: last.status, accepted: last.answer ? last.answer.status === true : null },
    };
    // The join arguments the SDK put on the wire, masked at once (no passcode or tk is kept).
    const args = video ? null : joinArgFacts(fields, 'wire');
    if (args) attempt.args = args;
    const verdict = clockForAttempt(calledAt, signature, clocks);
    if (verdict.clock || verdict.note) applyClock(attempt, verdict);
    const issued = issuers.issuerFor(signature, calledAt);
    if (issued) attempt.issuer = { url: issued.url, method: issued.method, receivedAt: issued.receivedAt ?? NaN, serverDate: issued.serverDate };
    else if (signature !== null) issuerMissing++;
    const page = pages.factsFor(attempt, first.url, first.pageref ?? null);
    if (page) attempt.page = page;
    if (!fields) noRequestBody++;
    const answerRecorded = last.answer !== null;
    if (!answerRecorded && last.status > 0 && last.bodyState !== 'present') noAnswer++;
    attempts.push(attempt);
    documents.push(first.pageref ?? first.referer ?? '');
    details.push({
      attemptId: id,
      entries: last === first ? [first.entry] : [first.entry, last.entry],
      view,
      httpStatus: last.status,
      signatureRecorded: signature !== null,
      answerRecorded,
    });
  }

  markSuperseded(attempts, documents);

  const views = new Map(details.map((d) => [d.attemptId, d.view]));
  linkMeetingServer(attempts, c.meetingServerSockets ?? [], (a) => views.get(a.id) ?? 'unknown');

  const warnings: HarWarning[] = [];
  const warn = (code: HarWarning['code'], count: number, message: string) => {
    if (count > 0) warnings.push({ code, count, message });
  };
  warn('no-join-requests', attempts.length === 0 ? 1 : 0, 'The HAR holds no request to Zoom\'s wc/info: the recording started after the join, was filtered (e.g. "Fetch/XHR" only with a search term), or the SDK refused before asking Zoom (6.x does that silently for a signature without appKey/sdkKey).');
  warn('request-bodies-missing', noRequestBody, `${noRequestBody} join request(s) have no recorded body: their signature, meeting number and SDK version are unknown.`);
  warn('response-bodies-missing', noAnswer, `${noAnswer} of Zoom's answers ${noAnswer === 1 ? 'has' : 'have'} no body in the HAR (exported without content): their outcome (3712 or success) is unknown. Export again with response bodies ("Export HAR (with sensitive data)" in Chrome 130+).`);
  warn('retry-missing', retryMissing, `${retryMissing} join request(s) got HTTP 5xx and the SDK's JSONP retry is not in the HAR.`);
  warn('issuer-not-found', issuerMissing, `${issuerMissing} signature(s) were not found in any response of the page's own backend: they were issued before the recording started, embedded in a script, or the endpoint's body was not kept. Issuing endpoint and its Date are unknown for these.`);
  return { attempts, details, warnings };
}

/**
 * React StrictMode's double join as a HAR shows it: the SDK aborted its first request (status 0,
 * Chrome's `_error` net::ERR_ABORTED) a millisecond before it sent the same token again from the
 * same document. The same evidence as the live capture (lib/zoom/superseded.ts), seen on the wire
 * only; without it a recording of `npm start` counted a failure that never happened. Attempts are
 * in request order, so the look-back stops at the window: linear in joins.
 */
function markSuperseded(attempts: readonly JoinAttempt[], documents: readonly string[]): void {
  for (let k = 1; k < attempts.length; k++) {
    const later = attempts[k]!;
    for (let j = k - 1; j >= 0; j--) {
      const first = attempts[j]!;
      if (later.calledAt - first.calledAt > SUPERSEDE_WINDOW_MS) break;
      if (documents[j] !== documents[k] || !replacedBy(first, later)) continue;
      supersede(first, later);
      break;
    }
  }
}
