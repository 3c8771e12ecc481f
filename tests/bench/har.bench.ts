/**
 * `join-doctor har` at scale: writes a synthetic HAR into the repo's ignored tmp/ folder of
 * ~200 MB holding ~24,745 joins (sizes: HAR_BENCH_MB, HAR_BENCH_JOINS), then runs the real command
 * once per output format (text, `--format md`, `--json`), each in a fresh Node process whose stdout
 * is written to /dev/null as a terminal redirect would, and prints seconds and peak RSS per format
 * against the targets (< 30 s, ≤ 400 MB peak RSS in EVERY format, PASS/MISS), plus the ratio to bare
 * JSON tokenisation of the same file (the streaming JSON parser, keeping nothing).
 * Each join is a signature-endpoint response, Zoom's wc/info answer (every 10th join a 5xx and the
 * SDK's JSONP retry) and script/image bodies between them, as a long support session records.
 * With SCALING=1 it also runs 1/8, 1/4 and 1/2 of the joins (JSON only) and prints seconds per
 * 1,000 joins: a flat column is linear time.
 *
 *   npm run bench:har                      # 200 MB, 24,745 joins
 *   HAR_BENCH_MB=20 HAR_BENCH_JOINS=2000 npm run bench:har
 *   HAR_BENCH_FORMATS=text npm run bench:har
 */
import { stat } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchHar } from './har-generate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = path.join(root, 'tmp', 'har-bench');
const MB = Number(process.env.HAR_BENCH_MB ?? 200);
const JOINS = Number(process.env.HAR_BENCH_JOINS ?? 24_745);
const TARGET_S = 30;
/** Peak RSS of the whole process, in every output format (issue 24). */
const TARGET_MB = 400;
type Format = 'text' | 'md' | 'json';
const FORMATS = (process.env.HAR_BENCH_FORMATS ?? 'text,md,json').split(',') as Format[];
const ARGS: Record<Format, string[]> = { text: ['--format', 'text'], md: ['--format', 'md'], json: ['--json'] };

/**
 * The command as a user runs it: the real stdout (to /dev/null), so a report written as one string,
 * or queued faster than the pipe drains, counts in the peak. The figures go to stderr.
 */
const HAR_RUN = (file: string, format: Format) => `
import { main } from ${JSON.stringify(path.join(root, 'lib/cli/main.ts'))};
import { processIO } from ${JSON.stringify(path.join(root, 'lib/cli/io.ts'))};
let outChars = 0;
const io = { ...(await processIO()), stdout: { write: (s) => { outChars += s.length; return process.stdout.write(s); } } };
const t0 = performance.now();
const code = await main(['har', ${JSON.stringify(file)}, ...${JSON.stringify(ARGS[format])}], io);
const ms = performance.now() - t0;
await new Promise((r) => process.stdout.write('', r));
process.stderr.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, code, outChars }) + '\\n');
`;

/** Bare JSON tokenisation: the same streaming parser over the same file, every entry dropped at once. */
const TOKENISE = (file: string) => `
import { createReadStream } from 'node:fs';
import { JsonStreamParser } from ${JSON.stringify(path.join(root, 'lib/har/json-stream.ts'))};
const t0 = performance.now();
let n = 0;
const p = new JsonStreamParser({ maxString: 1 << 20, streamPath: ['log', 'entries'], onStreamed: () => { n++; } });
const dec = new TextDecoder();
for await (const chunk of createReadStream(${JSON.stringify(file)}, { highWaterMark: 64 * 1024 })) p.write(dec.decode(chunk, { stream: true }));
p.end();
console.log(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024, entries: n }));
`;

const run = (code: string) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
/** A fresh process whose stdout goes to /dev/null; its figures come back on stderr. */
const runToNull = (code: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  if (!last.startsWith('{')) throw new Error(`join-doctor har did not finish (status ${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(last) as { ms: number; rss: number; code: number; outChars: number };
};
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function harFile(joins: number, megabytes: number) {
  const file = path.join(dir, `joins-${joins}-${megabytes}mb.har`);
  await generateBenchHar(file, joins, megabytes * 1024 * 1024);
  return { file, size: (await stat(file)).size };
}

const tok = (file: string) => run(TOKENISE(file)) as { ms: number; rss: number; entries: number };

if (process.env.SCALING === '1') {
  for (const n of [JOINS / 8, JOINS / 4, JOINS / 2].map((x) => Math.round(x))) {
    const { file, size } = await harFile(n, (MB * n) / JOINS);
    const r = runToNull(HAR_RUN(file, 'json'));
    console.log(`${n} joins, ${mb(size)} MB, --json: ${(r.ms / 1000).toFixed(2)} s (${(r.ms / n).toFixed(2)} s per 1,000 joins), peak RSS ${mb(r.rss)} MB`);
  }
}

const { file, size } = await harFile(JOINS, MB);
const t = tok(file);
console.log(`${JOINS} joins, ${mb(size)} MB; bare JSON tokenisation ${(t.ms / 1000).toFixed(2)} s (${t.entries} entries), peak RSS ${mb(t.rss)} MB`);
let allMet = true;
for (const format of FORMATS) {
  const r = runToNull(HAR_RUN(file, format));
  const s = r.ms / 1000;
  const peak = r.rss / 1024 / 1024;
  const ok = s < TARGET_S && peak <= TARGET_MB;
  allMet &&= ok;
  console.log(
    `${format.padEnd(4)} join-doctor har ${s.toFixed(2)} s (${(r.ms / JOINS).toFixed(2)} s per 1,000 joins, ratio ${(r.ms / t.ms).toFixed(2)}x tokenisation), ` +
      `peak RSS ${peak.toFixed(1)} MB (target ≤ ${TARGET_MB} MB: ${peak <= TARGET_MB ? 'PASS' : 'MISS'}; < ${TARGET_S} s: ${s < TARGET_S ? 'PASS' : 'MISS'}), exit ${r.code}, ${(r.outChars / 1e6).toFixed(2)} M chars out`,
  );
}
console.log(`targets in every format (${FORMATS.join(', ')}): ${allMet ? 'PASS' : 'MISS'}`);
if (!allMet) process.exitCode = 1;
