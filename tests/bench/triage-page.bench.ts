/**
 * The triage page on the 200 MB bench HAR (the file `npm run bench:har` reads, from
 * tests/bench/har-generate.ts), in headless Chromium: time to read it in the page's Web Worker, the
 * page's memory while it reads, and whether its headline is the one `join-doctor har` gives.
 *
 * Memory, three ways:
 *   - performance.measureUserAgentSpecificMemory(): the page and its worker, live bytes after a
 *     garbage collection (needs cross-origin isolation: scripts/serve-web.mjs sends COOP/COEP),
 *     sampled every 500 ms while reading; its breakdown tells the worker from the window;
 *   - the renderer process's resident memory (VmRSS sampled, VmHWM its peak) from /proc: what the
 *     operating system gives the tab, JS heaps, parser buffers and the File's chunks included;
 *   - CDP Performance.getMetrics JSHeapUsedSize: the window's own JS heap at the end.
 *
 *   npm run bench:triage                 # 200 MB, 24,745 joins
 *   HAR_BENCH_MB=20 HAR_BENCH_JOINS=2000 npm run bench:triage
 */
import { chromium } from 'playwright-core';
import { readdir, readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../lab/find-chromium';
import { serveWeb } from '../../scripts/serve-web.mjs';
import { generateBenchHar } from './har-generate';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The same defaults, and so the same file, as `npm run bench:har`.
const MB = Number(process.env.HAR_BENCH_MB ?? 200);
const JOINS = Number(process.env.HAR_BENCH_JOINS ?? 24_745);
const file = path.join(root, 'tmp', 'har-bench', `joins-${JOINS}-${MB}mb.har`);
const webDir = path.join(root, 'tmp', 'bench-web');
const mb = (n: number) => (n / 1e6).toFixed(1);

if (!(await stat(file).catch(() => null))) {
  console.log(`writing ${path.relative(root, file)}…`);
  await generateBenchHar(file, JOINS, MB * 1024 * 1024);
}
const size = (await stat(file)).size;
execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'scripts/web.vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  env: { ...process.env, JOIN_DOCTOR_WEB_OUT_DIR: path.relative(root, webDir) },
});

/** Chromium's renderer processes started by this bench (descendants of this process). */
async function rendererMemory(): Promise<{ rss: number; hwm: number }> {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of await readdir('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const statText = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const ppid = Number(statText.slice(statText.lastIndexOf(')') + 2).split(' ')[1]);
    parent.set(pid, ppid);
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes('--type=renderer')) renderers.push(pid);
  }
  const mine = (pid: number) => {
    for (let p = pid, i = 0; p > 1 && i < 64; p = parent.get(p) ?? 0, i++) if (p === process.pid) return true;
    return false;
  };
  let rss = 0;
  let hwm = 0;
  for (const pid of renderers.filter(mine)) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
    rss = Math.max(rss, kb('VmRSS'));
    hwm = Math.max(hwm, kb('VmHWM'));
  }
  return { rss, hwm };
}

const server = await serveWeb(webDir, 0);
const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  // Eager: measureUserAgentSpecificMemory answers at once instead of at the next natural GC (up to 20 s).
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-blink-features=ForceEagerMeasureMemory'],
});
try {
  const page = await browser.newPage();
  await page.goto(server.origin + '/');
  await page.waitForSelector('[data-testid="triage-page"]');
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated: measureUserAgentSpecificMemory is unavailable');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const idle = await rendererMemory();

  type Sample = { t: number; page: number; worker: number; window: number };
  const samples: Sample[] = [];
  const rss: number[] = [];
  let reading = true;
  const t0 = Date.now();
  // Two loops: the OS figure every 200 ms, and the browser's own measurement as often as it answers.
  const osLoop = (async () => {
    while (reading) {
      rss.push((await rendererMemory()).rss);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const umemLoop = (async () => {
    while (reading) {
      const m = await page
        .evaluate(async () => {
          const r = await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number; breakdown: Array<{ bytes: number; attribution: Array<{ scope: string }> }> }> }).measureUserAgentSpecificMemory();
          let worker = 0;
          let window = 0;
          for (const b of r.breakdown) {
            if (b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) worker += b.bytes;
            else if (b.attribution.some((a) => a.scope === 'Window')) window += b.bytes;
          }
          return { bytes: r.bytes, worker, window };
        })
        .catch(() => null);
      if (m) samples.push({ t: Date.now() - t0, page: m.bytes, worker: m.worker, window: m.window });
    }
  })();
  await page.setInputFiles('[data-testid="open-file-input"]', file);
  await page.waitForFunction((n) => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n, path.basename(file), { timeout: 600_000, polling: 250 });
  const readMs = Date.now() - t0;
  reading = false;
  await Promise.all([osLoop, umemLoop]);
  const atRead = await rendererMemory();
  await page.click('[data-testid="tab-correlation"]');
  const headline = await page.locator('[data-testid="cause-headline"] b').textContent({ timeout: 600_000 });
  const attempts = Number(await page.locator('[data-testid="source-imported"] .source-n').textContent());
  const after = await rendererMemory();
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const peak = (k: keyof Sample) => Math.max(0, ...samples.map((s) => s[k]));
  const avgMs = samples.length ? Math.round(readMs / samples.length) : 0;

  console.log(`${path.basename(file)}: ${mb(size)} MB, read in the page's worker in ${(readMs / 1000).toFixed(1)} s, ${attempts} attempts`);
  console.log(`  measureUserAgentSpecificMemory while reading (${samples.length} samples, one per ${avgMs} ms): peak ${mb(peak('page'))} MB (worker ${mb(peak('worker'))} MB, window ${mb(peak('window'))} MB)`);
  console.log(`  renderer process while reading (${rss.length} samples): idle RSS ${mb(idle.rss)} MB, peak RSS ${mb(Math.max(0, ...rss))} MB, VmHWM at the end of the read ${mb(atRead.hwm)} MB`);
  console.log(`  after Correlation of all ${attempts} attempts: VmHWM ${mb(after.hwm)} MB, RSS ${mb(after.rss)} MB`);
  console.log(`  window JS heap after the read and Correlation (CDP JSHeapUsedSize): ${mb(jsHeap)} MB`);
  console.log(`  headline: ${headline}`);

  // The CLI's verdict on the same file, in a fresh process (as the har bench runs it).
  const cli = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { readHarFile } from ${JSON.stringify(path.join(root, 'lib/har/read-file.ts'))};
         import { diagnoseHar } from ${JSON.stringify(path.join(root, 'lib/cli/commands/har.ts'))};
         const exp = diagnoseHar(await readHarFile(${JSON.stringify(file)}));
         console.log(JSON.stringify({ headline: exp.correlation.headline, attempts: exp.items.length }));`,
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
    )
      .trim()
      .split('\n')
      .pop()!,
  ) as { headline: string; attempts: number };
  const same = cli.headline === headline && cli.attempts === attempts;
  console.log(`  join-doctor har: ${cli.attempts} attempts, ${cli.headline}: ${same ? 'same' : 'DIFFERENT'}`);
  if (!same) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
