/**
 * Runs inside Chromium: renders the real panel App against a store holding N attempts and times
 * (1) the first render, synchronously committed and laid out, and the first frame after it;
 * (2) while the log analyses the whole session in the background (cold: every attempt analysed
 * for the first time): the longest the main thread was blocked (a probe message's wait, and the
 * browser's own long-task entries), how long a filter typed meanwhile takes to show, and when the
 * analysis is done; (3) appending one attempt; (4) the session's correlation after each append,
 * computed at once (what the log's background task does for that join).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS, PanelStoreContext } from '../../../components/state/store';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { seedSession } from '../../unit/components/fixtures';
import { cachedCorrelation, correlationOf, correlationProgress } from '../../../components/state/correlation';
import '../../../entrypoints/devtools-panel/style.css';

async function templates(): Promise<JoinAttempt[]> {
  return seedSession(40);
}

const B64U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The template's token with the last six characters of its HMAC replaced by `i` in base64url: a
 * real app signs a fresh token per join, so no two joins may share one (joins that sent the same
 * string share one decoded token, which would flatter the panel's memory). Length and shape are
 * unchanged, so the findings are the template's; nothing here verifies the HMAC.
 */
function uniqueToken(sig: unknown, i: number): unknown {
  if (typeof sig !== 'string' || sig.split('.').length !== 3 || sig.length - sig.lastIndexOf('.') - 1 < 6) return sig;
  let tail = '';
  for (let k = 0, v = i; k < 6; k++, v = Math.floor(v / 64)) tail = B64U[v % 64]! + tail;
  return sig.slice(0, -6) + tail;
}

/** Fresh objects every run: the analysis cache is keyed by attempt, so reused objects would hit it. */
function session(tpl: JoinAttempt[], n: number): JoinAttempt[] {
  const out: JoinAttempt[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tpl[i % tpl.length]!;
    out[i] = { ...t, id: `b${i}`, calledAt: t.calledAt + i * 1000, signature: uniqueToken(t.signature, i) };
  }
  return out;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

/**
 * When the bench's own timed work (the first frame, a typed filter) last ended: those have targets
 * of their own, so the probe's timer lateness does not count them as the background's.
 */
let ownWorkEnded = 0;

/**
 * How long the main thread keeps a message waiting: every few milliseconds a message is posted and
 * the wait until it runs is recorded (an input event would have waited as long). Not a continuous
 * ping-pong: a queue that is never empty would starve the background work it is meant to watch.
 */
function blockingProbe() {
  const ch = new MessageChannel();
  let posted = 0;
  let worst = 0;
  let on = true;
  let timerSet = performance.now() + 4; // the first ping is called, not timed
  ch.port1.onmessage = () => {
    worst = Math.max(worst, performance.now() - posted);
    timerSet = performance.now();
    if (on) setTimeout(ping, 4);
  };
  const ping = () => {
    posted = performance.now();
    // A pause that began while the timer was pending (a garbage collection runs as a task of its
    // own, which the long-task entries do not list) shows as the timer's lateness.
    if (ownWorkEnded < timerSet) worst = Math.max(worst, posted - timerSet - 4);
    ch.port2.postMessage(null);
  };
  ping();
  let longest = 0;
  const started = performance.now();
  // Only tasks that began after the probe: the one it starts in also built the bench's session and rendered it (timed above).
  const obs = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask') ? new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = e.startTime >= started ? Math.max(longest, e.duration) : longest))) : null;
  obs?.observe({ type: 'longtask' });
  return () => {
    on = false;
    obs?.disconnect();
    ch.port1.close();
    return Math.max(worst, longest);
  };
}

/** A task of its own, as a keystroke is: how long until it ran and the log under the filter was laid out. */
function typeFilter(store: ReturnType<typeof createPanelStore>, el: HTMLElement, text: string): Promise<number> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    const t = performance.now();
    ch.port1.onmessage = async () => {
      flushSync(() => store.getState().setFilter({ text }));
      void el.offsetHeight;
      ch.port1.close();
      // A shorter log clamps its scroll position; the rows show after the scroll event that follows.
      for (let i = 0; i < 10 && !el.querySelector('[data-testid="attempt-row"]'); i++) await frame();
      ownWorkEnded = performance.now();
      resolve(ownWorkEnded - t);
    };
    ch.port2.postMessage(null);
  });
}

function landed(list: readonly JoinAttempt[]): Promise<void> {
  return new Promise((resolve) => {
    if (cachedCorrelation(list)) return resolve();
    const off = correlationProgress.subscribe(() => {
      if (cachedCorrelation(list)) {
        off();
        resolve();
      }
    });
  });
}

async function run(n: number, runs: number) {
  const tpl = await templates();
  const first: number[] = [];
  const firstFrame: number[] = [];
  const blocking: number[] = [];
  const typing: number[] = [];
  const analysedIn: number[] = [];
  const append: number[] = [];
  const correlationWarm: number[] = [];
  const host = document.getElementById('root')!;
  for (let r = 0; r < runs; r++) {
    const attempts = session(tpl, n);
    const store = createPanelStore();
    store.getState().loadSnapshot({
      tabId: 1,
      pageUrl: 'https://app.example.test/',
      preserveLog: false,
      attempts,
      stats: { ...EMPTY_STATS, attempts: n },
      issuances: [],
      clock: null,
    });
    const el = document.createElement('div');
    el.style.height = '700px';
    host.appendChild(el);
    const root = createRoot(el);
    const t0 = performance.now();
    flushSync(() =>
      root.render(
        <PanelStoreContext.Provider value={store}>
          <App />
        </PanelStoreContext.Provider>,
      ),
    );
    void el.offsetHeight; // include style and layout, not just React's commit
    first.push(performance.now() - t0);
    if (el.querySelectorAll('[data-testid="attempt-row"]').length === 0) throw new Error('no row rendered');
    // The log has asked for the session's correlation: from here the whole session is analysed in the background.
    const stop = blockingProbe();
    // Named in a PANEL_BENCH_TRACE trace (blink.user_timing), to tell the measured window's tasks from the rest.
    performance.mark(`cold-${n}-${r}`);
    firstFrame.push((ownWorkEnded = await frame()) - t0);
    const list = store.getState().live.attempts;
    if (cachedCorrelation(list)) throw new Error('correlated before the first frame: the background analysis did not run in the background');
    // A filter typed while the analysis runs, and cleared again.
    await new Promise((r) => setTimeout(r, 100));
    typing.push(await typeFilter(store, el, 'status:3712'));
    const codes = [...el.querySelectorAll('[data-testid="attempt-row"]')].map((x) => x.getAttribute('data-code'));
    if (codes.length === 0 || codes.some((c) => c !== '3712')) throw new Error(`the typed filter did not apply: ${codes.slice(0, 5).join(',')} ${el.querySelector('[data-testid="join-log"]')?.getAttribute('data-visible-rows')}`);
    typing.push(await typeFilter(store, el, ''));
    await landed(list);
    analysedIn.push(performance.now() - t0);
    blocking.push(stop());
    performance.measure(`cold-${n}-${r}`, `cold-${n}-${r}`);

    // Several appends per run; each timed on its own.
    for (let k = 0; k < 5; k++) {
      await new Promise((r) => setTimeout(r, 20));
      const extra = { ...tpl[k % tpl.length]!, id: `extra-${r}-${k}`, calledAt: Date.now() };
      const t1 = performance.now();
      flushSync(() => store.getState().upsertAttempts([extra]));
      void el.offsetHeight;
      append.push(performance.now() - t1);
      const c1 = performance.now();
      correlationOf(store.getState().live.attempts);
      correlationWarm.push(performance.now() - c1);
    }
    const count = el.querySelector('[data-testid="attempt-count"]')?.textContent;
    if (count !== String(n + 5)) throw new Error(`attempt-count shows ${count}, expected ${n + 5}`);
    root.unmount();
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
  }
  return { first, firstFrame, blocking, typing, analysedIn, append, correlationWarm };
}

(window as unknown as { runPanelBench: typeof run }).runPanelBench = run;
(window as unknown as { benchReady: boolean }).benchReady = true;
