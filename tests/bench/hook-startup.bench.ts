/**
 * Cost of the page hook on a page that never uses Zoom, in Chromium.
 *  1. Install time of the shipped hook (content-scripts/zoom-hook.js) itself: evaluated as an
 *     init script wrapped in performance.now() on a blank local page, N fresh pages.
 *  2. Whole-page effect: median DOMContentLoaded of a plain page with and without the extension.
 * Run: npx tsx tests/bench/hook-startup.bench.ts [chrome-mv3 dir]   (default: tmp/e2e-ext/chrome-mv3)
 */
import { chromium } from 'playwright-core';
import { findChromium } from '../../lab/find-chromium';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extensionDir, launchWithExtension, startPageServer, tmpDir } from '../e2e/harness';

const ext = process.argv[2] ?? extensionDir();
const hookFile = path.join(ext, 'content-scripts/zoom-hook.js');
const hook = readFileSync(hookFile, 'utf8');
const N = 40;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startPageServer();
server.setPage('/plain.html', `<!doctype html><html><head><title>plain</title><script>window.x = 1</script></head><body>${'<p>text</p>'.repeat(200)}</body></html>`);

// 1. install time of the hook alone
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext();
const install: number[] = [];
for (let i = 0; i < N; i++) {
  const page = await ctx.newPage();
  await page.addInitScript(`(() => { const t0 = performance.now(); ${hook}; window.__hookMs = performance.now() - t0; })();`);
  await page.goto(server.url('/plain.html'));
  install.push(await page.evaluate(() => (window as any).__hookMs as number));
  await page.close();
}
const dcl = async (newPage: () => Promise<import('playwright-core').Page>) => {
  const xs: number[] = [];
  for (let i = 0; i < N; i++) {
    const page = await newPage();
    await page.goto(server.url('/plain.html'));
    xs.push(await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return n.domContentLoadedEventEnd; }));
    await page.close();
  }
  return xs;
};
const without = await dcl(() => ctx.newPage());
await browser.close();

// 2. the same page with the extension loaded (hook + relay)
const b = await launchWithExtension({ name: 'bench-startup', extension: ext });
const withExt = await dcl(() => b.context.newPage());
await b.close();
await server.close();

console.log(`hook file: ${statSync(hookFile).size} bytes (budget 4096)`);
console.log(`hook install time, median of ${N}: ${median(install).toFixed(3)} ms (max ${Math.max(...install).toFixed(3)} ms)`);
console.log(`DOMContentLoaded median without extension: ${median(without).toFixed(1)} ms, with: ${median(withExt).toFixed(1)} ms, ratio ${(median(withExt) / median(without)).toFixed(2)}`);
void tmpDir;
