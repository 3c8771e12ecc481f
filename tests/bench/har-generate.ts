/**
 * The synthetic HAR of the `join-doctor har` bench (tests/bench/har.bench.ts) and the sanitizer's
 * bench (tests/bench/sanitize.bench.ts): per join a signature-endpoint response, Zoom's wc/info
 * answer (every 10th a 5xx and the SDK's JSONP retry, every 7th token 40 s in the future) and
 * script/image bodies between them, up to the target size.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createHmac } from 'node:crypto';

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

/** `everyMs`: time between joins (20 s by default; the panel's multi-day plot test spreads them over days). */
export async function generateBenchHar(file: string, joins: number, targetBytes: number, everyMs = 20_000): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
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
    const t = START + j * everyMs;
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

