/**
 * How values read in the panel. Display only: nothing here decides anything about a token
 * (that is lib/'s job); it turns numbers and records into the short text DevTools users expect.
 */
import type { AttemptApi, JoinAttempt, Outcome } from '../../lib/model/attempt';
import { successLabel } from '../../lib/model/attempt';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Page-clock time of day with milliseconds, like the Network panel's timing columns. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * The log's time column: hh:mm:ss for today, with the date in front otherwise (an imported HAR
 * from last week must not read as this morning). Milliseconds are in the cell's ISO tooltip.
 */
export function logTime(ms: number, now: number = Date.now()): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return sameDay(d, new Date(now)) ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** True when any of the times is on another day than `now` (the time column then needs room for dates). */
export function anyOtherDay(times: readonly number[], now: number = Date.now()): boolean {
  const today = new Date(now);
  return times.some((t) => Number.isFinite(t) && !sameDay(new Date(t), today));
}

/** "#5 19:05:33 3712": how a single attempt is named outside the log (unexplained failures, plots). */
export function attemptLabel(index: number, calledAt: number, o: Outcome, now?: number): string {
  const code = outcomeCode(o);
  const what = o.kind === 'failure' ? (code === null ? 'failed' : String(code)) : o.kind === 'silent-refusal' ? 'silent refusal' : o.kind;
  return `#${index + 1} ${logTime(calledAt, now)} ${what}`;
}

/** Signed seconds, short: "+2.1 s", "−0.4 s", "+20 s". */
export function signedSeconds(s: number): string {
  if (Math.abs(s) < 0.05) return '±0 s';
  const sign = s > 0 ? '+' : s < 0 ? '−' : '±';
  const abs = Math.abs(s);
  const digits = abs >= 100 || Number.isInteger(abs) ? 0 : 1;
  return `${sign}${abs.toFixed(digits)} s`;
}

/** A duration in the largest unit that keeps it readable: "1800 s (30 min)", "172800 s (48 h)". */
export function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  const base = `${formatNumber(seconds)} s`;
  if (abs >= 86400) return `${base} (${formatNumber(round1(seconds / 3600))} h)`;
  if (abs >= 3600) return `${base} (${formatNumber(round1(seconds / 3600))} h)`;
  if (abs >= 60) return `${base} (${formatNumber(round1(seconds / 60))} min)`;
  return base;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(round1(n));
}

/** "20 s after join", "3 min before join", "at the join". */
export function relativeToJoin(deltaSeconds: number): string {
  const abs = Math.abs(deltaSeconds);
  if (abs < 0.5) return 'at the join';
  const text = abs >= 5400 ? `${formatNumber(round1(abs / 3600))} h` : abs >= 120 ? `${formatNumber(round1(abs / 60))} min` : `${formatNumber(round1(abs))} s`;
  return `${text} ${deltaSeconds > 0 ? 'after' : 'before'} join`;
}

/** Epoch seconds as ISO 8601 UTC, or null when the number cannot be a date. */
export function epochSecondsIso(s: number): string | null {
  if (!Number.isFinite(s)) return null;
  const d = new Date(s * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export const API_LABEL: Record<AttemptApi, string> = {
  'client-view': 'client view',
  'component-view': 'component view',
  wire: 'wire',
  'video-sdk': 'Video SDK client',
};

/** "Meeting SDK" / "Video SDK": attempts recorded before Video SDK support carry no sdk and are Meeting SDK joins. */
export function sdkLabel(a: Pick<JoinAttempt, 'sdk'>): string {
  return a.sdk === 'video' ? 'Video SDK' : 'Meeting SDK';
}

export function methodLabel(a: Pick<JoinAttempt, 'api' | 'method'>): string {
  return a.method ?? API_LABEL[a.api] ?? String(a.api);
}

/** The code shown in the outcome column and in `data-code`. */
export function outcomeCode(o: Outcome): number | null {
  return o.kind === 'failure' ? o.code ?? o.serverCode ?? null : null;
}

/**
 * One line for the outcome column: "3712 Signature is invalid.", "silent refusal: …". A Video SDK
 * join shows the SDK's reason ("200 Verify JWT failed"): its errorCode 200 covers several server
 * answers, and the reason is what tells them apart (docs/zoom-facts.md "Video SDK").
 */
export function describeOutcome(o: Outcome, sdk?: JoinAttempt['sdk']): string {
  switch (o.kind) {
    case 'success':
      return successLabel(o);
    case 'failure': {
      const code = outcomeCode(o);
      const msg = (sdk === 'video' ? o.message || o.serverMessage : o.serverMessage || o.message) || o.type || 'failed';
      return code === null ? msg : `${code} ${msg}`;
    }
    case 'silent-refusal':
      return `silent refusal: ${o.reason}`;
    case 'timeout':
      return `timeout after ${formatNumber(round1(o.afterMs / 1000))} s`;
    case 'superseded':
      return `superseded: ${o.reason}`;
    case 'pending':
      return 'pending';
  }
}

/**
 * The issuing endpoint without the query (which may carry user data): just the path when it is on
 * the page's own origin (the usual case, and what fits a narrow column), else host + path.
 */
export function issuerLabel(url: string, pageUrl?: string | null): string {
  try {
    const u = new URL(url);
    if (pageUrl && new URL(pageUrl).origin === u.origin) return u.pathname;
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Host of the inspected page for file names; "page" when unknown. */
export function pageHost(url: string | null | undefined): string {
  if (!url) return 'page';
  try {
    const h = new URL(url).host;
    return h ? h.replace(/[^a-zA-Z0-9.-]+/g, '_') : 'page';
  } catch {
    return 'page';
  }
}

/** Local time for file names: 2026-11-29T03-20-05 (no characters file systems dislike). */
export function fileTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;
}

/** The signature argument as a short description when it is not a string. */
export function describeNonString(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}
