/**
 * A HAR entry (from a file, or the devtools network API, which hands out the same shape) as a
 * Zoom exchange for the shared clock module, and the session-wide summary of Zoom's clock a HAR
 * import reports. Which answers count, and how an attempt's clock is chosen, is decided in
 * lib/zoom/zoom-clock.ts for both paths.
 */
import type { ClockEvidence, ZoomExchange } from '../zoom/zoom-clock';
import { rejectedText } from '../zoom/zoom-clock';
import type { EntryView } from './entry';
import { header } from './entry';
import type { HarClock } from './types';

export function zoomExchange(e: EntryView, host: string, token: string | null): ZoomExchange {
  return {
    host,
    method: e.method,
    status: e.status,
    startedAt: e.startedAt,
    waitStartMs: e.waitStartMs,
    waitMs: e.waitMs,
    totalMs: e.totalMs,
    date: header(e.responseHeaders, 'date'),
    age: header(e.responseHeaders, 'age'),
    fromCache: e.fromCache,
    token,
  };
}

/** The whole recording's view of Zoom's clock (per-attempt clocks are chosen in assemble). */
export function sessionClock(ev: ClockEvidence): HarClock {
  const samples = ev.samples;
  const left = rejectedText(ev.rejected);
  if (samples.length === 0) return { offsetMs: null, samples: 0, minMs: null, maxMs: null, source: null, leftOut: left || null };
  const sorted = samples.map((s) => s.offsetMs).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  const hosts = [...new Set(samples.map((s) => s.host))];
  return { offsetMs: median, samples: samples.length, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, source: hosts.join(', '), leftOut: left || null };
}
