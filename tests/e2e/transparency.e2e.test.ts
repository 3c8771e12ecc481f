/**
 * Issue 20 §2: a page must not be able to tell, from its own objects, that the extension is there.
 * The same page scripts run in Chromium with the extension and in Chromium without it; each
 * records what it observes (globals, `in`/keys, natives' name/length/toString, the join options
 * an SDK stand-in receives, a loader that checks `'ZoomMtg' in window`, a page that replaced
 * built-ins), and the two lists must be equal, bar the few differences listed in RESIDUAL, each
 * only once the page has set an SDK global, which any capture of the SDK's methods implies.
 * Also Zoom's sample apps' loaders: the client view by CDN-style script tags
 * (zoom/meetingsdk-web-sample), the component view via ZoomMtgEmbedded.createClient, and an
 * npm-bundled module page (Vite). The table of observations is printed for the closing note.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { clientPage, compareObservations, componentPage, corePage, modulePage, observationTable, type ObservationRow, type Observations } from './harness/transparency-pages';
import { extensionTest, sampleSignature, tmpDir, waitFor, type ExtensionBrowser, type PageServer } from './harness';

let server: PageServer;
let ext: ExtensionBrowser;
let plainContext: BrowserContext;
const rows: ObservationRow[] = [];

type Run = (page: Page, withExtension: boolean) => Promise<unknown>;

async function observe(context: BrowserContext, path: string, withExtension: boolean, run?: Run): Promise<Observations> {
  const page = await context.newPage();
  try {
    await page.goto(server.url(path), { waitUntil: 'load' });
    if (run) await run(page, withExtension);
    return (await page.evaluate(() => (window as any).obs)) as Observations;
  } finally {
    await page.close();
  }
}

/** Runs `path` in both browsers; every observation must be equal, or a listed residual. */
async function compare(label: string, path: string, run?: Run): Promise<void> {
  const [withExt, without] = await Promise.all([observe(ext.context, path, true, run), observe(plainContext, path, false, run)]);
  const { rows: r, problems } = compareObservations(label, withExt, without);
  rows.push(...r);
  expect(problems).toEqual([]);
}

const it = extensionTest({
  name: 'transparency',
  mounts: { '/module': tmpDir('e2e-pages', 'module') },
  serve: (s) => {
    s.setPage('/core.html', corePage);
    s.setPage('/client.html', clientPage());
    s.setPage('/component.html', componentPage());
    s.setPage('/module-page.html', modulePage(readFileSync(tmpDir('e2e-pages', 'module', 'index.html'), 'utf8')).replace(/\.\/assets\//g, '/module/assets/'));
  },
});

// compare() and the tests reach both browsers and the pages through these.
it.beforeAll(async ({ b, plain, server: pages }) => {
  ext = b;
  plainContext = plain.context;
  server = pages;
}, 180_000);

afterAll(() => {
  console.log(`transparency (Chromium): ${observationTable(rows)}`);
});

describe('a page sees the same objects with and without the extension', () => {
  it('before any SDK global: no window property, natives keep name/length/toString, a loader checking "ZoomMtg" in window loads the SDK; after a page sets ZoomMtg it is the same object, and a class-instance join options object reaches the SDK with its getters', async () => {
    await compare('core', '/core.html', async (page) => {
      await page.waitForFunction(() => (window as any).joinDone);
      await page.evaluate(() => (window as any).joinDone);
      await page.evaluate(() => (window as any).o('window own property names added', (window as any).ownNames().filter((k: string) => !(window as any).baseNames.includes(k))));
    });
  });

  it('a page that replaced JSON, Array iterator, endsWith and Object.keys still joins as without the extension, none of its replacements is called by the hook, and the 60 KB signature is capped in the store', async () => {
    let stored: unknown[] = [];
    let storedSize = 0;
    await compare('hostile', '/core.html?hostile', async (page, withExtension) => {
      await page.waitForFunction(() => (window as any).joinDone);
      await page.evaluate(() => (window as any).hostileJoin());
      if (!withExtension) return;
      // The capture of both joins, read before the tab closes (its log goes with it).
      stored = await waitFor('both joins of the hostile page in the store', async () => {
        const s = await ext.tabState('/core.html?hostile');
        storedSize = JSON.stringify(s ?? '').length;
        const sigs = s?.attempts.filter((x) => x.method === 'ZoomMtg.join').map((x) => x.signature) ?? [];
        return sigs.length === 2 ? sigs : null;
      });
    });
    expect(stored).toEqual(['eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIn0.c2ln', '[too large]']);
    expect(storedSize).toBeLessThan(40_000);
  });

  it("Zoom's web sample loader (client view 6.2.0 by CDN-style script tags): same globals, methods and versions; a join gets the SDK's own 3712 in both", async () => {
    await compare('client', '/client.html', async (page) => {
      await page.evaluate(() => (window as any).observeSdk());
      const seen = await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature());
      await page.evaluate((s) => (window as any).o('the page\'s join result', s), seen);
    });
  });

  it('component view (ZoomMtgEmbedded.createClient by script tag): same createClient, client keys and methods', async () => {
    await compare('component', '/component.html', (page) => page.evaluate(() => (window as any).observeSdk()));
  });

  it('npm-bundled client view (Vite, import { ZoomMtg }): same, except window.ZoomMtg against the module\'s own reference', async () => {
    await compare('module', '/module-page.html', async (page) => {
      await page.waitForFunction(() => typeof (window as any).joinNow === 'function');
      await page.evaluate(() => (window as any).observeSdk());
    });
  });
});
