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
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHmac } from 'node:crypto';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = path.join(root, 'tmp', 'har-bench');
const MB = Number(process.env.HAR_BENCH_MB ?? 200);
const JOINS = Number(process.env.HAR_BENCH_JOINS ?? 24_745);
const TARGET_S = 30;
const TARGET_MB = 300;

const b64u = (s: string) => Buffer.from(s).toString('base64url');
const START = Date.UTC(2026, 10, 1, 8, 0, 0);

/** A real HS256 token as Zoom's sample endpoint makes it (jsrsasign: header, then the sample payload). */
function token(iat: number, mn: string): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify({ appKey: 'abcDEF123ghiJKL456mno', sdkKey: 'abcDEF123ghiJKL456mno', mn, role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 }))}`;
  return `${input}.${createHmac('sha256', 'bench-secret').update(input).digest('base64url')}`;
}

function entry(atMs: number, url: string, body: string, o: { method?: string; post?: string; date?: boolean; status?: number; mime?: string; encoding?: string } = {}): string {
  const headers = o.date ? [{ name: 'Date', value: new Date(atMs + 30).toUTCString() }, { name: 'Content-Type', value: o.mime ?? 'application/json' }] : [{ name: 'Content-Type', value: o.mime ?? 'application/json' }];
  return JSON.stringify({
    startedDateTime: new Date(atMs).toISOString(),
    time: 60,
    request: {
      method: o.method ?? 'GET',
      url,
      headers: [{ name: 'Referer', value: 'https://app.customer.example/meeting' }],
      ...(o.post ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: o.post } } : {}),
    },
    response: { status: o.status ?? 200, headers, content: { size: body.length, mimeType: o.mime ?? 'application/json', text: body, ...(o.encoding ? { encoding: o.encoding } : {}) } },
    timings: { send: 1, wait: 50, receive: 9 },
  });
}

async function generate(file: string, joins: number, targetBytes: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((r) => (out.write(s) ? r() : out.once('drain', () => r())));
  await write('{"log":{"version":"1.2","creator":{"name":"join-doctor bench","version":"1"},"pages":[],"entries":[');
  let first = true;
  let bytes = 0;
  const put = async (s: string) => {
    const chunk = (first ? '' : ',') + s;
    first = false;
    bytes += chunk.length;
    await write(chunk);
  };
  const perJoin = targetBytes / joins;
  const script = JSON.stringify('function f(a){return "x\\"y"+a}\n'.repeat(64)).slice(1, -1);
  for (let j = 0; j < joins; j++) {
    const t = START + j * 20_000;
    const iat = Math.floor(t / 1000) - (j % 7 === 0 ? -40 : 30); // every 7th token 40 s in the future: a cause to find
    const mn = String(100000000 + (j % 50));
    const sig = token(iat, mn);
    await put(entry(t, 'https://api.customer.example/signature', JSON.stringify({ signature: sig, sdkKey: 'abcDEF123ghiJKL456mno' }), { method: 'POST', date: true }));
    const form = `meetingNumber=${mn}&userName=u${j}&passWord=&signature=${sig}&signatureType=sdk&apiKey=abcDEF123ghiJKL456mno&cv=6.2.0&proxy=1`;
    const answer = j % 7 === 0 ? '{"status":false,"errorCode":200,"errorMessage":"Invalid signature."}' : '{"status":true,"errorCode":0,"result":{"mid":"x"}}';
    if (j % 10 === 3) {
      await put(entry(t + 200, 'https://zoom.us/api/v1/wc/info', '<html>502 Bad Gateway</html>', { method: 'POST', post: form, date: true, status: 502, mime: 'text/html' }));
      await put(entry(t + 900, `https://zoom.us/api/v1/wc/info?${form}&callback=zoomsdkjsonpcallback${j}`, `zoomsdkjsonpcallback${j}(${answer})`, { date: true, mime: 'application/javascript' }));
    } else {
      await put(entry(t + 200, 'https://zoom.us/api/v1/wc/info', answer, { method: 'POST', post: form, date: true }));
    }
    // Fill to the target size with what a page loads around a join: scripts and (base64) images.
    while (bytes < perJoin * (j + 1)) {
      const room = Math.max(1024, Math.min(perJoin * (j + 1) - bytes, 3 * 1024 * 1024));
      await put(
        (j + bytes) % 3 === 0
          ? entry(t + 500, `https://cdn.customer.example/img${j}.png`, Buffer.alloc(Math.floor((room * 3) / 4), j & 255).toString('base64'), { mime: 'image/png', encoding: 'base64' })
          : entry(t + 500, `https://cdn.customer.example/app${j}.js`, script.repeat(Math.max(1, Math.floor(room / script.length))), { mime: 'application/javascript' }),
      );
    }
  }
  await write(']}}');
  await new Promise<void>((r) => out.end(r));
}

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
  await generate(file, joins, megabytes * 1024 * 1024);
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
