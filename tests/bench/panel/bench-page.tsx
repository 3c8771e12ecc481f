/**
 * Runs inside Chromium: renders the real panel App against a store holding N attempts and times
 * (1) the first render, synchronously committed and laid out, (2) appending one attempt, and
 * (3) the session's correlation, which the log computes in a task after the render: cold (every
 * attempt analysed for the first time) and after each append (analyses cached, correlate() again).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS, PanelStoreContext } from '../../../components/state/store';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { seedSession } from '../../unit/components/fixtures';
import { correlationOf } from '../../../components/state/correlation';
import '../../../entrypoints/devtools-panel/style.css';

async function templates(): Promise<JoinAttempt[]> {
  return seedSession(40);
}

/** Fresh objects every run: the analysis cache is keyed by attempt, so reused objects would hit it. */
function session(tpl: JoinAttempt[], n: number): JoinAttempt[] {
  const out: JoinAttempt[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tpl[i % tpl.length]!;
    out[i] = { ...t, id: `b${i}`, calledAt: t.calledAt + i * 1000 };
  }
  return out;
}

async function run(n: number, runs: number) {
  const tpl = await templates();
  const first: number[] = [];
  const append: number[] = [];
  const correlationCold: number[] = [];
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
    // Before the log's own deferred task runs it: the whole session analysed and correlated once.
    const c0 = performance.now();
    correlationOf(store.getState().live.attempts);
    correlationCold.push(performance.now() - c0);

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
  return { first, append, correlationCold, correlationWarm };
}

(window as unknown as { runPanelBench: typeof run }).runPanelBench = run;
(window as unknown as { benchReady: boolean }).benchReady = true;
