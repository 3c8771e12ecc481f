/**
 * HAR reader memory/time benchmark: writes a synthetic HAR of ~300 MB (size: HAR_BENCH_MB) whose
 * bulk is script, image and media bodies (base64 and JSON-escaped text), with one failed join, its
 * signature response and Zoom Date headers buried in it; then reads it in a fresh Node process
 * (readHarFile) and prints peak RSS and time as ratios to the file size.
 *
 *   npx tsx tests/bench/har.bench.ts            # 300 MB
 *   HAR_BENCH_MB=50 npx tsx tests/bench/har.bench.ts
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = path.join(root, 'tmp', 'har-bench');
const file = path.join(dir, 'synthetic.har');
const targetBytes = Number(process.env.HAR_BENCH_MB ?? 300) * 1024 * 1024;

const b64u = (s: string) => Buffer.from(s).toString('base64url');
const iat = 1_795_000_064;
const token = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify({ appKey: 'K', mn: '123456789', role: 0, iat, exp: iat + 7200 }))}.c2ln`;

function entry(i: number, url: string, body: string, o: { method?: string; post?: string; date?: string; encoding?: string } = {}): string {
  const t = new Date(Date.UTC(2026, 10, 1, 10, 0, 0) + i * 50).toISOString();
  return JSON.stringify({
    startedDateTime: t,
    time: 40,
    request: { method: o.method ?? 'GET', url, headers: [{ name: 'accept', value: '*/*' }], ...(o.post ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: o.post } } : {}) },
    response: { status: 200, headers: o.date ? [{ name: 'Date', value: o.date }] : [], content: { size: body.length, mimeType: 'x', text: body, ...(o.encoding ? { encoding: o.encoding } : {}) } },
    timings: { send: 1, wait: 30, receive: 9 },
  });
}

async function generate(): Promise<void> {
  await mkdir(dir, { recursive: true });
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((r) => (out.write(s) ? r() : out.once('drain', () => r())));
  const b64Block = Buffer.alloc(3 * 1024 * 1024, 'media').toString('base64'); // 4 MB
  const jsBlock = JSON.stringify('function f(a){return "x\\"y"+a}\n'.repeat(4000)).slice(1, -1); // ~140 KB with escapes
  await write('{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"pages":[],"entries":[');
  let bytes = 0;
  let i = 0;
  const sep = () => (i++ === 0 ? '' : ',');
  const put = async (s: string) => {
    const chunk = sep() + s;
    bytes += chunk.length;
    await write(chunk);
  };
  while (bytes < targetBytes / 2) await put(i % 5 === 0 ? entry(i, `https://cdn.example/v${i}.mp4`, b64Block, { encoding: 'base64' }) : entry(i, `https://cdn.example/app${i}.js`, jsBlock));
  await put(entry(i, 'https://api.customer.example/signature', JSON.stringify({ signature: token }), { method: 'POST', date: 'Sun, 01 Nov 2026 10:05:00 GMT' }));
  await put(
    entry(i, 'https://zoom.us/api/v1/wc/info', '{"status":false,"errorCode":200,"errorMessage":"Invalid signature."}', {
      method: 'POST',
      post: `meetingNumber=123456789&signature=${token}&cv=6.2.0&captcha=`,
      date: 'Sun, 01 Nov 2026 10:05:01 GMT',
    }),
  );
  while (bytes < targetBytes) await put(i % 5 === 0 ? entry(i, `https://cdn.example/v${i}.mp4`, b64Block, { encoding: 'base64' }) : entry(i, `https://cdn.example/app${i}.js`, jsBlock));
  await write(']}}');
  await new Promise<void>((r) => out.end(r));
}

const READER = `
import { readHarFile } from ${JSON.stringify(path.join(root, 'lib/har/read-file.ts'))};
const t0 = performance.now();
const r = await readHarFile(${JSON.stringify(file)});
const ms = performance.now() - t0;
const rss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, rss, attempts: r.attempts.length, outcome: r.attempts[0]?.outcome, issuer: r.attempts[0]?.issuer?.url, entries: r.stats.entries, skipped: r.stats.skippedBodies }));
`;

/** What a reader without streaming does: the whole file as one string, then JSON.parse. */
const NAIVE = `
import { readFileSync } from 'node:fs';
const t0 = performance.now();
const h = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, entries: h.log.entries.length }));
`;

const BASELINE = `const rss = process.resourceUsage().maxRSS * 1024; console.log(JSON.stringify({ rss }));`;

await generate();
const size = (await stat(file)).size;
const run = (code: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
const base = run(BASELINE) as { rss: number };
const r = run(READER) as { ms: number; rss: number; attempts: number; outcome: unknown; issuer: string; entries: number; skipped: number };
const naive = run(NAIVE) as { ms: number; rss: number };
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`file ${mb(size)} MB, ${r.entries} entries, ${r.skipped} bodies skipped; found ${r.attempts} attempt(s), outcome ${JSON.stringify(r.outcome)}, issuer ${r.issuer}`);
console.log(`time ${(r.ms / 1000).toFixed(2)} s (${(size / 1024 / 1024 / (r.ms / 1000)).toFixed(0)} MB/s)`);
console.log(`peak RSS ${mb(r.rss)} MB (a bare Node+tsx process: ${mb(base.rss)} MB); reader overhead ${mb(r.rss - base.rss)} MB = ${(((r.rss - base.rss) / size) * 100).toFixed(1)}% of the file size`);
console.log(`naive readFile+JSON.parse: ${(naive.ms / 1000).toFixed(2)} s, peak RSS ${mb(naive.rss)} MB; streaming reader: ${(r.ms / naive.ms).toFixed(2)}x the time, ${(r.rss / naive.rss).toFixed(3)}x the peak RSS`);
