/**
 * `npm run bench:panel`: the panel's first render with 10,000 attempts in the store and the cost of
 * appending one attempt, measured in real Chromium (findChromium: $CHROMIUM_PATH or Debian's
 * /usr/bin/chromium) on a Vite build of the real components. Targets: first render ≤ 200 ms, append ≤ 16 ms (one frame).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChromium } from '../../lab/find-chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'tmp/panel/bench-dist');
const N = Number(process.env.PANEL_BENCH_N ?? 10_000);
const RUNS = Number(process.env.PANEL_BENCH_RUNS ?? 7);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

await build({
  root: join(root, 'tests/bench/panel'),
  base: './',
  logLevel: 'warn',
  configFile: false,
  build: { outDir, emptyOutDir: true, minify: true },
  define: { 'process.env.NODE_ENV': '"production"' },
});

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
  try {
    const body = await readFile(join(outDir, path || 'index.html'));
    res.writeHead(200, { 'content-type': TYPES[extname(path || 'index.html')] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
  // One warm-up run (JIT, font loading), then the measured runs.
  await page.evaluate((n) => (window as any).runPanelBench(n, 1), N);
  const { first, append } = await page.evaluate(([n, runs]) => (window as any).runPanelBench(n, runs), [N, RUNS] as const);
  const f = median(first);
  const a = median(append);
  console.log(`runs: ${RUNS} first renders, ${append.length} appends; first render samples (ms): ${first.map((x: number) => x.toFixed(1)).join(', ')}`);
  console.log(`ratio first render/target 200 ms: ${(f / 200).toFixed(2)}; ratio append/target 16 ms: ${(a / 16).toFixed(2)}`);
  console.log(`panel first render ${N}: ${f.toFixed(1)} ms`);
  console.log(`panel append: ${a.toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}
