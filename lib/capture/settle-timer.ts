/**
 * The unsettled-join timeout, kept by the relay (ISOLATED world) rather than the page hook: a
 * setting the hook read from the page (`window.__joinDoctorTimeoutMs`) was one any page could see
 * and set (issue 20 §2). The relay watches the hook's events: a join's `call` starts a timer, its
 * `settle` stops it, and a timer that fires first becomes a `timeout` event, as the hook used to
 * send it. An init's `call` starts one too (it is sent when init is called). Browser APIs come in
 * as deps, so this runs in unit tests.
 *
 * Tests and the lab shorten the timeout per page through `storage.local`
 * (`SETTLE_TIMEOUT_OVERRIDES_KEY`: `{ [part of the page URL]: ms }`), which pages cannot reach.
 */
import { DEFAULT_SETTLE_TIMEOUT_MS } from '../protocol/limits';
import type { HookTimeoutEvent } from '../protocol/messages';

/** storage.local key: `{ [substring of the page URL]: timeout in ms }` (tests and the lab only). */
export const SETTLE_TIMEOUT_OVERRIDES_KEY = 'settleTimeoutOverrides';

/** Most joins waiting at once per document; a page calling join in a loop gets no more timers. */
export const MAX_OPEN_JOINS = 200;

/** The timeout for a page: the first override whose key occurs in its URL, else the default. */
export function settleTimeoutFor(overrides: unknown, url: string): number {
  if (overrides && typeof overrides === 'object') {
    for (const [part, ms] of Object.entries(overrides)) {
      if (url.includes(part) && typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return ms;
    }
  }
  return DEFAULT_SETTLE_TIMEOUT_MS;
}

export interface SettleTimerDeps {
  setTimeout(fn: () => void, ms: number): unknown;
  now(): number;
  /** This page's timeout (read when each join starts, so a test can change it between joins). */
  timeoutMs(): Promise<number>;
  emit(e: HookTimeoutEvent): void;
}

export class SettleTimer {
  private open = new Set<string>();

  constructor(private deps: SettleTimerDeps) {}

  /** A hook event the relay accepted (RelayQueue.hookMessage); anything else is ignored. */
  observe(event: unknown) {
    const e = event as { t?: unknown; id?: unknown } | null;
    if (!e || typeof e !== 'object' || typeof e.id !== 'string') return;
    if (e.t === 'settle') this.open.delete(e.id);
    // Inits too: an init that never calls back is a join that never started (lib/capture/merge.ts).
    else if (e.t === 'call') this.start(e.id);
  }

  private start(id: string) {
    if (this.open.has(id) || this.open.size >= MAX_OPEN_JOINS) return;
    this.open.add(id);
    void this.deps
      .timeoutMs()
      .catch(() => DEFAULT_SETTLE_TIMEOUT_MS)
      .then((ms) =>
      this.deps.setTimeout(() => {
        if (this.open.delete(id)) this.deps.emit({ t: 'timeout', id, afterMs: ms, at: this.deps.now() });
      }, ms),
    );
  }
}
