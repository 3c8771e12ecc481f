/** The unsettled-join timeout, moved from the page (a page-readable global) into the relay. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTLE_TIMEOUT_MS } from '../../../lib/protocol/limits';
import type { HookTimeoutEvent } from '../../../lib/protocol/messages';
import { MAX_OPEN_JOINS, SettleTimer, settleTimeoutFor } from '../../../lib/capture/settle-timer';

/** A hook event as the relay's outbox accepted it (RelayQueue.hookMessage). */
const msg = (e: Record<string, unknown>) => e;

function harness(timeoutMs: () => Promise<number> = async () => 1000) {
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const emitted: HookTimeoutEvent[] = [];
  const t = new SettleTimer({ setTimeout: (fn, ms) => timers.push({ fn, ms }), now: () => 42, timeoutMs, emit: (e) => emitted.push(e) });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { t, timers, emitted, flush };
}

describe('settle timer', () => {
  it('a join that never calls back is reported as a timeout after the page’s timeout, once', async () => {
    const h = harness();
    h.t.observe(msg({ t: 'call', id: 'n:1', method: 'ZoomMtg.join' }));
    await h.flush();
    expect(h.timers.map((x) => x.ms)).toEqual([1000]);
    h.timers[0]!.fn();
    h.timers[0]!.fn();
    expect(h.emitted).toEqual([{ t: 'timeout', id: 'n:1', afterMs: 1000, at: 42 }]);
  });

  it('a join that settled before its timer fired reports no timeout', async () => {
    const h = harness();
    h.t.observe(msg({ t: 'call', id: 'n:1', method: 'client.join' }));
    h.t.observe(msg({ t: 'settle', id: 'n:1', ok: false, res: null }));
    await h.flush();
    h.timers[0]!.fn();
    expect(h.emitted).toEqual([]);
  });

  it('an init that never calls back (the join never starts) is reported like a join; one that called back is not', async () => {
    const h = harness();
    h.t.observe(msg({ t: 'call', id: 'n:1', method: 'ZoomMtg.init' }));
    h.t.observe(msg({ t: 'call', id: 'n:2', method: 'video.init' }));
    h.t.observe(msg({ t: 'settle', id: 'n:2', ok: true, res: null }));
    await h.flush();
    for (const x of h.timers) x.fn();
    expect(h.emitted).toEqual([{ t: 'timeout', id: 'n:1', afterMs: 1000, at: 42 }]);
  });

  it('garbage, oversized or forged-looking events are ignored, not thrown on', async () => {
    const h = harness();
    for (const d of [null, 42, '{', msg({ t: 'call' }), msg({ t: 'call', id: 7, method: 'ZoomMtg.join' }), 'x'.repeat(70_000), JSON.stringify({ e: { t: 'call', id: 'n:1' } })]) h.t.observe(d);
    await h.flush();
    expect(h.timers).toEqual([]);
  });

  it('a page calling join in a loop gets at most MAX_OPEN_JOINS timers at once', async () => {
    const h = harness();
    for (let i = 0; i < MAX_OPEN_JOINS + 50; i++) h.t.observe(msg({ t: 'call', id: `n:${i}`, method: 'ZoomMtg.join' }));
    await h.flush();
    expect(h.timers).toHaveLength(MAX_OPEN_JOINS);
  });

  it('storage that cannot be read leaves the default timeout', async () => {
    const h = harness(() => Promise.reject(new Error('context invalidated')));
    h.t.observe(msg({ t: 'call', id: 'n:1', method: 'ZoomMtg.join' }));
    await h.flush();
    expect(h.timers.map((x) => x.ms)).toEqual([DEFAULT_SETTLE_TIMEOUT_MS]);
  });
});

describe('settleTimeoutFor (storage.local overrides, tests and the lab)', () => {
  it('the first override whose key is part of the page URL wins; bad values and other pages get the default', () => {
    const o = { 'case=a': 8000, 'case=b': -1, 'case=c': 'soon' };
    expect(settleTimeoutFor(o, 'http://127.0.0.1/client.html?case=a')).toBe(8000);
    expect(settleTimeoutFor(o, 'http://127.0.0.1/client.html?case=b')).toBe(DEFAULT_SETTLE_TIMEOUT_MS);
    expect(settleTimeoutFor(o, 'http://127.0.0.1/client.html?case=c')).toBe(DEFAULT_SETTLE_TIMEOUT_MS);
    expect(settleTimeoutFor(o, 'http://127.0.0.1/other.html')).toBe(DEFAULT_SETTLE_TIMEOUT_MS);
    expect(settleTimeoutFor(undefined, 'http://x/')).toBe(DEFAULT_SETTLE_TIMEOUT_MS);
  });
});
