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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../../lab/find-chromium';
import {
  clientViewPage,
  componentViewPage,
  launchWithExtension,
  routeZoom,
  sampleSignature,
  startPageServer,
  tmpDir,
  waitFor,
  type ExtensionBrowser,
  type PageServer,
} from './harness';

type Observations = Array<[string, unknown]>;

/** Shared by every page: `o(name, value)` records; `fmt(f)` is what a page can read off a function. */
const OBSERVER = `
window.obs = [];
window.o = (k, v) => obs.push([k, v]);
window.fmt = (f) => f === undefined ? 'undefined' : ({ type: typeof f, name: f.name, length: f.length, text: Function.prototype.toString.call(f), keys: Reflect.ownKeys(f).map(String) });
window.attrs = (o, k) => { const d = Object.getOwnPropertyDescriptor(o, k); return d ? { value: typeof d.value, get: typeof d.get, set: typeof d.set, w: d.writable, e: d.enumerable, c: d.configurable } : null; };
window.errorOf = (f) => { try { f(); return 'no error'; } catch (e) { return e.constructor.name + ': ' + e.message; } };
window.stackOf = (f) => { try { f(); return 'no error'; } catch (e) { return String(e.stack).split('\\n').length; } };
window.ownNames = () => Object.getOwnPropertyNames(window).sort();
window.baseNames = ownNames();
`;

/** Before any SDK global: natives, `in`, keys, a Zoom loader. */
const BEFORE_SDK = `
const SDK = ['ZoomMtg', 'ZoomMtgEmbedded', 'WebVideoSDK'];
o('SDK names "in" window', SDK.map((k) => k in window));
o('SDK names in Object.keys(window)', Object.keys(window).filter((k) => SDK.includes(k)));
o('SDK names in getOwnPropertyNames(window)', Object.getOwnPropertyNames(window).filter((k) => SDK.includes(k)));
o('window.ZoomMtg', typeof window.ZoomMtg);
o('XHR open', fmt(XMLHttpRequest.prototype.open));
o('XHR send', fmt(XMLHttpRequest.prototype.send));
o('XHR open attributes', attrs(XMLHttpRequest.prototype, 'open'));
o('String(XHR open)', String(XMLHttpRequest.prototype.open));
o('XHR open own "prototype"', Object.prototype.hasOwnProperty.call(XMLHttpRequest.prototype.open, 'prototype'));
o('script src setter', fmt(Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src').set));
o('script src attributes', attrs(HTMLScriptElement.prototype, 'src'));
o('WebSocket', fmt(WebSocket));
o('WebSocket attributes', attrs(window, 'WebSocket'));
o('WebSocket.prototype.constructor === WebSocket', WebSocket.prototype.constructor === WebSocket);
o('prototype of WebSocket', Object.getPrototypeOf(WebSocket) === EventTarget);
const ws = new WebSocket('ws://127.0.0.1:9/');
o('new WebSocket: instanceof, constructor, prototype', [ws instanceof WebSocket, ws.constructor === WebSocket, Object.getPrototypeOf(ws) === WebSocket.prototype]);
ws.close();
class Sub extends WebSocket {}
const sub = new Sub('ws://127.0.0.1:9/');
o('a WebSocket subclass', [sub instanceof Sub, sub instanceof WebSocket]);
sub.close();
o('WebSocket() without new', errorOf(() => WebSocket('ws://127.0.0.1:9/')));
o('Function.prototype.toString', fmt(Function.prototype.toString));
o('Function.prototype.toString.toString()', Function.prototype.toString.toString());
o('Function.prototype.toString attributes', attrs(Function.prototype, 'toString'));
o('toString of a non-function', errorOf(() => Function.prototype.toString.call({})));
o('XHR open on a non-XHR', errorOf(() => XMLHttpRequest.prototype.open.call({}, 'GET', '/')));
o('XHR open without arguments', errorOf(() => new XMLHttpRequest().open()));
o('script src set on a non-script', errorOf(() => Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src').set.call({}, '/x')));
o('stack depth of an error thrown by XHR open', stackOf(() => new XMLHttpRequest().open()));
// What Zoom's loaders do: load the SDK unless it is there.
let loads = 0;
if (!('ZoomMtg' in window)) loads++;
if (typeof ZoomMtgEmbedded === 'undefined') loads++;
if (!window.WebVideoSDK) loads++;
o('a loader checking for the SDK would load it (3 checks)', loads);
`;

/**
 * A 2.x-shaped SDK stand-in (plain object), set by page code, and a join with a class instance
 * whose getters read private fields (the SDK received null signature and meetingNumber when the
 * hook copied the options with {...args}).
 */
const STAND_IN = `
class JoinOptions {
  #sig; #mn;
  constructor(sig, mn, cb) { this.#sig = sig; this.#mn = mn; this.userName = 'e2e'; this.success = cb.success; this.error = cb.error; }
  get signature() { return this.#sig; }
  get meetingNumber() { return this.#mn; }
}
window.JoinOptions = JoinOptions;
const sdk = {
  init(opts) { opts.success && opts.success({ init: true }); return 'init-returned'; },
  join(opts) {
    window.received = opts;
    const sig = opts.signature;
    o('the SDK reads signature and meetingNumber', [typeof sig, sig && sig.length, opts.meetingNumber]);
    o('the SDK sees the options\\' prototype, class and keys', [Object.getPrototypeOf(opts) === JoinOptions.prototype, opts instanceof JoinOptions, Object.keys(opts), JSON.stringify(Object.assign({}, opts, { signature: 'x' }))]);
    // The SDK calls back as options.success(…), and the page's callback sees its own object as this.
    setTimeout(() => opts.error({ method: 'join', status: false, result: 'Invalid signature.', errorCode: 3712 }), 0);
    return 'join-returned';
  },
};
window.standIn = sdk;
window.standInJoin = sdk.join;
window.ZoomMtg = sdk;
o('after assignment: "ZoomMtg" in window, keys', ['ZoomMtg' in window, Object.keys(window).includes('ZoomMtg')]);
o('after assignment: window.ZoomMtg is the object assigned', window.ZoomMtg === sdk);
o('after assignment: ZoomMtg attributes', attrs(window, 'ZoomMtg'));
`;

/** After DOMContentLoaded (the hook has looked for SDK globals): the same object, and a join. */
const AFTER_SDK = `
o('later: window.ZoomMtg is the object assigned', window.ZoomMtg === standIn);
o('later: ZoomMtg.join attributes', attrs(standIn, 'join'));
o('later: ZoomMtg.join name/length/toString', fmt(ZoomMtg.join));
o('later: ZoomMtg.join is the page\\'s own function', ZoomMtg.join === standInJoin);
o('later: Object.keys(ZoomMtg)', Object.keys(ZoomMtg));
window.joinDone = new Promise((resolve) => {
  const page = {
    success: function () { resolve('success'); },
    error: function (e) { o('the error callback: its this, its argument', [this === window.pageOptions, JSON.stringify(e)]); resolve('error'); },
  };
  window.pageOptions = new JoinOptions('eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIn0.c2ln', 123456789, page);
  o('join returns', ZoomMtg.join(pageOptions));
  o('the SDK got the page\\'s options object itself', received === pageOptions);
  o('the SDK\\'s success is the page\\'s function', received.success === pageOptions.success);
});
`;

/**
 * A page that replaced JSON.parse/stringify, Array's iterator, String.prototype.endsWith,
 * Object.keys and Object.prototype.toJSON (after the hook started), then joins with a 60 KB
 * signature: the page sees its join work as without the extension, and none of its replacements
 * is called by anyone else; the capture still caps the signature (checked in the store).
 */
const HOSTILE = `
window.hostileJoin = () => {
  const calls = { parse: 0, stringify: 0, iterator: 0, endsWith: 0, keys: 0 };
  const real = { parse: JSON.parse, stringify: JSON.stringify, iterator: Array.prototype[Symbol.iterator], endsWith: String.prototype.endsWith, keys: Object.keys };
  JSON.parse = function () { calls.parse++; return {}; };
  JSON.stringify = function () { calls.stringify++; return '"x"'; };
  Array.prototype[Symbol.iterator] = function () { calls.iterator++; return real.iterator.call(this); };
  String.prototype.endsWith = function () { calls.endsWith++; return false; };
  Object.keys = function () { calls.keys++; return []; };
  let out;
  try {
    const big = 'eyJhbGciOiJIUzI1NiJ9.' + 'A'.repeat(60 * 1024) + '.c2ln';
    out = ZoomMtg.join({ signature: big, meetingNumber: '123456789', userName: 'hostile', success() {}, error() {} });
  } finally {
    JSON.parse = real.parse; JSON.stringify = real.stringify; Array.prototype[Symbol.iterator] = real.iterator;
    String.prototype.endsWith = real.endsWith; Object.keys = real.keys;
  }
  o('hostile page: join returns', out);
  o('hostile page: its replaced built-ins were called', calls);
};
`;

const corePage = `<!doctype html><html><head><meta charset="utf-8"><title>transparency core</title>
<script>${OBSERVER}</script><script>${BEFORE_SDK}</script><script>${STAND_IN}</script><script>${HOSTILE}</script>
</head><body><p>core</p><script>document.addEventListener('DOMContentLoaded', () => setTimeout(() => { ${AFTER_SDK} }, 0));</script></body></html>`;

/** Observations of a page that loaded a real SDK, once the page's own scripts ran. */
const SDK_OBSERVATIONS = `
window.observeSdk = () => {
  for (const k of ['ZoomMtg', 'ZoomMtgEmbedded', 'WebVideoSDK']) o(k + ': "in" window, typeof, attributes', [k in window, typeof window[k], attrs(window, k)]);
  if (window.ZoomMtg) {
    o('ZoomMtg: keys', Object.keys(ZoomMtg).length);
    for (const m of ['join', 'init', 'joinTest', 'setZoomJSLib']) o('ZoomMtg.' + m, fmt(ZoomMtg[m]));
    o('ZoomMtg.join read twice is one function', ZoomMtg.join === ZoomMtg.join);
    o('ZoomMtg.getWebSDKVersion()', ZoomMtg.getWebSDKVersion());
    o('window.ZoomMtg === the reference the page took on load', window.ZoomMtg === window.zoomOnLoad);
    if (window.moduleZoomMtg) o('window.ZoomMtg === the npm module\\'s ZoomMtg', window.ZoomMtg === window.moduleZoomMtg);
  }
  if (window.ZoomMtgEmbedded) {
    o('ZoomMtgEmbedded.createClient', fmt(ZoomMtgEmbedded.createClient));
    o('ZoomMtgEmbedded.createClient attributes', attrs(ZoomMtgEmbedded, 'createClient'));
    const c = ZoomMtgEmbedded.createClient();
    o('client: keys', Object.keys(c));
    o('client.join', fmt(c.join));
    o('client.join attributes', attrs(c, 'join'));
    o('client.init', fmt(c.init));
  }
  o('window own property names added by the page', ownNames().filter((k) => !baseNames.includes(k)));
};
`;

/** The client view as zoom/meetingsdk-web-sample loads it: vendor scripts, then the SDK, by script tags. */
const clientPage = () =>
  clientViewPage({ head: `<script>${OBSERVER}${SDK_OBSERVATIONS}</script>` }).replace(
    '<script src="/sdk/zoom-meeting-6.2.0.min.js"></script>',
    `<script>o('before the SDK: "ZoomMtg" in window', 'ZoomMtg' in window);</script><script src="/sdk/zoom-meeting-6.2.0.min.js" onload="window.zoomOnLoad = window.ZoomMtg"></script>`,
  );
const componentPage = () => componentViewPage().replace('<title>component view</title>', `<title>component view</title><script>${OBSERVER}${SDK_OBSERVATIONS}</script>`);
const modulePage = (html: string) => html.replace('<title>npm module</title>', `<title>npm module</title><script>${OBSERVER}${SDK_OBSERVATIONS}</script>`);

/**
 * What stays observable with the extension, and only after the page set an SDK global (a capture
 * of join must replace something the page can compare): the methods wrapped in place are Proxies
 * of the page's own (same name, length, toString, attributes, but not ===), the join options
 * reach the SDK as a Proxy of the page's object (same prototype, getters, keys, but not ===), and
 * the 3.x–6.x ZoomMtg, itself a Proxy that hands out a new join on every read, is replaced on
 * window by a Proxy of it, which only a page holding the npm module's own reference can compare.
 * Anything else differing fails the test.
 */
const RESIDUAL: Record<string, { with: unknown; without: unknown }> = {
  "later: ZoomMtg.join is the page's own function": { with: false, without: true },
  "the SDK got the page's options object itself": { with: false, without: true },
  "the SDK's success is the page's function": { with: false, without: true },
  "window.ZoomMtg === the npm module's ZoomMtg": { with: false, without: true },
  // The hook's Proxy trap is one more frame in the stack of an error a wrapped native throws.
  'stack depth of an error thrown by XHR open': { with: 'one more', without: 'n' },
};

let server: PageServer;
let ext: ExtensionBrowser;
let plain: Browser;
let plainContext: BrowserContext;
const rows: Array<{ page: string; name: string; with: unknown; without: unknown }> = [];

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
  expect(withExt.map(([k]) => k)).toEqual(without.map(([k]) => k));
  const mismatches: string[] = [];
  for (let i = 0; i < without.length; i++) {
    const [name, w] = withExt[i]!;
    const wo = without[i]![1];
    rows.push({ page: label, name, with: w, without: wo });
    const residual = RESIDUAL[name];
    if (residual && name.startsWith('stack depth')) {
      expect(w).toBe((wo as number) + 1);
      continue;
    }
    if (residual) {
      expect({ name, with: w, without: wo }).toEqual({ name, ...residual });
      continue;
    }
    if (JSON.stringify(w) !== JSON.stringify(wo)) mismatches.push(`${name}: with ${JSON.stringify(w)} / without ${JSON.stringify(wo)}`);
  }
  expect(mismatches).toEqual([]);
}

beforeAll(async () => {
  server = await startPageServer({ mounts: { '/module': tmpDir('e2e-pages', 'module') } });
  server.setPage('/core.html', corePage);
  server.setPage('/client.html', clientPage());
  server.setPage('/component.html', componentPage());
  const { readFile } = await import('node:fs/promises');
  server.setPage('/module-page.html', modulePage(await readFile(tmpDir('e2e-pages', 'module', 'index.html'), 'utf8')).replace(/\.\/assets\//g, '/module/assets/'));
  ext = await launchWithExtension({ name: 'transparency' });
  plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
  plainContext = await plain.newContext();
  // The SDK pages are heavy (13 MB bundles) and the machine is shared: as patient as the extension's context.
  plainContext.setDefaultNavigationTimeout(90_000);
  plainContext.setDefaultTimeout(60_000);
  await routeZoom(ext.context);
  await routeZoom(plainContext);
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
  const show = (v: unknown) => {
    const s = JSON.stringify(v);
    return s.length > 70 ? s.slice(0, 67) + '...' : s;
  };
  const lines = rows.map((r) => `${JSON.stringify(r.with) === JSON.stringify(r.without) ? ' ' : '≠'} ${r.page.padEnd(9)} ${r.name.padEnd(62)} | ${show(r.with).padEnd(40)} | ${show(r.without)}`);
  console.log(`transparency: ${rows.length} observations, ${rows.filter((r) => JSON.stringify(r.with) !== JSON.stringify(r.without)).length} differ\n  page      observation${' '.repeat(51)} | with the extension${' '.repeat(22)} | without\n${lines.join('\n')}`);
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
