/**
 * Zoom's clock against the recording browser's, from the `Date` headers of Zoom's responses.
 *
 * Zoom stamps `Date` while it handles the request, i.e. somewhere between the moment the request
 * was fully sent and the moment the first response byte arrived (HAR `timings.wait`). With equal
 * one-way delays the best local estimate of that moment is the middle of the wait: the half
 * round-trip correction. `Date` also has 1 s resolution and is truncated, so the true server time
 * lies in [Date, Date + 1 s): add 500 ms for the expected value. Each sample is thus good to about
 * ±(500 ms + wait/2); the median over all of Zoom's responses damps outliers (a slow response, a
 * load balancer node with its own clock). When the HAR has no timings the whole entry is used.
 *
 * Cached responses are left out: a browser-cache hit replays an old response's headers, and a
 * CDN hit (source.zoom.us) keeps the origin's Date and adds `Age`, so neither says what time it is now.
 */
import { clockOffsetMs } from '../capture/issuance';
import type { EntryView } from './entry';
import { header } from './entry';
import type { HarClock } from './types';

export interface ClockSample {
  entry: number;
  host: string;
  offsetMs: number;
}

export function clockSample(e: EntryView, host: string): ClockSample | null {
  if (e.status === 0 || e.startedAt === null || e.fromCache) return null;
  const age = header(e.responseHeaders, 'age');
  if (age !== null && Number(age) > 0) return null;
  const date = header(e.responseHeaders, 'date');
  const offset = e.waitMs > 0 ? clockOffsetMs(date, e.startedAt + e.waitStartMs, e.waitMs) : clockOffsetMs(date, e.startedAt, e.totalMs);
  return offset === null ? null : { entry: e.index, host, offsetMs: offset };
}

export function sessionClock(samples: readonly ClockSample[]): HarClock {
  if (samples.length === 0) return { offsetMs: null, samples: 0, minMs: null, maxMs: null, source: null };
  const sorted = samples.map((s) => s.offsetMs).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  const hosts = [...new Set(samples.map((s) => s.host))];
  return { offsetMs: median, samples: samples.length, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, source: hosts.join(', ') };
}
