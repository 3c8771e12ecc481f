/**
 * Turns the collected wc/info exchanges into JoinAttempts: pairs a POST that got HTTP 5xx with
 * the SDK's JSONP GET retry of the same signature, maps Zoom's answer to the page's code, links
 * each token to the response of the page's own endpoint that issued it, and attaches the clock
 * offset. Deterministic: attempts are in request order, ids `har-1`, `har-2`, …
 */
import type { JoinAttempt, Outcome } from '../model/attempt';
import type { HarCollector, TokenIssuance, WcInfoExchange } from './collect';
import { applyClock, ClockIndex, clockForAttempt } from '../capture/zoom-clock';
import type { HarAttemptDetail, HarWarning } from './types';
import { sdkCodeForAnswer } from '../capture/wc-info-codes';
import { viewOf } from './wc-info';

const GENERIC_FAILURE = 'Fail to join the meeting.';

function byStart(a: WcInfoExchange, b: WcInfoExchange): number {
  const sa = a.startedAt ?? Infinity;
  const sb = b.startedAt ?? Infinity;
  return sa === sb ? a.entry - b.entry : sa - sb;
}

function outcomeOf(x: WcInfoExchange, view: ReturnType<typeof viewOf>, retried: boolean): Outcome {
  // No response at all: the SDK reports its generic 1 (measured: an aborted POST gives errorCode 1, no retry).
  if (x.status === 0) return { kind: 'failure', code: 1, message: GENERIC_FAILURE, serverMessage: x.failureText, serverCode: null };
  if (x.answer) {
    // A HAR holds the wire only: Zoom accepted the signature, the join may still have failed after.
    if (x.answer.status === true) return { kind: 'success', acceptedOnly: true };
    const mapped = sdkCodeForAnswer(x.answer.errorCode, x.answer.errorMessage, view);
    const out: Outcome = { kind: 'failure', code: mapped.code, message: mapped.message, serverMessage: x.answer.errorMessage, serverCode: x.answer.errorCode };
    if (view === 'component-view') out.type = 'JOIN_MEETING_FAILED';
    return out;
  }
  if (x.bodyState !== 'present') return { kind: 'pending' };
  if (x.status >= 500 && !retried) return { kind: 'failure', code: 1, message: GENERIC_FAILURE, serverMessage: `HTTP ${x.status}`, serverCode: null };
  return { kind: 'failure', code: null, message: `HTTP ${x.status}: the response is not a wc/info answer`, serverMessage: null, serverCode: null };
}

function sameToken(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim() && a.trim() !== '';
}

/** The latest issuance of this token that arrived before the join (else the first one at all). */
function issuerFor(token: unknown, calledAt: number, issuances: readonly TokenIssuance[]): TokenIssuance | null {
  if (typeof token !== 'string') return null;
  let best: TokenIssuance | null = null;
  let any: TokenIssuance | null = null;
  for (const i of issuances) {
    if (!sameToken(i.token, token)) continue;
    any ??= i;
    if (i.receivedAt !== null && Number.isFinite(calledAt) && i.receivedAt <= calledAt && (best === null || (best.receivedAt ?? 0) < i.receivedAt)) best = i;
  }
  return best ?? any;
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
  const attempts: JoinAttempt[] = [];
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
      const sig = first.fields?.signature;
      const r = xs.findIndex((x, j) => j > k && !used.has(j) && x.jsonp && (sig === undefined || sameToken(x.fields?.signature, sig)));
      if (r !== -1) {
        used.add(r);
        last = xs[r]!;
      } else retryMissing++;
    }
    const fields = first.fields ?? last.fields;
    const view = viewOf(fields);
    const id = `har-${attempts.length + 1}`;
    const calledAt = first.startedAt ?? NaN;
    const signature = fields?.signature ?? last.fields?.signature ?? null;
    const attempt: JoinAttempt = {
      id,
      api: 'wire',
      method: last === first ? (first.jsonp ? 'wc/info (JSONP)' : 'wc/info') : 'wc/info (JSONP)',
      signature,
      meetingNumber: fields?.meetingNumber ?? null,
      sdkVersion: fields?.cv ?? null,
      calledAt,
      settledAt: last.endedAt,
      outcome: outcomeOf(last, view, last !== first),
      pageUrl: first.referer,
    };
    const verdict = clockForAttempt(calledAt, signature, clocks);
    if (verdict.clock || verdict.note) applyClock(attempt, verdict);
    const issued = issuerFor(signature, calledAt, c.issuances);
    if (issued) attempt.issuer = { url: issued.url, method: issued.method, receivedAt: issued.receivedAt ?? NaN, serverDate: issued.serverDate };
    else if (signature !== null) issuerMissing++;
    if (!fields) noRequestBody++;
    const answerRecorded = last.answer !== null;
    if (!answerRecorded && last.status > 0 && last.bodyState !== 'present') noAnswer++;
    attempts.push(attempt);
    details.push({
      attemptId: id,
      entries: last === first ? [first.entry] : [first.entry, last.entry],
      view,
      httpStatus: last.status,
      signatureRecorded: signature !== null,
      answerRecorded,
    });
  }

  const warnings: HarWarning[] = [];
  const warn = (code: HarWarning['code'], count: number, message: string) => {
    if (count > 0) warnings.push({ code, count, message });
  };
  warn('no-join-requests', attempts.length === 0 ? 1 : 0, 'The HAR holds no request to Zoom\'s wc/info: the recording started after the join, was filtered (e.g. "Fetch/XHR" only with a search term), or the SDK refused before asking Zoom (6.x does that silently for a signature without appKey/sdkKey).');
  warn('request-bodies-missing', noRequestBody, `${noRequestBody} join request(s) have no recorded body: their signature, meeting number and SDK version are unknown.`);
  warn('response-bodies-missing', noAnswer, `${noAnswer} of Zoom's answers have no body in the HAR (exported without content): their outcome (3712 or success) is unknown. Export again with response bodies ("Export HAR (with sensitive data)" in Chrome 130+).`);
  warn('retry-missing', retryMissing, `${retryMissing} join request(s) got HTTP 5xx and the SDK's JSONP retry is not in the HAR.`);
  warn('issuer-not-found', issuerMissing, `${issuerMissing} signature(s) were not found in any response of the page's own backend: they were issued before the recording started, embedded in a script, or the endpoint's body was not kept. Issuing endpoint and its Date are unknown for these.`);
  return { attempts, details, warnings };
}
