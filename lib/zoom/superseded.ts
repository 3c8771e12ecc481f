/**
 * A join request the SDK replaced itself. React StrictMode runs effects twice in development
 * (mount, cleanup, mount), so an app that joins in an effect without a guard (Zoom's own Video SDK
 * sample, zoom/videosdk-web-sample src/App.tsx) calls join() twice with the same token a few
 * milliseconds apart; @zoom/videosdk 2.5.0 then aborts its first `wc/lsdk` request (measured in
 * Chromium: the abort lands ~2 ms after the second call, tests/e2e/strict-mode-double-join). That
 * request got no answer because the SDK dropped it, not because Zoom or the network failed: it is
 * marked superseded, which no failure count includes.
 *
 * The evidence required, all of it: same document, same SDK, same token; the second join called
 * within SUPERSEDE_WINDOW_MS of the first; the first's request ended with no HTTP answer (status
 * 0, no body) after the second call started, within ABORT_NEAR_MS (seen on the wire only: at most
 * WIRE_SEND_AFTER_ABORT_MS before the second request). A network failure does not line up with a
 * second identical call like that.
 */
import type { JoinAttempt } from '../model/attempt';

/** Two joins further apart than this are two joins (StrictMode's re-run is in the same task, measured 85 ms with init between). */
export const SUPERSEDE_WINDOW_MS = 3000;
/** The SDK aborts the old request when the new join starts: its end must be this close after the second call. */
export const ABORT_NEAR_MS = 1000;
/** Seen on the wire only: the new request is sent this soon after the old one was aborted (measured 1 ms). */
export const WIRE_SEND_AFTER_ABORT_MS = 20;

const token = (a: JoinAttempt) => (typeof a.signature === 'string' ? a.signature.trim() : null);

/** Whether `later` replaced `first`'s aborted request (see the module comment for the evidence). */
export function replacedBy(first: JoinAttempt, later: JoinAttempt): boolean {
  if (first === later || first.outcome.kind === 'superseded' || first.outcome.kind === 'success') return false;
  const t = token(first);
  if (t === null || t !== token(later) || (first.sdk ?? 'meeting') !== (later.sdk ?? 'meeting')) return false;
  const gap = later.calledAt - first.calledAt;
  if (!(gap >= 0 && gap <= SUPERSEDE_WINDOW_MS)) return false;
  const w = first.wire;
  if (!w || w.http !== 0 || w.accepted !== null || w.answeredAt === null) return false;
  // The SDK aborts the old request inside the new join() call, so a hooked second call comes first.
  // Seen on the wire only, the new request follows the abort within a millisecond or two. A page
  // that retries after a network error calls again only after the first request ended (its error
  // callback): that is a real failure and stays one.
  const lead = w.answeredAt - later.calledAt;
  return lead <= ABORT_NEAR_MS && lead >= (later.api === 'wire' ? -WIRE_SEND_AFTER_ABORT_MS : 0);
}

/** The outcome that says so, with why two calls happened. */
export function supersede(first: JoinAttempt, later: JoinAttempt): void {
  const gap = later.calledAt - first.calledAt;
  const what = first.sdk === 'video' ? 'wc/lsdk' : 'wc/info';
  first.outcome = {
    kind: 'superseded',
    by: later.id,
    reason:
      `the page called join() again ${gap < 1000 ? `${Math.round(gap)} ms` : `${(gap / 1000).toFixed(1)} s`} later with the same token, and the SDK cancelled this ${what} request for it; ` +
      'the later join is the one that counts. Two calls this close come from React StrictMode running effects twice in development (or an effect without a guard): harmless in development, but guard the join with a ref if it happens in production.',
  };
}
