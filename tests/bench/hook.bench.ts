/**
 * What the content scripts cost a page that never uses Zoom (issue 14 §6), in one Chromium run:
 * the same pages loaded N times in a browser with the extension and in one without it, interleaved
 * so machine load hits both alike.
 *   - plain: one page, no iframes;   - frames: the same page with 10 same-origin iframes;
 *   - xhr: a page making 1,000 XHRs to its own origin (the hook wraps XMLHttpRequest.prototype).
 * Per load: the renderer's JS heap after a forced GC (CDP Runtime.getHeapUsage: the isolate all
 * same-origin frames share), the extension's isolated-world contexts created (CDP
 * Runtime.executionContextCreated), the first page script's time since navigation start, and the
 * 1,000 XHRs' wall time. Then, once: runtime messages the background received and storage.session
 * writes it made while those pages loaded (both must be 0: nothing is sent before Zoom is seen).
 * Ratios (with / without) are printed last.
 *
 * Run: npm run bench:hook [-- --ext DIR] [--loads N]
 * (default: builds the extension into tmp/bench-hook-ext; JOIN_DOCTOR_E2E_EXT or --ext reuses a build)
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdir, rm } from 'node:fs/promises';
import { buildExtension } from '../../lab/build-extension';
import { launchWithExtension, startPageServer, tmpDir } from '../e2e/harness';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const LOADS = Number(arg('--loads') ?? 30);
const XHRS = 1000;
const IFRAMES = 10;
const ext = arg('--ext') ?? process.env.JOIN_DOCTOR_E2E_EXT ?? buildExtension(tmpDir('bench-hook-ext'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

const server = await startPageServer();
const head = `<meta charset="utf-8"><title>no zoom here</title><script>window.__firstScript = performance.now();</script>`;
const text = '<p>An ordinary page that never loads Zoom.</p>'.repeat(50);
server.setPage('/plain.html', `<!doctype html><html><head>${head}</head><body>${text}</body></html>`);
server.setPage('/frame.html', `<!doctype html><html><head><meta charset="utf-8"></head><body><p>a frame</p></body></html>`);
server.setPage(
  '/frames.html',
  `<!doctype html><html><head>${head}</head><body>${text}${'<iframe src="/frame.html"></iframe>'.repeat(IFRAMES)}</body></html>`,
);
server.setHandler('/x', (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
  res.end('ok');
});
// Six at a time (Chromium's per-host limit), 1,000 in all; the page records the wall time.
server.setPage(
  '/xhr.html',
  `<!doctype html><html><head>${head}</head><body>${text}<script>
window.__xhrDone = new Promise((resolve) => {
  const t0 = performance.now(); let sent = 0, done = 0;
  const one = () => { const x = new XMLHttpRequest(); x.open('GET', '/x?' + sent++); x.onloadend = () => { if (++done === ${XHRS}) resolve(performance.now() - t0); else if (sent < ${XHRS}) one(); }; x.send(); };
  for (let i = 0; i < 6; i++) one();
});
</script></body></html>`,
);

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const plainDir = tmpDir('e2e-profiles', 'bench-hook-plain');
await rm(plainDir, { recursive: true, force: true });
await mkdir(plainDir, { recursive: true });
const without = await chromium.launchPersistentContext(plainDir, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const withExt = await launchWithExtension({ name: 'bench-hook-ext', extension: ext });

interface Load {
  heap: number;
  isolated: number;
  firstScript: number;
  xhrMs: number | null;
}

async function load(ctx: BrowserContext, path: string, keepOpen = false): Promise<Load> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  let isolated = 0;
  // Only the extension's worlds (Playwright adds an isolated utility world of its own per frame).
  cdp.on('Runtime.executionContextCreated', (e: { context: { origin: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated' && e.context.origin.startsWith('chrome-extension://')) isolated++;
  });
  await cdp.send('Runtime.enable');
  await page.goto(server.url(path), { waitUntil: 'load' });
  const xhrMs = path === '/xhr.html' ? await page.evaluate(() => (window as any).__xhrDone as Promise<number>) : null;
  const firstScript = await page.evaluate(() => (window as any).__firstScript as number);
  await page.waitForTimeout(300); // let anything the content scripts schedule after load run
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  if (!keepOpen) await page.close();
  return { heap: usedSize, isolated, firstScript, xhrMs };
}

const ALL_PAGES = ['/plain.html', '/frames.html', '/xhr.html'] as const;
type PagePath = (typeof ALL_PAGES)[number];
// --quick skips the (slow) XHR page, for comparing builds while working on them.
const PAGES: readonly PagePath[] = process.argv.includes('--quick') ? ALL_PAGES.slice(0, 2) : ALL_PAGES;
type Side = Record<PagePath, Load[]>;
const empty = (): Side => ({ '/plain.html': [], '/frames.html': [], '/xhr.html': [] });
const res = { without: empty(), with: empty() };
for (let i = 0; i < LOADS; i++) {
  for (const p of PAGES) {
    res.without[p].push(await load(without, p));
    res.with[p].push(await load(withExt.context, p));
  }
}

// Messages and storage writes the background sees while non-Zoom pages load. Counted by extra
// listeners in the worker; the mark tells whether the worker stayed the same instance meanwhile.
const sw = await withExt.worker();
await sw.evaluate(() => {
  const g = globalThis as any;
  g.__benchCount = { messages: 0, writes: 0 };
  g.chrome.runtime.onMessage.addListener(() => void g.__benchCount.messages++);
  g.chrome.storage.onChanged.addListener((changes: object, area: string) => {
    if (area === 'session') g.__benchCount.writes += Object.keys(changes).length;
  });
});
for (const p of PAGES) await load(withExt.context, p, true); // kept open: a closed tab's entry is removed
const counted = (await (await withExt.worker()).evaluate(() => (globalThis as any).__benchCount ?? null)) as { messages: number; writes: number } | null;
const stored = (await (await withExt.worker()).evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, unknown>;

await withExt.close();
await without.close();
await server.close();

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const m = (side: Side, p: PagePath, f: (l: Load) => number | null) => median(side[p].map(f).filter((x): x is number => x !== null));
const heapW = (p: PagePath) => m(res.with, p, (l) => l.heap);
const heapO = (p: PagePath) => m(res.without, p, (l) => l.heap);
const perIframeW = (heapW('/frames.html') - heapW('/plain.html')) / IFRAMES;
const perIframeO = (heapO('/frames.html') - heapO('/plain.html')) / IFRAMES;

console.log(`extension: ${ext}; ${LOADS} loads of each page, with and without it, interleaved`);
for (const p of PAGES) {
  const w = res.with[p];
  const o = res.without[p];
  console.log(
    `${p.padEnd(13)} heap ${kb(heapW(p))} vs ${kb(heapO(p))} (+${kb(heapW(p) - heapO(p))}); ` +
      `isolated worlds ${median(w.map((l) => l.isolated))} vs ${median(o.map((l) => l.isolated))}; ` +
      `first script ${m(res.with, p, (l) => l.firstScript).toFixed(1)} vs ${m(res.without, p, (l) => l.firstScript).toFixed(1)} ms` +
      (p === '/xhr.html' ? `; ${XHRS} XHRs ${m(res.with, p, (l) => l.xhrMs).toFixed(0)} vs ${m(res.without, p, (l) => l.xhrMs).toFixed(0)} ms` : ''),
  );
}
console.log(`per iframe: heap +${kb(perIframeW)} with, +${kb(perIframeO)} without (+${kb(perIframeW - perIframeO)} for the extension)`);
console.log(
  `non-Zoom pages (one load each): runtime messages ${counted ? counted.messages : '? (worker restarted)'}, ` +
    `storage.session writes ${counted ? counted.writes : '? (worker restarted)'}, tab entries stored ${Object.keys(stored).filter((k) => k.startsWith('tab:')).length}`,
);
console.log('--- ratios, with / without the extension (1.00 = no cost) ---');
console.log(`JS heap, top frame (plain page):  ${(heapW('/plain.html') / heapO('/plain.html')).toFixed(3)}`);
console.log(`JS heap, page with ${IFRAMES} iframes:   ${(heapW('/frames.html') / heapO('/frames.html')).toFixed(3)}`);
console.log(`JS heap per iframe:               ${(perIframeW / perIframeO).toFixed(3)}`);
console.log(`first script time (plain page):   ${(m(res.with, '/plain.html', (l) => l.firstScript) / m(res.without, '/plain.html', (l) => l.firstScript)).toFixed(3)}`);
console.log(`${XHRS} XHRs:                        ${(m(res.with, '/xhr.html', (l) => l.xhrMs) / m(res.without, '/xhr.html', (l) => l.xhrMs)).toFixed(3)}`);
