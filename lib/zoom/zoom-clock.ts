/**
 * Zoom's clock against the browser's, from the `Date` headers of Zoom's answers. The one
 * implementation behind live capture (the devtools page sees each finished request) and HAR
 * import (each entry): both turn an exchange into a sample here, and both pick an attempt's
 * clock here, so the same exchanges give the same answer on either path.
 *
 * Why only fresh answers count: a CDN hit on source.zoom.us keeps the origin's `Date` and adds
 * `Age`, a browser-cache hit (and a 304 revalidation) replays an older response's headers, and a
 * proxy cache may strip `Age` but still serve yesterday's `Date`. None of these says what time it
 * is at Zoom now; one of them taken at face value turns a correct token into "iat 1 h in the
 * future". The join request itself (`wc/info`, a POST, never cached) is the best witness: its
 * answer was stamped by the very service that judged the token.
 *
 * Uncertainty of one sample: `Date` is truncated to the second, so the server's time lies in
 * [Date, Date + 1 s) (±500 ms around Date + 500 ms), and it was stamped at an unknown moment of
 * the server's wait, taken as its middle (± half the wait).
 */

/** One answer from a Zoom host, as a HAR entry or the devtools network API describes it. */
export interface ZoomExchange {
  host: string;
  method: string;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  /** Request start on the browser's clock, epoch ms. */
  startedAt: number | null;
  /** When the request was fully sent, relative to startedAt (0 when the timings are unknown). */
  waitStartMs: number;
  /** Time to first byte after sending (0 when unknown). */
  waitMs: number;
  /** Whole exchange, ms. */
  totalMs: number;
  date: string | null;
  age: string | null;
  /** Served from the browser's cache (Chrome's `_fromCache`). */
  fromCache: boolean;
  /** The signature this request carried (the SDK's join request), when it is one. */
  token?: string | null;
}

export type SampleRejection = 'no-answer' | 'no-start' | 'no-date' | 'browser-cache' | 'not-modified' | 'cdn-age' | 'stale-date';

export const SAMPLE_REJECTION_TEXT: Record<SampleRejection, string> = {
  'no-answer': 'no answer',
  'no-start': 'no request time',
  'no-date': 'no Date header',
  'browser-cache': "served from the browser's cache",
  'not-modified': '304 Not Modified (an old answer revalidated)',
  'cdn-age': 'a CDN cache hit (Age > 0)',
  'stale-date': 'Date far older than the request (a cached copy)',
};

export interface ClockSample {
  host: string;
  /** Zoom's clock minus the browser's, ms. */
  offsetMs: number;
  /** Half-width of the interval the true offset lies in, ms. */
  uncertaintyMs: number;
  /** Browser time the sample describes (middle of the server's wait), epoch ms. */
  at: number;
  /** The answer to a join request (wc/info, wc/lsdk). */
  join: boolean;
  /** Fingerprint of the signature the request carried, to match it to its attempt. */
  tokenKey: string | null;
}

/**
 * A GET answer whose Date is this much older than its request was served from a cache that
 * hid itself. Five minutes is far beyond network delay and far below the cache lifetimes of
 * Zoom's static assets (hours), and a browser clock off by more than that is rare enough that
 * a join request (exempt: a POST is never cached, a JSONP GET carries the token) is the better witness.
 */
export const STALE_DATE_TOLERANCE_MS = 5 * 60_000;
/** Fresh answers this close to a join describe its clock when it has no answer of its own. */
export const NEAR_JOIN_MS = 10 * 60_000;
/** Estimates that disagree with the median by more than this (or their own uncertainty) are outliers. */
export const CONSISTENCY_MS = 2_000;

/** FNV-1a of the trimmed token: matches a join request to its attempt without keeping the token twice. */
export function tokenKey(token: unknown): string | null {
  if (typeof token !== 'string') return null;
  const t = token.trim();
  if (t === '') return null;
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${t.length.toString(36)}:${h.toString(36)}`;
}

export type SampleResult = { ok: true; sample: ClockSample } | { ok: false; reason: SampleRejection };

export function clockSample(x: ZoomExchange): SampleResult {
  if (x.status === 0) return { ok: false, reason: 'no-answer' };
  if (x.startedAt === null || !Number.isFinite(x.startedAt)) return { ok: false, reason: 'no-start' };
  const server = x.date === null ? NaN : Date.parse(x.date);
  if (!Number.isFinite(server)) return { ok: false, reason: 'no-date' };
  if (x.fromCache) return { ok: false, reason: 'browser-cache' };
  if (x.status === 304) return { ok: false, reason: 'not-modified' };
  if (x.age !== null && Number(x.age.trim()) > 0) return { ok: false, reason: 'cdn-age' };
  const key = tokenKey(x.token);
  // A join request is exempt whatever its method: SDK 2.x–5.x send wc/info as a JSONP GET whose
  // URL carries the signature and a fresh callback name, so no shared cache can answer it (and a
  // browser-cache hit is caught above); its Date is the best witness of a far-off local clock.
  const cacheable = key === null && (x.method.toUpperCase() === 'GET' || x.method.toUpperCase() === 'HEAD');
  if (cacheable && server < x.startedAt - STALE_DATE_TOLERANCE_MS) return { ok: false, reason: 'stale-date' };
  const [from, span] = x.waitMs > 0 ? [x.startedAt + x.waitStartMs, x.waitMs] : [x.startedAt, Math.max(0, x.totalMs)];
  const at = from + span / 2;
  return {
    ok: true,
    sample: {
      host: x.host,
      offsetMs: Math.round(server + 500 - at),
      uncertaintyMs: Math.round(500 + span / 2),
      at: Math.round(at),
      join: key !== null,
      tokenKey: key,
    },
  };
}

/** The clock an attempt's time checks use, and what it rests on. */
export interface AttemptClock {
  offsetMs: number;
  uncertaintyMs: number;
  basis: 'own-answer' | 'nearby-answers';
  /** How many fresh answers it rests on. */
  samples: number;
  /** "the Date of its own join answer (zoom.us)", "median of 4 fresh Date headers (zoom.us, …)". */
  source: string;
}

export interface ClockVerdict {
  clock: AttemptClock | null;
  /** Why there is none, when there is none. */
  note: string | null;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

/** An answer's middle may read up to this much before the call that sent it (two clocks, rounded). */
const OWN_ANSWER_SLACK_MS = 1000;

/** Index of the first sample at or after t in samples sorted by time (their length when none is). */
function firstAtOrAfter(xs: readonly ClockSample[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** At most this many answers nearest the join make its median: enough to outvote outliers, bounded per join. */
export const NEAREST_SAMPLES = 15;

/**
 * Samples ordered for lookups that stay cheap however many joins a HAR holds: by token for a
 * join's own answer, by time for the answers nearest a join.
 */
export class ClockIndex {
  private readonly byTime: ClockSample[];
  private readonly byToken = new Map<string, ClockSample[]>();

  constructor(samples: readonly ClockSample[]) {
    this.byTime = [...samples].sort((a, b) => a.at - b.at);
    for (const s of this.byTime) {
      if (s.tokenKey === null) continue;
      const list = this.byToken.get(s.tokenKey);
      if (list) list.push(s);
      else this.byToken.set(s.tokenKey, [s]);
    }
  }

  get size(): number {
    return this.byTime.length;
  }

  /**
   * The answer to this call's own request: the first answer carrying its token at or after the
   * call; else the latest within OWN_ANSWER_SLACK_MS before it. Not simply the first within the
   * slack: a backend that rounds iat (Java's 128 s steps) signs byte-identical tokens, and a join
   * called less than a second after the previous one took that one's answer, whose 1 s Date can
   * put the clock half a second off and hide an iat that Zoom saw in the future.
   */
  ownAnswer(calledAt: number, key: string | null): ClockSample | null {
    if (key === null) return null;
    const xs = this.byToken.get(key);
    if (!xs) return null;
    // Searched, not walked: a session whose joins all send one token would make the walk quadratic.
    const i = firstAtOrAfter(xs, calledAt);
    if (i < xs.length) return xs[i]!;
    const before = xs[i - 1];
    return before !== undefined && before.at >= calledAt - OWN_ANSWER_SLACK_MS ? before : null;
  }

  /** Up to NEAREST_SAMPLES answers within NEAR_JOIN_MS of t, nearest first. */
  nearest(t: number): ClockSample[] {
    const xs = this.byTime;
    const lo = firstAtOrAfter(xs, t);
    const out: ClockSample[] = [];
    let l = lo - 1;
    let r = lo;
    while (out.length < NEAREST_SAMPLES) {
      const dl = l >= 0 ? t - xs[l]!.at : Infinity;
      const dr = r < xs.length ? xs[r]!.at - t : Infinity;
      const d = Math.min(dl, dr);
      if (d > NEAR_JOIN_MS) break;
      out.push(dl <= dr ? xs[l--]! : xs[r++]!);
    }
    return out;
  }
}

/**
 * Zoom's clock for one join: the answer to its own join request when there is one (matched by
 * token, the first answer at or after the call), else the median of the fresh answers nearest
 * to it (within NEAR_JOIN_MS) once outliers are dropped; none when the answers disagree so much
 * that no majority agrees, because a time finding must not rest on that.
 */
export function clockForAttempt(calledAt: number, token: unknown, index: ClockIndex): ClockVerdict {
  const own = Number.isFinite(calledAt) ? index.ownAnswer(calledAt, tokenKey(token)) : null;
  if (own) {
    return {
      clock: { offsetMs: own.offsetMs, uncertaintyMs: own.uncertaintyMs, basis: 'own-answer', samples: 1, source: `the Date of its own join answer (${own.host})` },
      note: null,
    };
  }
  const near = Number.isFinite(calledAt) ? index.nearest(calledAt) : [];
  if (near.length === 0) return { clock: null, note: index.size ? 'no fresh answer from Zoom within 10 min of the join' : null };
  const m = median(near.map((s) => s.offsetMs));
  const agree = near.filter((s) => Math.abs(s.offsetMs - m) <= Math.max(CONSISTENCY_MS, s.uncertaintyMs));
  // Loops, not Math.max(...xs): spread into arguments, a long session's samples overflow the stack (RangeError).
  if (agree.length * 2 <= near.length) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of near) {
      if (s.offsetMs < lo) lo = s.offsetMs;
      if (s.offsetMs > hi) hi = s.offsetMs;
    }
    return { clock: null, note: `the ${near.length} fresh answers from Zoom near the join disagree by up to ${Math.round((hi - lo) / 1000)} s` };
  }
  const offsetMs = median(agree.map((s) => s.offsetMs));
  let spread = -Infinity;
  for (const s of agree) spread = Math.max(spread, Math.abs(s.offsetMs - offsetMs));
  const uncertaintyMs = Math.max(median(agree.map((s) => s.uncertaintyMs)), spread);
  const hosts = [...new Set(agree.map((s) => s.host))].join(', ');
  const dropped = near.length - agree.length;
  return {
    clock: {
      offsetMs,
      uncertaintyMs,
      basis: 'nearby-answers',
      samples: agree.length,
      source: `${agree.length === 1 ? 'the Date header of a fresh answer' : `the median of ${agree.length} fresh Date headers`} from ${hosts} near the join${dropped ? ` (${dropped} outlier${dropped === 1 ? '' : 's'} left out)` : ''}`,
    },
    note: null,
  };
}

/** Samples kept per tab: a page makes few requests to Zoom's hosts, and old ones stop mattering. */
export const MAX_CLOCK_SAMPLES = 64;

/** What a tab (or a HAR) knows about Zoom's clock: fresh samples, and what was left out and why. */
export interface ClockEvidence {
  samples: ClockSample[];
  rejected: Partial<Record<SampleRejection, number>>;
}

export function emptyClockEvidence(): ClockEvidence {
  return { samples: [], rejected: {} };
}

/** Adds one exchange's result; returns the sample when it was kept. Bounded, oldest dropped. */
export function recordSample(ev: ClockEvidence, r: SampleResult, cap = MAX_CLOCK_SAMPLES): ClockSample | null {
  if (!r.ok) {
    ev.rejected[r.reason] = (ev.rejected[r.reason] ?? 0) + 1;
    return null;
  }
  ev.samples.push(r.sample);
  if (ev.samples.length > cap) ev.samples.splice(0, ev.samples.length - cap);
  return r.sample;
}

/** "left out: 12 CDN cache hits (Age > 0), 3 served from the browser's cache". */
export function rejectedText(rejected: ClockEvidence['rejected']): string {
  const parts = (Object.entries(rejected) as Array<[SampleRejection, number]>)
    .filter(([r, n]) => n > 0 && r !== 'no-answer')
    .map(([r, n]) => `${n} ${SAMPLE_REJECTION_TEXT[r]}`);
  return parts.join(', ');
}

/** Sets an attempt's clock fields from a verdict. Kept apart so capture and HAR write the same fields. */
export function applyClock(a: { clockOffsetMs?: number | null; clockOffsetSource?: string | null; clockUncertaintyMs?: number | null; clockNote?: string | null }, v: ClockVerdict): boolean {
  const before = `${a.clockOffsetMs}|${a.clockOffsetSource}|${a.clockUncertaintyMs}|${a.clockNote}`;
  a.clockOffsetMs = v.clock?.offsetMs ?? null;
  a.clockOffsetSource = v.clock?.source ?? null;
  a.clockUncertaintyMs = v.clock?.uncertaintyMs ?? null;
  a.clockNote = v.note;
  return before !== `${a.clockOffsetMs}|${a.clockOffsetSource}|${a.clockUncertaintyMs}|${a.clockNote}`;
}
