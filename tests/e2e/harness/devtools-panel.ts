/**
 * Opens the real Join Doctor DevTools panel for a tab and returns its frame (headless works).
 * Needs a browser launched with `devtools: true` (--auto-open-devtools-for-tabs).
 *
 *   const b = await launchWithExtension({ name: 'panel', devtools: true });
 *   const page = await b.context.newPage(); await page.goto(url);
 *   const panel = await openDevToolsPanel(b, page.url());
 *   await panel.locator('[data-testid="attempt-row"]').count();
 *
 * `openPanelAsTab` opens the same panel page as a normal tab with `?tabId=` instead (no DevTools).
 */
import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

interface CdpTarget { id: string; type: string; url: string; title: string }

async function listTargets(port: number): Promise<CdpTarget[]> {
  const r = await fetch(`http://127.0.0.1:${port}/json/list`);
  return (await r.json()) as CdpTarget[];
}

export async function openDevToolsPanel(b: ExtensionBrowser, inspectedUrlPart: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  const browser = await b.cdp();
  const panelUrl = `chrome-extension://${b.extensionId}/devtools-panel.html`;
  while (Date.now() < deadline) {
    // DevTools front-ends are pages of the CDP-connected browser's default context.
    for (const ctx of browser.contexts()) {
      for (const p of ctx.pages()) {
        if (!p.url().startsWith('devtools://')) continue;
        const existing = p.frames().find((f) => f.url().startsWith(panelUrl));
        if (existing) return existing;
        // Only the DevTools window inspecting our page.
        const inspected = await p.evaluate(() => (globalThis as any).SDK?.TargetManager?.TargetManager?.instance?.().primaryPageTarget?.()?.inspectedURL?.() ?? '').catch(() => '');
        if (inspected && !String(inspected).includes(inspectedUrlPart)) continue;
        await p
          .evaluate((id) => (globalThis as any).DevToolsAPI?.showPanel?.(`chrome-extension://${id}JoinDoctor`), b.extensionId)
          .catch(() => undefined);
        const frame = p.frames().find((f) => f.url().startsWith(panelUrl));
        if (frame) return frame;
      }
    }
    await listTargets(b.cdpPort).catch(() => []); // keeps the target list fresh
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Join Doctor panel did not appear within ${timeoutMs} ms`);
}

export async function openPanelAsTab(b: ExtensionBrowser, tabId: number): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/devtools-panel.html?tabId=${tabId}`);
  return page;
}

/** Rows as the panel renders them (test ids from tmp/PANEL-CONTRACT.md). */
export async function readPanelRows(frame: Frame | Page) {
  return frame.locator('[data-testid="attempt-row"]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-attempt-id'),
      outcome: r.getAttribute('data-outcome'),
      code: r.getAttribute('data-code'),
      method: r.getAttribute('data-method'),
    })),
  );
}

export async function readPanelStats(frame: Frame | Page) {
  const el = frame.locator('[data-testid="capture-stats"]');
  const count = await frame.locator('[data-testid="attempt-count"]').textContent();
  return {
    attempts: Number(count),
    dropped: Number(await el.getAttribute('data-dropped')),
    rejected: Number(await el.getAttribute('data-rejected')),
    hookErrors: Number(await el.getAttribute('data-hook-errors')),
  };
}

/**
 * Waits until the DevTools window for a tab is a `page` target (it starts as `other` and turns
 * into a page ~2 s later). Call it before `openDevToolsPanel` when the page loads fast: a CDP
 * connection made before that moment does not list the DevTools window among its pages.
 */
export async function waitForDevToolsTarget(b: ExtensionBrowser, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const targets = await listTargets(b.cdpPort).catch(() => [] as CdpTarget[]);
    if (targets.some((t) => t.type === 'page' && t.url.startsWith('devtools://'))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no DevTools window within ${timeoutMs} ms`);
}

/**
 * Makes the panel keep what it saves instead of downloading (the object URL's blob and the
 * anchor's file name); `savedExports` reads them back.
 */
export async function captureExports(panel: Frame | Page): Promise<void> {
  await panel.evaluate(() => {
    const w = window as any;
    w.__saved = [];
    const orig = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => ((w.__lastBlob = b), orig(b));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__saved.push({ name: this.download, blob: w.__lastBlob });
    };
  });
}

/** The files the panel saved since captureExports, in order. */
export async function savedExports(panel: Frame | Page): Promise<Array<{ name: string; text: string }>> {
  return panel.evaluate(() => Promise.all((window as any).__saved.map(async (s: { name: string; blob: Blob }) => ({ name: s.name, text: await s.blob.text() }))));
}
