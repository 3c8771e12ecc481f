/**
 * Results read through the real Join Doctor DevTools panel (DevTools opened headless, driven over
 * CDP), with issuance capture via chrome.devtools.network: the page fetches its signature from its
 * own endpoint, and Zoom's Date header (30 s ahead here) gives the clock offset.
 */
import { describe, expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  clientViewPage,
  extensionTest,
  openDevToolsPanel,
  readPanelRows,
  readPanelStats,
  sampleSignature,
  waitFor,
} from './harness';

let page: Page;
let panel: Frame;
const signature = sampleSignature();

const it = extensionTest({
  name: 'devtools-panel',
  devtools: true,
  serve: (s) => {
    s.setPage('/app.html', clientViewPage());
    s.setHandler('/api/signature', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
      res.end(JSON.stringify({ signature, sdkKey: 'e2eAppKey' }));
    });
  },
});

it.beforeAll(async ({ b, server, zoom }) => {
  zoom.answer = () => ({ body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' }, dateOffsetMs: 30_000 });
  page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(server.url('/app.html'));
  panel = await openDevToolsPanel(b, '/app.html');
});

/** When the last join() had answered (so after it was called): the SDK refuses joins closer than 10 s apart (3633). */
let lastJoinAt = 0;
const joinWithFetchedSignature = async () => {
  const seen = await page.evaluate(async () => {
    const { signature: sig } = await (await fetch('/api/signature', { method: 'POST' })).json();
    return (window as any).joinNow(sig);
  });
  lastJoinAt = Date.now();
  return seen;
};

describe('the real DevTools panel', () => {
  it('shows the 3712 join as one failed row, with issuance and Zoom clock offset linked', async ({ b, server }) => {
    const seen = await joinWithFetchedSignature();
    expect((seen as any).value.errorCode).toBe(3712);
    const rows = await waitFor('one settled row in the panel', async () => {
      const r = await readPanelRows(panel);
      return r.length === 1 && r[0]!.outcome === 'failure' ? r : null;
    });
    expect(rows[0]).toMatchObject({ outcome: 'failure', code: '3712', method: 'ZoomMtg.join' });
    expect(await readPanelStats(panel)).toEqual({ attempts: 1, dropped: 0, rejected: 0, hookErrors: 0 });

    const s = await waitFor('issuance and clock linked', async () => {
      const st = await b.tabState('/app.html');
      const a = st?.attempts[0];
      return a?.issuer && a.clockOffsetMs != null ? st : null;
    });
    const a = s.attempts[0]!;
    expect(a.issuer).toMatchObject({ url: server.url('/api/signature'), method: 'POST' });
    expect(a.issuer!.serverDate).toEqual(expect.any(Number));
    expect(a.clockOffsetMs!).toBeGreaterThan(28_000);
    expect(a.clockOffsetMs!).toBeLessThan(32_000);
    // Timed by the answer to its own wc/info request (matched by token), not by whatever Zoom host answered last.
    expect(a.clockOffsetSource).toBe('the Date of its own join answer (zoom.us)');
    expect(a.clockUncertaintyMs!).toBeGreaterThanOrEqual(500);
    expect(a.clockUncertaintyMs!).toBeLessThan(2000);
  });

  it('a reload clears the log like the Network panel; with "preserve log" on it is kept', async () => {
    await page.reload();
    await waitFor('log cleared by the reload', async () => (await readPanelStats(panel)).attempts === 0);

    // A docked DevTools is narrow: the compact toolbar keeps Preserve log under its » menu.
    if (!(await panel.locator('[data-testid="preserve-log"]').isVisible())) await panel.locator('[data-testid="toolbar-overflow"]').click();
    await panel.locator('[data-testid="preserve-log"]').check();
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function');
    // The SDK refuses joins closer than 10 s apart (3633): only what is left of the 10 s since the last one.
    await page.waitForTimeout(Math.max(0, lastJoinAt + 10_500 - Date.now()));
    await joinWithFetchedSignature();
    await waitFor('the new join in the panel', async () => (await readPanelRows(panel)).some((r) => r.outcome === 'failure'));
    await page.reload();
    await page.waitForTimeout(1500);
    expect((await readPanelStats(panel)).attempts).toBe(1);

    await panel.locator('[data-testid="clear-log"]').click();
    await waitFor('log cleared by the button', async () => (await readPanelStats(panel)).attempts === 0);
  });
});
