/**
 * The transparency suite's page scripts (tests/e2e/transparency.e2e.test.ts, and the Firefox run):
 * each page records what it observes (`window.obs`, a list of [name, value]); the same page is
 * run with and without the extension and the lists compared by `compareObservations`.
 */
import { clientViewPage, componentViewPage } from './sdk-pages';

export type Observations = Array<[string, unknown]>;

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

export const corePage = `<!doctype html><html><head><meta charset="utf-8"><title>transparency core</title>
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
export const clientPage = () =>
  clientViewPage({ head: `<script>${OBSERVER}${SDK_OBSERVATIONS}</script>` }).replace(
    '<script src="/sdk/zoom-meeting-6.2.0.min.js"></script>',
    `<script>o('before the SDK: "ZoomMtg" in window', 'ZoomMtg' in window);</script><script src="/sdk/zoom-meeting-6.2.0.min.js" onload="window.zoomOnLoad = window.ZoomMtg"></script>`,
  );
export const componentPage = () => componentViewPage().replace('<title>component view</title>', `<title>component view</title><script>${OBSERVER}${SDK_OBSERVATIONS}</script>`);
export const modulePage = (html: string) => html.replace('<title>npm module</title>', `<title>npm module</title><script>${OBSERVER}${SDK_OBSERVATIONS}</script>`);

/**
 * What stays observable with the extension, and only after the page set an SDK global (a capture
 * of join must replace something the page can compare): the methods wrapped in place are Proxies
 * of the page's own (same name, length, toString, attributes, but not ===), the join options
 * reach the SDK as a Proxy of the page's object (same prototype, getters, keys, but not ===), and
 * the 3.x–6.x ZoomMtg, itself a Proxy that hands out a new join on every read, is replaced on
 * window by a Proxy of it, which only a page holding the npm module's own reference can compare.
 * Anything else differing fails the test.
 */
export const RESIDUAL: Record<string, { with: unknown; without: unknown }> = {
  "later: ZoomMtg.join is the page's own function": { with: false, without: true },
  "the SDK got the page's options object itself": { with: false, without: true },
  "the SDK's success is the page's function": { with: false, without: true },
  "window.ZoomMtg === the npm module's ZoomMtg": { with: false, without: true },
  // The hook's Proxy trap is one more frame in the stack of an error a wrapped native throws.
  'stack depth of an error thrown by XHR open': { with: 'one more', without: 'n' },
};


export interface ObservationRow {
  page: string;
  name: string;
  with: unknown;
  without: unknown;
}

/**
 * Pairs the two lists (same names, same order) into rows; returns the rows and every difference
 * that is not a listed residual (a residual must differ exactly as listed; the stack depth by one).
 */
export function compareObservations(page: string, withExt: Observations, without: Observations): { rows: ObservationRow[]; problems: string[] } {
  const rows: ObservationRow[] = [];
  const problems: string[] = [];
  const names = (l: Observations) => l.map(([k]) => k).join('\n');
  if (names(withExt) !== names(without)) problems.push(`different observations: with [${names(withExt)}] / without [${names(without)}]`);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (let i = 0; i < Math.min(withExt.length, without.length); i++) {
    const [name, w] = withExt[i]!;
    const wo = without[i]![1];
    rows.push({ page, name, with: w, without: wo });
    const residual = RESIDUAL[name];
    const ok = !residual ? same(w, wo) : name.startsWith('stack depth') ? w === (wo as number) + 1 : same(w, residual.with) && same(wo, residual.without);
    if (!ok) problems.push(`${name}: with ${JSON.stringify(w)} / without ${JSON.stringify(wo)}`);
  }
  return { rows, problems };
}

/** The rows as a table, `≠` marking each difference. */
export function observationTable(rows: ObservationRow[]): string {
  const show = (v: unknown) => {
    const s = JSON.stringify(v) ?? 'undefined';
    return s.length > 70 ? s.slice(0, 67) + '...' : s;
  };
  const differ = (r: ObservationRow) => JSON.stringify(r.with) !== JSON.stringify(r.without);
  const lines = rows.map((r) => `${differ(r) ? '≠' : ' '} ${r.page.padEnd(9)} ${r.name.padEnd(62)} | ${show(r.with).padEnd(40)} | ${show(r.without)}`);
  return `${rows.length} observations, ${rows.filter(differ).length} differ\n  page      observation${' '.repeat(51)} | with the extension${' '.repeat(22)} | without\n${lines.join('\n')}`;
}
