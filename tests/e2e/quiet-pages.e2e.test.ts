/**
 * Pages without Zoom pay nothing beyond the content scripts' start (issue 14 §6): while an ordinary
 * page, a page with iframes (about:blank included) and a page making XHRs load, the background
 * receives no runtime message and writes nothing to storage.session. The first sign of Zoom (page
 * code setting `window.ZoomMtg`) wakes the relay, and a join made only inside an iframe still
 * registers the tab under its top document.
 */
import { afterAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { FAKE_ZOOM_SCRIPT, extensionTest, sampleSignature, waitFor, type ExtensionBrowser } from './harness';

const plain = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>no zoom</title></head><body><p>An ordinary page.</p>${body}</body></html>`;

const it = extensionTest({
  name: 'quiet-pages',
  serve: (s) => {
    s.setPage('/plain.html', plain(''));
    s.setPage('/frame.html', plain(''));
    s.setPage('/frames.html', plain(`${'<iframe src="/frame.html"></iframe>'.repeat(5)}<iframe></iframe><iframe src="about:blank"></iframe>`));
    s.setHandler('/x', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end('{"status":true}');
    });
    s.setPage(
      '/xhr.html',
      plain(`<script>window.done = Promise.all(Array.from({ length: 100 }, (_, i) => new Promise((r) => { const x = new XMLHttpRequest(); x.open('POST', '/x?' + i); x.onloadend = r; x.send('a=1'); })));</script>`),
    );
    s.setPage('/zoom-loaded.html', `<!doctype html><html><head><script>${FAKE_ZOOM_SCRIPT}</script></head><body><script>window.ZoomMtg = makeFakeZoomMtg();</script></body></html>`);
    s.setPage('/zoom-frame.html', `<!doctype html><html><head><script>${FAKE_ZOOM_SCRIPT}</script></head><body><script>window.ZoomMtg = makeFakeZoomMtg({ wire: false });</script></body></html>`);
    s.setPage('/shell.html', plain('<iframe id="z" src="/zoom-frame.html"></iframe>'));
  },
});

/** Counts, in the running worker, runtime messages received and storage.session keys written. */
async function countInWorker(b: ExtensionBrowser) {
  const w = await b.worker();
  await w.evaluate(() => {
    const g = globalThis as any;
    g.__quiet = { messages: 0, writes: 0, alive: true };
    g.chrome.runtime.onMessage.addListener(() => void g.__quiet.messages++);
    g.chrome.storage.onChanged.addListener((changes: object, area: string) => {
      if (area === 'session') g.__quiet.writes += Object.keys(changes).length;
    });
  });
  return async () => {
    const got = (await (await b.worker()).evaluate(() => (globalThis as any).__quiet ?? null)) as { messages: number; writes: number } | null;
    // A restarted worker would have lost the counters: that must fail the test, not pass it.
    if (!got) throw new Error('the service worker restarted while counting');
    return got;
  };
}

const session = async (b: ExtensionBrowser) => (await (await b.worker()).evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, unknown>;

describe('a page without Zoom', () => {
  const open: Page[] = [];
  afterAll(async () => {
    for (const p of open) await p.close();
  });

  it('sends no message to the background and writes nothing to storage.session (plain page, 7 iframes, 100 XHRs)', async ({ b, server }) => {
    const read = await countInWorker(b);
    for (const path of ['/plain.html', '/frames.html', '/xhr.html']) {
      const page = await b.context.newPage();
      open.push(page);
      await page.goto(server.url(path));
      if (path === '/xhr.html') await page.evaluate(() => (window as any).done);
    }
    expect(open[1]!.frames()).toHaveLength(8);
    await open[0]!.reload(); // a reload, too, used to register the tab
    await new Promise((r) => setTimeout(r, 1500)); // the old relay sent its first batch at once
    expect(await read()).toEqual({ messages: 0, writes: 0, alive: true });
    expect(await session(b)).toEqual({});
  });

  it('the same counters see the first sign of Zoom at once: page code setting window.ZoomMtg registers the tab', async ({ b, server }) => {
    const read = await countInWorker(b);
    const page = await b.context.newPage();
    open.push(page);
    await page.goto(server.url('/zoom-loaded.html'));
    const s = await waitFor('tab registered by the SDK global', () => b.tabState('/zoom-loaded.html'));
    expect(s.attempts).toEqual([]);
    const n = await read();
    expect(n.messages).toBeGreaterThanOrEqual(1);
    expect(n.writes).toBeGreaterThanOrEqual(1);
  });
});

describe('Zoom only inside an iframe of a page without Zoom', () => {
  it('the join is stored under the top document (whose relay was asked, not woken) and a reload clears it', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/shell.html'));
    const frame = await waitFor('the Zoom iframe', async () => page.frames().find((f) => f.url().endsWith('/zoom-frame.html')) ?? null);
    const signature = sampleSignature();
    await frame.evaluate((sig) => new Promise<void>((resolve) => (window as any).ZoomMtg.join({ signature: sig, meetingNumber: '123456789', userName: 'e2e', error: () => resolve() })), signature);
    const s = await waitFor('the iframe join stored under the shell', async () => {
      const st = await b.tabState('/shell.html');
      return st && st.attempts.length === 1 && st.attempts[0]!.outcome.kind === 'failure' ? st : null;
    });
    expect(s.pageUrl).toBe(server.url('/shell.html'));
    expect(s.attempts[0]!.frameUrl).toBe(server.url('/zoom-frame.html'));

    await page.reload();
    await waitFor('log cleared after the reload (the iframe sees Zoom again)', async () => {
      const st = await b.tabState('/shell.html');
      return st && st.attempts.length === 0 ? st : null;
    });
    await page.close();
  });
});
