/**
 * The session's correlation, shared by the log's causes, the inspector's answer, the Correlation
 * view and exports. Each list keeps a running correlation (lib/correlate/accumulator.ts) on its
 * index (components/state/session-index.ts): a list the store derived from the previous one by
 * appending a join adds that one join to the sums instead of correlating 100,000 again.
 *
 * The first correlation of a long session analyses every join (tens of microseconds each, seconds
 * at 100,000). The panel does it in the background, a few milliseconds per task, so the log is on
 * screen and the filter box answers while it runs (`requestCorrelation`, `useSessionCorrelation`);
 * `correlationOf` computes at once, for what cannot wait (an export, a short session).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useEffect, useRef } from 'react';
import { correlate, type Correlation, type CorrelationItem } from '../../lib/correlate';
import { CorrelationAccumulator } from '../../lib/correlate/accumulator';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analysisOf, notePreviousJoins } from './analysis';
import { sessionSecret, useSecretVersion, withoutSessionSecret } from './session-secret';
import { sessionIndex, type RunningCorrelation, type SessionIndex } from './session-index';

/** Up to this many joins, a view that needs the correlation computes it at once (well under 200 ms cold). */
export const SYNC_CORRELATE_MAX = 2000;
/** One background task's share of the analysis: well inside a 16 ms frame, so input and paint interleave. */
const SLICE_MS = 6;

const cache = new WeakMap<readonly JoinAttempt[], { version: number; correlation: Correlation }>();

export function correlationItems(attempts: readonly JoinAttempt[]): CorrelationItem[] {
  notePreviousJoins(attempts);
  return attempts.map((attempt) => ({ attempt, analysis: analysisOf(attempt) }));
}

/** The list's running correlation for the current secret version; null when its ids repeat (then correlate() runs whole). */
function running(attempts: readonly JoinAttempt[]): RunningCorrelation | null {
  const idx = sessionIndex(attempts);
  if (idx.duplicateIds) return null;
  const version = sessionSecret.getState().version;
  // A secret check landed: every analysis may differ, so the sums start again.
  if (!idx.correlation || idx.correlation.version !== version) idx.correlation = { acc: new CorrelationAccumulator(), version, fed: 0, stale: new Set() };
  return idx.correlation;
}

/** Analyses the joins the running correlation lacks (replaced ones, then new ones) while `more()`; true when none is left. */
function feed(attempts: readonly JoinAttempt[], run: RunningCorrelation, more: () => boolean): boolean {
  notePreviousJoins(attempts);
  const item = (at: number): CorrelationItem => ({ attempt: attempts[at]!, analysis: analysisOf(attempts[at]!) });
  for (const at of run.stale) {
    if (!more()) return false;
    run.stale.delete(at);
    run.acc.replace(at, item(at));
  }
  while (run.fed < attempts.length) {
    if (!more()) return false;
    run.acc.push(item(run.fed));
    run.fed++;
  }
  return true;
}

/** Computed now (only what the running correlation lacks); cached per list and secret version. */
export function correlationOf(attempts: readonly JoinAttempt[]): Correlation {
  const version = sessionSecret.getState().version;
  const hit = cache.get(attempts);
  if (hit && hit.version === version) return hit.correlation;
  const run = running(attempts);
  let correlation: Correlation;
  if (run) {
    feed(attempts, run, () => true);
    correlation = run.acc.result();
  } else {
    correlation = correlate(correlationItems(attempts));
  }
  // Its texts quote attempts too (issuer URLs), not only the already scrubbed analyses.
  correlation = withoutSessionSecret(correlation);
  cache.set(attempts, { version, correlation });
  return correlation;
}

/** The correlation if it is already computed for this list and secret version; never computes. */
export function cachedCorrelation(attempts: readonly JoinAttempt[]): Correlation | null {
  const hit = cache.get(attempts);
  return hit && hit.version === sessionSecret.getState().version ? hit.correlation : null;
}

export interface CorrelationProgress {
  /** Joins analysed so far of the list being correlated in the background, and its length. */
  analysed: number;
  total: number;
  /** Bumped each time a background correlation lands, so views re-read cachedCorrelation. */
  landed: number;
}

export const correlationProgress = createStore<CorrelationProgress>(() => ({ analysed: 0, total: 0, landed: 0 }));

let wanted: readonly JoinAttempt[] | null = null;
let scheduled = false;
let lastProgress = 0;

type PostTask = (cb: () => void, opts: { priority: 'background' | 'user-visible' }) => Promise<unknown>;

/** Chromium's task scheduler at background priority (input and rendering go first); a timer elsewhere. */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const post = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (post) void post.call((globalThis as { scheduler?: unknown }).scheduler, step, { priority: 'background' });
  else setTimeout(step, 0);
}

function step(): void {
  scheduled = false;
  const attempts = wanted;
  if (!attempts) return;
  if (cachedCorrelation(attempts)) return finish();
  const run = running(attempts);
  if (!run) {
    // Repeated ids (a file that says so): no running sums, one pass.
    correlationOf(attempts);
    return finish();
  }
  const end = performance.now() + SLICE_MS;
  const done = feed(attempts, run, () => performance.now() < end);
  // Causes are placed per slice too, so the last task does not place them all.
  run.acc.settle();
  if (done) {
    correlationOf(attempts);
    return finish();
  }
  const now = performance.now();
  if (now - lastProgress > 100) {
    lastProgress = now;
    correlationProgress.setState({ analysed: run.fed, total: attempts.length });
  }
  schedule();
}

function finish(): void {
  const total = wanted?.length ?? 0;
  wanted = null;
  correlationProgress.setState((s) => ({ analysed: total, total, landed: s.landed + 1 }));
}

/**
 * Correlates the list in the background unless it already is; a newer list (a join arrived)
 * takes over the work, continuing from what the older one had analysed.
 */
export function requestCorrelation(attempts: readonly JoinAttempt[]): void {
  if (attempts.length === 0 || cachedCorrelation(attempts)) return;
  wanted = attempts;
  const run = sessionIndex(attempts).correlation;
  correlationProgress.setState({ analysed: run && run.version === sessionSecret.getState().version ? run.fed : 0, total: attempts.length });
  schedule();
}

/**
 * The session's correlation once the background has computed it (null until then); re-renders when
 * it lands. With `keepPrevious`, while a join that just arrived is being added the previous one
 * stays (the same session a join shorter, not a loading screen per join); never another session's.
 */
export function useSessionCorrelation(attempts: readonly JoinAttempt[], opts: { keepPrevious?: boolean } = {}): Correlation | null {
  const version = useSecretVersion();
  useStore(correlationProgress, (s) => s.landed);
  useEffect(() => requestCorrelation(attempts), [attempts, version]);
  const last = useRef<{ session: SessionIndex; version: number; c: Correlation } | null>(null);
  const c = cachedCorrelation(attempts);
  if (c) {
    if (opts.keepPrevious) last.current = { session: sessionIndex(attempts), version, c };
    return c;
  }
  const prev = last.current;
  return opts.keepPrevious && prev && prev.version === version && prev.session === sessionIndex(attempts) ? prev.c : null;
}

/** How far the background analysis of this list has got (for "Analysing… 40,000 of 100,000"). */
export function useCorrelationProgress(): { analysed: number; total: number } {
  const analysed = useStore(correlationProgress, (s) => s.analysed);
  const total = useStore(correlationProgress, (s) => s.total);
  return { analysed, total };
}
