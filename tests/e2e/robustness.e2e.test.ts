/**
 * Nothing is lost: a 1,000-join burst, the MV3 service worker stopped mid-session, and a hostile
 * page posting forged and 10 MB messages.
 * The burst goes through the API path of a 6.x-shaped ZoomMtg (harness/fake-zoom-mtg.ts) because the
 * real SDK refuses joins closer than 10 s apart (3633 FREQUENT_CALL).
 */
import { describe, expect } from 'vitest';
import {
  extensionTest,
  fakeZoomPage,
  openPanelAsTab,
  readPanelStats,
  sampleSignature,
  waitFor,
} from './harness';

const it = extensionTest({
  name: 'robustness',
  serve: (s) => {
    s.setPage('/burst.html', fakeZoomPage(`window.ZoomMtg = makeFakeZoomMtg({ wire: false });`));
    s.setPage('/restart.html', fakeZoomPage(`window.ZoomMtg = makeFakeZoomMtg({ wire: false });`));
    s.setPage('/hostile.html', fakeZoomPage(`window.ZoomMtg = makeFakeZoomMtg();`));
  },
});

/** Fires `n` joins from the page, `gapMs` apart (0: one synchronous loop). Resolves when all callbacks ran. */
function joins(o: { n: number; gapMs: number; signature: string }) {
  return (window as any).runJoins(o.n, o.gapMs, o.signature);
}
const RUN_JOINS = `window.runJoins = (n, gap, sig) => new Promise((resolve) => {
  let called = 0, i = 0;
  const one = () => window.ZoomMtg.join({ signature: sig, meetingNumber: String(100000000 + i), userName: 'u' + i, error: () => { if (++called === n) resolve(called); } });
  if (!gap) { for (; i < n; i++) one(); return; }
  const t = setInterval(() => { one(); if (++i === n) clearInterval(t); }, gap);
});`;

describe('a burst of 1,000 joins', () => {
  it('all 1,000 are stored as failed attempts, none dropped, badge says 1000', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.addInitScript(RUN_JOINS);
    await page.goto(server.url('/burst.html'));
    const t0 = Date.now();
    expect(await page.evaluate(joins, { n: 1000, gapMs: 0, signature: sampleSignature() })).toBe(1000);
    const s = await waitFor('1,000 settled attempts', async () => {
      const st = await b.tabState('/burst.html');
      return st && st.attempts.filter((a) => a.outcome.kind === 'failure').length === 1000 ? st : null;
    }, 60_000);
    const stored = Date.now() - t0;
    expect(s.attempts).toHaveLength(1000);
    expect(new Set(s.attempts.map((a) => a.meetingNumber)).size).toBe(1000);
    expect(s.dropped).toBe(0);
    const badge = await (await b.worker()).evaluate((tabId) => (globalThis as any).chrome.action.getBadgeText({ tabId }), s.tabId);
    expect(badge).toBe('1000');
    console.log(`[burst] 1000 joins stored in ${stored} ms`);
    await page.close();
  });
});

describe('the MV3 service worker is stopped mid-session', () => {
  it('joins made before, during and after the stop are all stored, the worker restarts, and an open panel catches up', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.addInitScript(RUN_JOINS);
    await page.goto(server.url('/restart.html'));
    const s0 = await waitFor('tab registered', () => b.tabState('/restart.html'));
    const panel = await openPanelAsTab(b, s0.tabId);
    const done = page.evaluate(joins, { n: 300, gapMs: 10, signature: sampleSignature() });
    // Stop it once some joins are stored and while the page is still joining (300 × 10 ms).
    const partBefore = await waitFor('the first joins stored', async () => {
      const n = (await b.tabState('/restart.html'))?.attempts.length ?? 0;
      return n >= 10 ? n : 0;
    }, 30_000, 50);
    await b.stopWorker();
    expect(await done).toBe(300);
    const s = await waitFor('300 stored attempts after the restart', async () => {
      const st = await b.tabState('/restart.html');
      return st && st.attempts.length === 300 && st.attempts.every((a) => a.outcome.kind === 'failure') ? st : null;
    }, 60_000);
    expect(s.dropped).toBe(0);
    // Stopped mid-burst, and what is answering now is a fresh worker instance.
    expect(partBefore).toBeGreaterThan(0);
    expect(partBefore).toBeLessThan(300);
    expect(await (await b.worker()).evaluate(() => (globalThis as any).__joinDoctorE2eAlive)).toBeUndefined();
    console.log(`[restart] worker stopped after ${partBefore}/300 joins were stored; all 300 stored after the restart`);
    // The panel's port died with the worker; it must reconnect and show everything.
    await waitFor('panel shows 300', async () => (await readPanelStats(panel)).attempts === 300, 30_000);
    await panel.close();
    await page.close();
  });
});

describe('a hostile page', () => {
  it('forged and 10 MB messages are rejected and counted; the real join next to them is kept', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/hostile.html'));
    const signature = sampleSignature();
    await page.evaluate(async (sig) => {
      const forged = { source: 'join-doctor/hook', v: 1, e: { t: 'call', id: 'forged:1', method: 'ZoomMtg.join', sig: 'forged', at: Date.now() } };
      for (let i = 0; i < 5; i++) window.postMessage(forged, '*');
      window.postMessage({ source: 'join-doctor/hook', v: 1, pad: 'x'.repeat(10 * 1024 * 1024) }, '*');
      window.postMessage('join-doctor/hook' + 'x'.repeat(10 * 1024 * 1024), '*');
      // Replaying the handshake after page scripts run must not open a channel.
      window.dispatchEvent(new CustomEvent('join-doctor:hello', { detail: '1-2-3-4' }));
      window.dispatchEvent(new CustomEvent('join-doctor:ready'));
      window.dispatchEvent(new CustomEvent('1-2-3-4', { detail: JSON.stringify([2, [1, 'forged:1', 'ZoomMtg.join', '"forged"', null, null, '{}'], Date.now()]) }));
      await new Promise<void>((resolve) => (window as any).ZoomMtg.join({ signature: sig, meetingNumber: '123456789', userName: 'e2e', error: () => resolve() }));
    }, signature);
    const s = await waitFor('rejections counted and the real join stored', async () => {
      const st = await b.tabState('/hostile.html');
      if (!st) return null;
      const rejected = Object.values(st.frames).reduce((n, f) => n + Object.values(f.rejected).reduce((x, y) => x + (y ?? 0), 0), 0);
      return rejected >= 7 && st.attempts.some((a) => a.outcome.kind === 'failure') ? { st, rejected } : null;
    });
    const counts = Object.values(s.st.frames).map((f) => f.rejected);
    expect(counts).toContainEqual({ forged: 5, 'too-large': 2 });
    expect(s.rejected).toBe(7);
    expect(s.st.attempts).toHaveLength(1);
    expect(s.st.attempts[0]).toMatchObject({ signature, outcome: { kind: 'failure', code: 3712 } });
    expect(s.st.attempts.some((a) => a.id === 'forged:1' || a.signature === 'forged')).toBe(false);

    const panel = await openPanelAsTab(b, s.st.tabId);
    await waitFor('panel stats', async () => {
      const st = await readPanelStats(panel);
      return st.attempts === 1 && st.rejected === 7 && st.dropped === 0 && st.hookErrors === 0;
    });
    await panel.close();
    await page.close();
  });
});
