/**
 * The relay's outbox, with its timers and the runtime channel under the test's control: what a
 * stopped MV3 worker, a refused batch or a 1,000-event burst does to what reaches the background.
 */
import { describe, expect, it } from 'vitest';
import { RELAY_TIMING, RelayQueue } from '../../../lib/capture/relay-queue';
import { MAX_BATCH_CHARS, MAX_EVENTS_PER_BATCH } from '../../../lib/protocol/limits';
import { checkRelayMessage } from '../../../lib/protocol/validate';
import type { BatchAck, HookEvent, RelayBatchMessage } from '../../../lib/protocol/messages';
import { encodeHookMessage, WIRE_RWG } from '../../../lib/protocol/hook-wire';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';
import { GOOD } from './fixtures';

/** What the hook posts for `e` (lib/protocol/hook-wire.ts). */
const hookJson = (e: HookEvent) => encodeHookMessage(e);
/** The hook's join number i + 1 (its count starts at 1), as the relay of document 'relay-1' reads it. */
const call = (i: number): HookEvent => ({ t: 'call', id: `relay-1:${i + 1}`, method: 'ZoomMtg.join', sig: GOOD, mn: null, sdkKey: null, tp: null, at: i });
/** The document's page event, which the relay puts before the first hook message that shows Zoom. */
const PAGE = { t: 'page', coi: false, o: 0 };
const events = (sent: RelayBatchMessage[]) => sent.flatMap((b) => b.events);
const stored = (seq: number): BatchAck => ({ source: SOURCE.background, v: PROTOCOL_VERSION, seq, ok: true });

/** Fake clock + fake background: `answer` decides each reply (a value, or a throw for "worker gone"). */
function harness(top: boolean, answer: (b: RelayBatchMessage, n: number) => unknown = (b) => stored(b.seq)) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const sent: RelayBatchMessage[] = [];
  const delays: number[] = [];
  const q = new RelayQueue({
    frame: { relayId: 'relay-1', url: 'http://127.0.0.1/app', top },
    document: { coi: false, o: 0 },
    send: async (b) => {
      sent.push(structuredClone(b));
      const a = answer(b, sent.length);
      if (a instanceof Error) throw a;
      return a;
    },
    setTimeout: (fn, ms) => {
      delays.push(ms);
      timers.push({ at: now + ms, fn });
    },
  });
  /** Runs timers (and the promise jobs they start) up to `ms` from now. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await new Promise((r) => setTimeout(r, 0));
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      now = next.at;
      next.fn();
    }
    now = end;
  };
  return { q, sent, delays, advance };
}

describe('relay outbox', () => {
  it('a top frame woken by Zoom first sends one page-start batch; an iframe sends nothing until it has events', async () => {
    const t = harness(true);
    t.q.start();
    await t.advance(10);
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ seq: 1, pageStart: true, events: [] });
    const f = harness(false);
    f.q.start();
    await f.advance(1000);
    expect(f.sent).toHaveLength(0);
  });

  it('a hook message that records nothing (a meeting-server message that is no join answer) is not forwarded, the join after it is, after its document\'s page event', async () => {
    const t = harness(false);
    t.q.hookMessage(JSON.stringify([2, [WIRE_RWG, JSON.stringify({ evt: 1, body: '"evt":4098' })], 1]));
    t.q.hookMessage(hookJson(call(1)));
    t.q.hookMessage(hookJson({ t: 'page', coi: null, o: 0, at: 5 }));
    await t.advance(100);
    expect(events(t.sent)).toEqual([{ ...PAGE, at: 1 }, call(1)]);
  });

  it('a burst of 1,200 events goes out in order, in batches of at most 500, each once', async () => {
    const t = harness(false);
    for (let i = 0; i < 1200; i++) t.q.hookMessage(hookJson(call(i)));
    await t.advance(1000);
    // 1,201: the document's page event comes first.
    expect(t.sent.map((b) => b.events.length)).toEqual([MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH, 201]);
    expect(t.sent.map((b) => b.seq)).toEqual([1, 2, 3]);
    expect(t.sent.flatMap((b) => b.events.map((e) => (e as { id?: string }).id ?? e.t))).toEqual(['page', ...Array.from({ length: 1200 }, (_, i) => `relay-1:${i + 1}`)]);
  });

  it('while the worker is stopped the same batch (same seq) is resent with backoff up to 3 s, then let go once stored', async () => {
    let down = true;
    const t = harness(false, (b) => (down ? new Error('Could not establish connection. Receiving end does not exist.') : stored(b.seq)));
    t.q.hookMessage(hookJson(call(1)));
    await t.advance(10_000);
    const tries = t.sent.length;
    expect(tries).toBeGreaterThan(3);
    expect(new Set(t.sent.map((b) => b.seq))).toEqual(new Set([1]));
    const retries = t.delays.filter((d) => d >= RELAY_TIMING.firstRetry);
    expect(retries.slice(0, 5)).toEqual([200, 400, 800, 1600, 3000]);
    expect(Math.max(...retries)).toBe(RELAY_TIMING.maxRetry);
    t.q.hookMessage(hookJson(call(2))); // arrives while batch 1 is still unacknowledged
    down = false;
    await t.advance(5000);
    expect(t.sent.slice(tries).map((b) => [b.seq, b.events.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    await t.advance(10_000);
    expect(t.sent.length).toBe(tries + 2); // nothing resent after the acks
  });

  it('a batch the background refused for good (ERR_REFUSED) is dropped, not resent; a store failure (ERR_STORE) is retried', async () => {
    const refused = harness(false, (b) => ({ source: SOURCE.background, v: PROTOCOL_VERSION, seq: b.seq, ok: false, error: { code: 'ERR_REFUSED', reason: 'bad-shape' } }));
    refused.q.hookMessage(hookJson(call(1)));
    await refused.advance(10_000);
    expect(refused.sent).toHaveLength(1);

    const failing = harness(false, (b, n) => (n < 3 ? { source: SOURCE.background, v: PROTOCOL_VERSION, seq: b.seq, ok: false, error: { code: 'ERR_STORE', detail: 'quota' } } : stored(b.seq)));
    failing.q.hookMessage(hookJson(call(1)));
    await failing.advance(10_000);
    expect(failing.sent.map((b) => b.seq)).toEqual([1, 1, 1]);
  });

  it('an ack for another batch or from someone else does not let the batch go', async () => {
    const t = harness(false, (b, n) => (n === 1 ? stored(b.seq + 1) : n === 2 ? { ...stored(b.seq), source: 'join-doctor/panel' } : stored(b.seq)));
    t.q.hookMessage(hookJson(call(1)));
    await t.advance(10_000);
    expect(t.sent.map((b) => b.seq)).toEqual([1, 1, 1]);
  });

  it('forged, oversized and malformed hook messages are refused and counted, cumulatively, and reach the background without any event', async () => {
    const t = harness(false);
    t.q.hookMessage('{not json');
    t.q.hookMessage('x'.repeat(70_000));
    t.q.hookMessage(encodeHookMessage(call(1), 99));
    t.q.reject('forged');
    await t.advance(1000);
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]!.events).toEqual([]);
    expect(t.sent[0]!.rejected).toEqual({ 'not-json': 1, 'too-large': 1, 'wrong-version': 1, forged: 1 });
    t.q.reject('forged');
    await t.advance(1000);
    expect(t.sent[1]!.rejected).toMatchObject({ forged: 2, 'not-json': 1 });
  });

  it("the hook's own error count is carried as its running maximum, not as events", async () => {
    const t = harness(false);
    t.q.hookMessage(hookJson({ t: 'hook-error', n: 2, at: 1 }));
    t.q.hookMessage(hookJson({ t: 'hook-error', n: 1, at: 2 }));
    await t.advance(1000);
    expect(t.sent[0]).toMatchObject({ hookErrors: 2, events: [] });
  });

  it('a flood of large events is cut into batches the background accepts (MAX_BATCH_CHARS), none lost', async () => {
    const t = harness(false);
    const big = (i: number) => hookJson({ t: 'settle', id: `relay-1:${i + 1}`, ok: false, res: 'r'.repeat(15_000), at: i });
    for (let i = 0; i < 200; i++) t.q.hookMessage(big(i));
    await t.advance(5000);
    expect(t.sent.length).toBeGreaterThan(2);
    expect(events(t.sent).filter((e) => e.t === 'settle')).toHaveLength(200);
    for (const b of t.sent) {
      expect(JSON.stringify(b.events).length).toBeLessThanOrEqual(MAX_BATCH_CHARS);
      expect(checkRelayMessage(b).ok).toBe(true);
    }
  });
});
