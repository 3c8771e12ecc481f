/**
 * Join Doctor in a real Firefox (Debian firefox-esr, headless), driven by puppeteer-core over
 * WebDriver BiDi: the Firefox build installed as a temporary add-on (webExtension.install), the
 * real @zoom/meetingsdk 6.2.0 client view joining with a token issued 300 s in the future, Zoom's
 * wc/info answered through a local HTTPS proxy (so Firefox's DevTools sees a real response with
 * its Date header), and the Join Doctor panel read inside Firefox's own DevTools toolbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { clientViewPage, firefoxExtensionDir, sampleSignature, startPageServer, tmpDir, waitFor, type PageServer } from './harness';
import { startZoomProxy, type ZoomProxy } from './harness/zoom-proxy';
import { compareObservations, corePage, observationTable, type Observations } from './harness/transparency-pages';

const FIREFOX = '/usr/bin/firefox-esr';
const GECKO_ID = 'join-doctor@join-doctor.dev';
// Fixed internal UUID, so the test can open the extension's own pages (moz-extension://<uuid>/).
const EXT_UUID = '6a1d2f0e-4c7b-4f1e-9a55-1e2d3c4b5a69';
const IAT_AHEAD_S = 300;

let browser: Browser;
let server: PageServer;
let proxy: ZoomProxy;
let page: Page;
let token = '';
const started = Date.now();

/** Raw BiDi: puppeteer's BidiBrowser exposes its connection. */
const bidi = (method: string, params: Record<string, unknown>) => (browser as any).connection.send(method, params) as Promise<{ result: any }>;

/** Evaluates `expression` (an async function body's result) in the browser's privileged scope. */
async function chromeEval<T>(expression: string): Promise<T> {
  const { result: tree } = await bidi('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.contexts[0].context;
  const { result } = await bidi('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails?.text}`);
  return (result.result?.value ?? null) as T;
}

const devtoolsPrelude = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.includes('/client.html'));
  if (!tab) throw new Error('no tab with /client.html');`;

/** Opens Firefox's DevTools on the page's tab and selects the Join Doctor panel; returns its tool id. */
async function openJoinDoctorPanel(): Promise<string> {
  return waitFor(
    'the Join Doctor panel in Firefox DevTools',
    () =>
      chromeEval<string | null>(`(async () => {${devtoolsPrelude}
        const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
        const tool = toolbox.getAdditionalTools().find((t) => t.label === 'Join Doctor' || t.id.startsWith('webext-devtools-panel-'));
        if (!tool) return null;
        await toolbox.selectTool(tool.id);
        return tool.id;
      })()`),
    60_000,
    1000,
  );
}

/** The panel's log rows, read by a frame script in the panel's own <browser>. */
async function readFirefoxPanelRows(toolId: string) {
  const json = await chromeEval<string | null>(`(async () => {${devtoolsPrelude}
    const toolbox = gDevTools.getToolboxForTab(tab);
    const iframe = toolbox && toolbox.doc.getElementById('toolbox-panel-iframe-${toolId}');
    const panelBrowser = iframe && iframe.contentDocument && iframe.contentDocument.querySelector('browser');
    if (!panelBrowser) return null;
    const mm = panelBrowser.messageManager;
    return await new Promise((resolve) => {
      const done = (m) => { mm.removeMessageListener('jd:rows', done); resolve(m.data); };
      mm.addMessageListener('jd:rows', done);
      setTimeout(() => resolve(null), 5000);
      const script = 'sendAsyncMessage("jd:rows", JSON.stringify({ url: content.location.href, rows: ' +
        '[...content.document.querySelectorAll("[data-testid=attempt-row]")].map((r) => ({ code: r.getAttribute("data-code"), ' +
        'outcome: r.getAttribute("data-outcome"), topFinding: r.querySelector("[data-testid=top-finding]")?.getAttribute("data-rule-id") ?? null })) }))';
      mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
    });
  })()`);
  return json ? (JSON.parse(json) as { url: string; rows: Array<{ code: string | null; outcome: string | null; topFinding: string | null }> }) : null;
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`the Firefox test needs Debian firefox-esr at ${FIREFOX} (see .ci/run)`);
  server = await startPageServer();
  server.setPage('/client.html', clientViewPage());
  server.setHandler('/api/signature', (_req, res) => {
    // Issued at request time, 300 s ahead: iat-future whatever the machine's load.
    const iat = Math.floor(Date.now() / 1000) + IAT_AHEAD_S;
    token = sampleSignature({ iat, exp: iat + 7200, tokenExp: iat + 7200 });
    res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
    res.end(JSON.stringify({ signature: token }));
  });
  proxy = await startZoomProxy(tmpDir('e2e-firefox-proxy'));
  proxy.dateOffsetMs = 30_000; // Zoom's clock 30 s ahead: only DevTools' view of the Date header can tell
  const profile = tmpDir('e2e-profiles', 'firefox');
  await rm(profile, { recursive: true, force: true });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    protocolTimeout: 120_000,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
      'devtools.chrome.enabled': true,
    },
  });
  const id = await browser.installExtension(firefoxExtensionDir());
  expect(id).toBe(GECKO_ID);
  page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(server.url('/client.html'), { waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.waitForFunction(() => typeof (window as any).joinNow === 'function', { timeout: 90_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  await proxy?.close();
  console.log(`firefox e2e: ${Math.round((Date.now() - started) / 1000)} s`);
});

describe('Join Doctor in real Firefox ESR', () => {
  let toolId = '';
  let extPage: Page;

  it("opens in Firefox's own DevTools as a panel", async () => {
    toolId = await openJoinDoctorPanel();
    expect(toolId).toMatch(/^webext-devtools-panel-/);
  });

  it("the real SDK's 3712 reaches the page, the background stores it and the badge counts it", async () => {
    const seen = (await page.evaluate(async () => {
      const { signature } = await (await fetch('/api/signature', { method: 'POST' })).json();
      return (window as any).joinNow(signature);
    })) as { ok: boolean; value: { errorCode: number } };
    expect(seen.ok).toBe(false);
    expect(seen.value.errorCode).toBe(3712);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.fields.signature).toBe(token);

    // The extension's own page, opened in a tab, reads what the background stored.
    const ext = await browser.newPage();
    void ext.goto(`moz-extension://${EXT_UUID}/devtools-panel.html`).catch(() => undefined); // never "finishes": poll
    const stored = await waitFor(
      'the failed join in storage.session and the badge',
      async () => {
        const r = (await ext.evaluate(async () => {
          const b = (globalThis as any).browser;
          const all = (await b.storage.session.get(null)) as Record<string, any>;
          const s = Object.values(all).find((v) => typeof v?.pageUrl === 'string' && v.pageUrl.includes('/client.html'));
          if (!s || !s.attempts?.some((a: any) => a.settledAt)) return null;
          return { attempts: s.attempts, badge: await b.action.getBadgeText({ tabId: s.tabId }) };
        })) as { attempts: any[]; badge: string } | null;
        return r;
      },
      60_000,
      500,
    );
    expect(stored.attempts).toHaveLength(1);
    expect(stored.attempts[0]).toMatchObject({ api: 'client-view', method: 'ZoomMtg.join', signature: token, sdkVersion: '6.2.0' });
    expect(stored.attempts[0].outcome).toMatchObject({ kind: 'failure', code: 3712, serverMessage: 'Invalid signature.' });
    expect(stored.badge).toBe('1');
    extPage = ext;
  });

  it("the panel inside Firefox's DevTools shows the 3712 with iat-future", async () => {
    const seen = await waitFor(
      'the 3712 row with iat-future in the Firefox panel',
      async () => {
        const r = await readFirefoxPanelRows(toolId);
        return r?.rows.some((row) => row.code === '3712' && row.topFinding === 'iat-future') ? r : null;
      },
      60_000,
      1000,
    );
    expect(seen.url).toContain(`moz-extension://${EXT_UUID}/devtools-panel.html`);
    expect(seen.rows).toEqual([{ code: '3712', outcome: 'failure', topFinding: 'iat-future' }]);
    // DevTools' network view (devtools.network in Firefox) linked the issuing request and read
    // Zoom's Date header through the proxy: the clock offset is the proxy's 30 s.
    const linked = await waitFor('issuance and Zoom clock linked', () =>
      extPage.evaluate(async () => {
        const all = (await (globalThis as any).browser.storage.session.get(null)) as Record<string, any>;
        const a = Object.values(all).find((v) => typeof v?.pageUrl === 'string' && v.pageUrl.includes('/client.html'))?.attempts?.[0];
        return a?.issuer && a.clockOffsetMs != null ? { issuer: a.issuer.url, clockOffsetMs: a.clockOffsetMs, source: a.clockOffsetSource } : null;
      }),
    );
    expect(linked.issuer).toBe(server.url('/api/signature'));
    expect(linked.clockOffsetMs).toBeGreaterThan(28_000);
    expect(linked.clockOffsetMs).toBeLessThan(32_000);
    expect(linked.source).toContain('zoom.us');
    // Only Zoom's host was answered; whatever else Firefox or the SDK tried was refused, not fetched.
    expect(proxy.refused.filter((u) => /zoom\.us/.test(u))).toEqual([]);
  });

  // Last: it uninstalls the add-on, to observe the same page without it in the same Firefox.
  it('transparency (issue 20): the core page observes the same with the add-on as after it is uninstalled, bar the listed residuals', async () => {
    server.setPage('/core.html', corePage);
    const observe = async (): Promise<Observations> => {
      const p = await browser.newPage();
      try {
        await p.goto(server.url('/core.html'), { waitUntil: 'load', timeout: 60_000 });
        await p.waitForFunction(() => (window as any).joinDone, { timeout: 30_000 });
        await p.evaluate(() => (window as any).joinDone);
        await p.evaluate(() => (window as any).o('window own property names added', (window as any).ownNames().filter((k: string) => !(window as any).baseNames.includes(k))));
        return (await p.evaluate(() => (window as any).obs)) as Observations;
      } finally {
        await p.close();
      }
    };
    const withAddon = await observe();
    await bidi('webExtension.uninstall', { extension: GECKO_ID });
    const without = await observe();
    const { rows, problems } = compareObservations('firefox', withAddon, without);
    console.log(`transparency (Firefox ESR): ${observationTable(rows)}`);
    expect(problems).toEqual([]);
  });
});
