/**
 * `join-doctor har` at scale: writes a synthetic HAR into the repo's ignored tmp/ folder of
 * ~200 MB holding ~24,745 joins (sizes: HAR_BENCH_MB, HAR_BENCH_JOINS), then runs the real command
 * (`join-doctor har FILE --json`, in a fresh Node process) and prints seconds, peak memory, and the
 * ratio to bare JSON tokenisation of the same file (the streaming JSON parser, keeping nothing).
 * Each join is a signature-endpoint response, Zoom's wc/info answer (every 10th join a 5xx and the
 * SDK's JSONP retry) and script/image bodies between them, as a long support session records.
 * With SCALING=1 it also runs 1/8, 1/4 and 1/2 of the joins and prints seconds per 1,000 joins:
 * a flat column is linear time.
 *
 *   npm run bench:har                      # 200 MB, 24,745 joins (targets: < 30 s, < 300 MB)
 *   HAR_BENCH_MB=20 HAR_BENCH_JOINS=2000 npm run bench:har
 */
import { stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchHar } from './har-generate';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = path.join(root, 'tmp', 'har-bench');
const MB = Number(process.env.HAR_BENCH_MB ?? 200);
const JOINS = Number(process.env.HAR_BENCH_JOINS ?? 24_745);
const TARGET_S = 30;
const TARGET_MB = 300;

const HAR_RUN = (file: string) => `
import { main } from ${JSON.stringify(path.join(root, 'lib/cli/main.ts'))};
let outChars = 0;
const io = { stdout: { write: (s) => { outChars += s.length; } }, stderr: { write: (s) => process.stderr.write(s) }, readStdin: async () => '', readFile: async () => '', env: {}, now: () => Date.now() };
const t0 = performance.now();
const code = await main(['har', ${JSON.stringify(file)}, '--json'], io);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, code, outChars }));
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
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function measure(joins: number, megabytes: number) {
  const file = path.join(dir, `joins-${joins}-${megabytes}mb.har`);
  await generateBenchHar(file, joins, megabytes * 1024 * 1024);
  const size = (await stat(file)).size;
  const har = run(HAR_RUN(file)) as { ms: number; rss: number; code: number; outChars: number };
  const tok = run(TOKENISE(file)) as { ms: number; rss: number; entries: number };
  return { file, joins, size, har, tok };
}

const sizes = process.env.SCALING === '1' ? [JOINS / 8, JOINS / 4, JOINS / 2, JOINS].map((n) => Math.round(n)) : [JOINS];
for (const n of sizes) {
  const r = await measure(n, (MB * n) / JOINS);
  console.log(
    `${r.joins} joins, ${mb(r.size)} MB: join-doctor har ${(r.har.ms / 1000).toFixed(2)} s (${((r.har.ms / r.joins) * 1000 / 1000).toFixed(2)} s per 1,000 joins), ` +
      `peak RSS ${mb(r.har.rss)} MB, exit ${r.har.code}, ${mb(r.har.outChars)} M chars of JSON out; ` +
      `bare JSON tokenisation ${(r.tok.ms / 1000).toFixed(2)} s (${r.tok.entries} entries), ratio ${(r.har.ms / r.tok.ms).toFixed(2)}x`,
  );
  if (n === JOINS) {
    const ok = r.har.ms / 1000 < TARGET_S && r.har.rss / 1024 / 1024 < TARGET_MB;
    console.log(`targets: < ${TARGET_S} s and < ${TARGET_MB} MB: ${ok ? 'met' : 'NOT MET'}`);
    if (!ok) process.exitCode = 1;
  }
}
