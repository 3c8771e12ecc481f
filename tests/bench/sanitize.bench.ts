/**
 * `join-doctor har --sanitize` at scale, on the `join-doctor har` bench's HAR (~200 MB, ~24,745
 * joins, tests/bench/har-generate.ts; reused from tmp/har-bench when it is already there). Each
 * step runs in a fresh Node process so its peak RSS is its own:
 *   1. `join-doctor har FILE --json` (the memory the sanitizer is held to),
 *   2. `join-doctor har --sanitize OUT FILE` (seconds, peak RSS),
 *   3. the diagnosis of FILE and of OUT compared (engine JSON minus har.stats.characters),
 *   4. every removed value searched for in OUT (text, JSON-escaped, URL-encoded, base64/base64url
 *      at each alignment), and the round-trip row for the table of tests/tools/sanitize-roundtrip.ts.
 *
 *   npm run bench:sanitize                        # 200 MB
 *   HAR_BENCH_MB=20 HAR_BENCH_JOINS=2000 npm run bench:sanitize
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchHar } from './har-generate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = path.join(root, 'tmp', 'har-bench');
const MB = Number(process.env.HAR_BENCH_MB ?? 200);
const JOINS = Number(process.env.HAR_BENCH_JOINS ?? 24_745);
const file = path.join(dir, `joins-${JOINS}-${MB}mb.har`);
const out = path.join(dir, `joins-${JOINS}-${MB}mb.sanitized.har`);
const lib = (p: string) => JSON.stringify(path.join(root, p));

const CLI = (args: string[]) => `
import { main } from ${lib('lib/cli/main.ts')};
let outChars = 0;
const io = { stdout: { write: (s) => { outChars += s.length; } }, stderr: { write: (s) => process.stderr.write(s) }, readStdin: async () => '', readFile: async () => '', env: {}, now: () => Date.now() };
const t0 = performance.now();
const code = await main(${JSON.stringify(args)}, io);
console.log(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024, code, outChars }));
`;

const DIAGNOSIS = (f: string) => `
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { diagnosisOf } from ${lib('tests/tools/sanitize-check.ts')};
const d = await diagnosisOf(createReadStream(${JSON.stringify(f)}, { highWaterMark: 64 * 1024 }));
const j = JSON.parse(d);
console.log(JSON.stringify({ sha256: createHash('sha256').update(d).digest('hex'), attempts: j.items.length, headline: j.correlation.headline }));
`;

const LEAKS = `
import { createReadStream, readFileSync } from 'node:fs';
import { sanitizeHar } from ${lib('lib/har/sanitize.ts')};
import { findLeaks } from ${lib('tests/tools/sanitize-check.ts')};
const values = new Set();
const s = await sanitizeHar(createReadStream(${JSON.stringify(file)}, { highWaterMark: 64 * 1024 }), () => undefined, { onRemoved: (_k, v) => values.add(v) });
const text = readFileSync(${JSON.stringify(out)}, 'utf8');
const t0 = performance.now();
const leaks = findLeaks(text, values);
console.log(JSON.stringify({ entries: s.entries, removed: s.removed, distinct: values.size, leaks: leaks.length, first: leaks.slice(0, 3).map((l) => l.form), searchMs: performance.now() - t0 }));
`;

const run = (code: string, heapMb?: number) =>
  JSON.parse(
    execFileSync(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })
      .trim()
      .split('\n')
      .pop()!,
  );
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

if (!existsSync(file)) await generateBenchHar(file, JOINS, MB * 1024 * 1024);
const sizeIn = (await stat(file)).size;
const har = run(CLI(['har', file, '--json']));
const san = run(CLI(['har', '--sanitize', out, file]));
const sizeOut = (await stat(out)).size;
const before = run(DIAGNOSIS(file));
const after = run(DIAGNOSIS(out));
const leaks = run(LEAKS, 4096);
console.log(`${JOINS} joins, ${mb(sizeIn)} MB in, ${mb(sizeOut)} MB out`);
console.log(`join-doctor har --json:      ${(har.ms / 1000).toFixed(2)} s, peak RSS ${mb(har.rss)} MB`);
console.log(`join-doctor har --sanitize:  ${(san.ms / 1000).toFixed(2)} s, peak RSS ${mb(san.rss)} MB, exit ${san.code}`);
console.log(`diagnosis: ${before.attempts} attempts; equal after sanitizing: ${before.sha256 === after.sha256 ? 'yes' : 'NO'} (${before.headline})`);
console.log(`removed: ${JSON.stringify(leaks.removed)} (${leaks.distinct} distinct values); leaks in OUT: ${leaks.leaks} (searched in ${(leaks.searchMs / 1000).toFixed(1)} s)`);
const kinds = Object.values(leaks.removed as Record<string, number>).join(' | ');
console.log(`| ${path.basename(file)} (bench) | ${leaks.entries} | ${kinds} | ${before.sha256 === after.sha256 ? 'yes' : 'NO'} | ${leaks.leaks} | ${sizeIn} | ${sizeOut} |`);
const ok = san.code === 0 && before.sha256 === after.sha256 && leaks.leaks === 0 && san.rss <= Math.max(har.rss * 1.5, 300 * 1024 * 1024);
console.log(`targets (diagnosis equal, no leak, peak RSS within 1.5x of join-doctor har or 300 MB): ${ok ? 'met' : 'NOT MET'}`);
if (!ok) process.exitCode = 1;
