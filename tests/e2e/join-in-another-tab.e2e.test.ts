/**
 * Zoom's web sample, in real Chromium with the real SDK 6.2.0: the index tab fetches the signature
 * from its own endpoint (seen there by the devtools page), then window.open's meeting.html, where
 * the join runs and Zoom's stand-in answers 3712. The join must show the index tab's endpoint as
 * its issuer (linked by token across tabs, also after the service worker was stopped between the
 * two), and the index tab's panel must say where its signatures went and show them with scope
 * "all tabs of this site", Correlation counting both meeting tabs' joins.
 */
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  extensionTest,
  openDevToolsPanel,
  openPanelAsTab,
  readPanelRows,
  sampleSignature,
  waitFor,
  screenshotDir,
  waitForDevToolsTarget,
  type ExtensionBrowser,
  type PageServer,
} from './harness';
import { sampleIndexPage, sampleMeetingPage } from './harness/sample-tabs';
import { showTheme } from './harness/theme';

const OUT = screenshotDir();
const IAT_AHEAD_S = 300;

let index: Page;
let panel: Frame;
const tokens: string[] = [];
const meetings: Page[] = [];

const it = extensionTest({
  name: 'join-in-another-tab',
  devtools: true,
  serve: (s) => {
    s.setPage('/index.html', sampleIndexPage('/api/signature'));
    s.setPage('/meeting.html', sampleMeetingPage());
    s.setHandler('/api/signature', (_req, res) => {
      // A backend whose clock runs 5 minutes ahead: iat in Zoom's future, the SDK's 3712.
      const iat = Math.floor(Date.now() / 1000) + IAT_AHEAD_S;
      const signature = sampleSignature({ iat, exp: iat + 7200, tokenExp: iat + 7200 });
      tokens.push(signature);
      res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
      res.end(JSON.stringify({ signature }));
    });
  },
});

// The file's tests share one index tab and its panel; the helpers below reach the browser through these.
let b: ExtensionBrowser;
let server: PageServer;

it.beforeAll(async ({ b: browser, server: pages }) => {
  b = browser;
  server = pages;
  index = b.context.pages()[0] ?? (await b.context.newPage());
  await index.goto(server.url('/index.html'));
  await waitForDevToolsTarget(b);
  panel = await openDevToolsPanel(b, '/index.html');
}, 120_000);

/** Clicks "join" on the index page; resolves with the meeting tab once its join has settled. */
async function openMeeting(): Promise<{ page: Page; seen: any }> {
  const popup = b.context.waitForEvent('page');
  await index.evaluate(() => (window as any).openMeeting());
  const page = await popup;
  meetings.push(page);
  await page.waitForFunction(() => (window as any).joined !== undefined, null, { timeout: 90_000 });
  const seen = await page.evaluate(() => (window as any).joined);
  return { page, seen };
}

describe("Zoom's web sample: signature on the index tab, join in the tab it opens", () => {
  it('the meeting tab join gets the index endpoint as issuer, also with the worker stopped in between', async () => {
    const { seen } = await openMeeting();
    expect(seen.ok).toBe(false);
    expect(seen.value.errorCode).toBe(3712);

    const meeting = await waitFor('the meeting tab join linked to its issuer', async () => {
      const st = await b.tabState('/meeting.html');
      const a = st?.attempts[0];
      return a && a.outcome.kind === 'failure' && a.issuer ? st : null;
    }, 60_000);
    expect(meeting.attempts).toHaveLength(1);
    expect(meeting.attempts[0]!.issuer).toMatchObject({ url: server.url('/api/signature'), method: 'POST' });
    expect(meeting.issuances).toEqual([]); // nothing was fetched in the meeting tab itself

    // The worker is stopped (MV3 does that at will); the second meeting tab's join must still link.
    await b.stopWorker();
    const second = await openMeeting();
    expect(second.seen.value.errorCode).toBe(3712);
    const both = await waitFor('both meeting joins linked', async () => {
      const all = (await (await b.worker()).evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, any>;
      const joins = Object.values(all).flatMap((s: any) => (s && Array.isArray(s.attempts) ? s.attempts : []));
      return joins.length === 2 && joins.every((a: any) => a.issuer?.url && a.outcome.kind === 'failure') ? joins : null;
    }, 60_000);
    expect(new Set(both.map((a: any) => a.signature))).toEqual(new Set(tokens));

    // Seen where users meet it: the meeting tab's own panel names the index page's endpoint.
    const meetingTab = (await b.tabState(meetings[1]!.url()))!;
    const mp = await openPanelAsTab(b, meetingTab.tabId);
    const issuerCell = mp.locator(`[data-testid="attempt-row"] [title="${server.url('/api/signature')}"]`);
    await waitFor('the issuer cell', () => issuerCell.count());
    expect(await issuerCell.textContent()).toContain('/api/signature');
    await mp.close();
  }, 240_000);

  it('the index tab says "2 signatures issued here, used by joins in other tabs" and shows them with scope site', async () => {
    const notice = panel.locator('[data-testid="other-tabs-notice"]');
    await waitFor('the notice on the index tab', () => notice.count(), 30_000);
    expect(await notice.textContent()).toContain('2 signatures issued here, used by joins in other tabs.');
    expect(await panel.locator('[data-testid="empty-log"]').getAttribute('data-reason')).toBe('joins-elsewhere');
    expect(await readPanelRows(panel)).toEqual([]);

    await panel.locator('[data-testid="show-site-scope"]').click();
    const rows = await waitFor('both meeting joins in the index tab panel', async () => {
      const r = await readPanelRows(panel);
      return r.length === 2 ? r : null;
    });
    expect(rows.map((r) => r.code)).toEqual(['3712', '3712']);
    expect(await panel.locator('[data-testid="scope-switch"]').getAttribute('data-scope')).toBe('site');
    expect(await panel.locator('[data-testid="other-tabs-notice"]').count()).toBe(0);
    const top = await waitFor('its top finding', () => panel.locator('[data-testid="attempt-row"] [data-testid="top-finding"]').first().getAttribute('data-rule-id'));
    expect(top).toBe('iat-future');

    // Correlation counts the joins of both meeting tabs.
    await panel.locator('[role="tab"]', { hasText: 'Correlation' }).click();
    const summary = await waitFor('the correlation summary', () => panel.locator('[data-testid="outcome-summary"]').textContent());
    expect(summary).toMatch(/^2 × /);

    // Back to this tab only: the log is the index tab's own again (empty).
    await panel.locator('[data-testid="tab-log"]').click();
    await panel.locator('[data-testid="scope-tab"]').click();
    await waitFor('the index tab alone again', async () => ((await readPanelRows(panel)).length === 0 ? true : null));
  }, 120_000);

  it('the scope switch in a 550 px dock, light and dark (panel-550-*-site-scope.png)', async () => {
    const idx = (await b.tabState('/index.html'))!;
    for (const theme of ['light', 'dark'] as const) {
      const p = await openPanelAsTab(b, idx.tabId);
      await p.setViewportSize({ width: 550, height: 420 });
      await showTheme(p, theme);
      await waitFor('the notice', () => p.locator('[data-testid="other-tabs-notice"]').count());
      expect(await p.locator('[data-testid="toolbar"]').getAttribute('data-compact')).toBe('true');
      await p.screenshot({ path: path.join(OUT, `panel-550-${theme}-tab-scope.png`) });
      await p.locator('[data-testid="scope-site"]').click();
      await waitFor('two rows', async () => ((await readPanelRows(p)).length === 2 ? true : null));
      await p.locator('[data-testid="attempt-row"]').first().click();
      // The toolbar stays one line in the dock.
      const box = await p.locator('[data-testid="toolbar"]').boundingBox();
      expect(box!.height).toBeLessThan(40);
      await p.screenshot({ path: path.join(OUT, `panel-550-${theme}-site-scope.png`) });
      await p.close();
    }
  }, 120_000);
});
