/**
 * The first screen of the reports and the CLI for the four cases issue 21 names: a swapped secret,
 * Java Math.round, a mixed session (several causes) and a wasm 404 after a successful join. Each
 * case is a HAR built the way Chrome writes one (issuing endpoint, wc/info with Zoom's Date header
 * and answer), signed with jose like the backends do, and read by the real CLI: `join-doctor har
 * --format md` (first ten lines), `join-doctor har` and, for one token, `join-doctor check`, at 80
 * columns. Run: `npx tsx tests/tools/answer-samples.ts [OUT.txt]` (default tmp/answer-samples.txt).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { javaRoundLongIat } from '../../lib/rules/quantization';
import { KEY, SECRET, samplePayload, signClaims } from '../unit/rules/token-helpers';
import { entry, har } from '../unit/har/helpers';
import { runCli } from '../unit/cli/run-cli';

const START = Date.UTC(2026, 10, 30, 9, 0, 0);
const ISSUER = 'https://api.example.com';
const PAGE = 'https://app.example.com/meeting';

type Backend = 'java' | 'node' | 'skewed' | 'swapped' | 'wrong-secret';

/** iat as each backend computes it at `ms`: Java Math.round((now − 30 s) / 1000) through a float; Node floor(now) − 30; a server clock 75 s ahead. */
function iatFor(b: Backend, ms: number): number {
  if (b === 'java') return javaRoundLongIat(ms, 30_000);
  if (b === 'skewed') return Math.floor((ms + 75_000) / 1000) - 30;
  return Math.floor(ms / 1000) - 30;
}

interface Join {
  backend: Backend;
  at: number;
}

const http = (ms: number) => new Date(ms).toUTCString();
const iso = (ms: number) => new Date(ms).toISOString();

/** Zoom (iat must not be after its clock; the right secret) decides each join's answer. */
async function joinEntries(j: Join): Promise<unknown[]> {
  const iat = iatFor(j.backend, j.at);
  const secret = j.backend === 'swapped' ? KEY : j.backend === 'wrong-secret' ? 'an-old-secret-from-before-rotation' : SECRET;
  const token = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }), secret);
  const refused = iat > Math.floor(j.at / 1000) || secret !== SECRET;
  const answer = refused ? { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } : { status: true, errorCode: 0, errorMessage: null, result: {} };
  const endpoint = `${ISSUER}/${j.backend === 'java' ? 'java' : 'node'}/signature`;
  return [
    entry({ at: iso(j.at - 900), method: 'POST', url: endpoint, status: 200, headers: [{ name: 'Date', value: http(j.at - 900) }], body: JSON.stringify({ signature: token }) }),
    {
      ...entry({
        at: iso(j.at),
        method: 'POST',
        url: 'https://zoom.us/api/v1/wc/info',
        post: `meetingNumber=123456789&userName=Ada&passWord=&signature=${token}&signatureType=sdk&cv=6.2.0&sdkOrigin=x&tk=`,
        status: 200,
        headers: [{ name: 'Date', value: http(j.at + 200) }],
        body: JSON.stringify(answer),
      }),
      pageref: 'p1',
    },
  ];
}

function pageEntry(at: number, url: string): unknown {
  return entry({ at: iso(at), url, status: 200, headers: [{ name: 'content-type', value: 'text/html' }], body: '<!doctype html><script src="https://source.zoom.us/6.2.0/zoom-meeting-6.2.0.min.js"></script>' });
}

async function harOf(joins: Join[], extra: unknown[] = []): Promise<string> {
  const entries: unknown[] = [pageEntry(START - 60_000, PAGE)];
  for (const j of joins) entries.push(...(await joinEntries(j)));
  entries.push(...extra);
  // Referer ties the requests to the page.
  for (const e of entries as Array<{ request: { headers: Array<{ name: string; value: string }> } }>) {
    if (!e.request.headers.some((h) => h.name === 'Referer')) e.request.headers.push({ name: 'Referer', value: PAGE });
  }
  return har(entries);
}

const step = (i: number) => START + i * 37_013;

async function cases(): Promise<Array<{ name: string; har: string; token?: { text: string; at: number } }>> {
  const swapped: Join = { backend: 'swapped', at: START };
  const swappedIat = iatFor('swapped', START);
  const java = Array.from({ length: 24 }, (_, i) => ({ backend: 'java' as const, at: step(i) }));
  const javaFail = java.find((j) => iatFor('java', j.at) > Math.floor(j.at / 1000))!;
  const mixed: Join[] = [];
  for (let i = 0; i < 106; i++) {
    const backend: Backend = i % 9 === 4 ? 'skewed' : i % 17 === 8 ? 'wrong-secret' : i % 2 === 0 ? 'java' : 'node';
    mixed.push({ backend, at: step(i) });
  }
  const later = START + 10 * 60_000;
  const wasm = entry({ at: iso(later + 3_000), url: 'https://app.example.com/lib/av/audio.simd.wasm', status: 404, headers: [{ name: 'content-type', value: 'text/html' }], body: '<!doctype html><title>404</title>' }) as { request: { headers: unknown[] } };
  wasm.request.headers.push({ name: 'Referer', value: `${PAGE}?room=2` });
  const wasm404 = [pageEntry(later, `${PAGE}?room=2`), { ...wasm, _resourceType: 'fetch' }];
  return [
    { name: 'swapped secret (token signed with the Client ID as the secret)', har: await harOf([swapped]), token: { text: await signClaims(samplePayload({ iat: swappedIat, exp: swappedIat + 7200, tokenExp: swappedIat + 7200 }), KEY), at: START } },
    { name: 'Java Math.round(long) with −30 s (24 joins)', har: await harOf(java), token: { text: await signClaims(samplePayload({ iat: iatFor('java', javaFail.at), exp: iatFor('java', javaFail.at) + 7200, tokenExp: iatFor('java', javaFail.at) + 7200 })), at: javaFail.at } },
    { name: 'mixed session: Java, a server clock 75 s ahead, a rotated secret, Node (106 joins)', har: await harOf(mixed) },
    { name: 'wasm 404 on a later page, after a successful join', har: await harOf([{ backend: 'node', at: START }], wasm404) },
  ];
}

async function main() {
  const out = process.argv[2] ?? path.resolve('tmp/answer-samples.txt');
  const dir = mkdtempSync(path.join(tmpdir(), 'jd-samples-'));
  const env = { COLUMNS: '80' };
  const text: string[] = [];
  try {
    for (const c of await cases()) {
      const file = path.join(dir, 'session.har');
      writeFileSync(file, c.har);
      if (process.env['KEEP_HARS']) writeFileSync(path.join(process.env['KEEP_HARS'], `${c.name.split(' ')[0]!.toLowerCase()}.har`), c.har);
      const md = await runCli(['har', file, '--format', 'md'], { env, nowMs: START + 86_400_000 });
      const cli = await runCli(['har', file], { env, nowMs: START + 86_400_000 });
      text.push(`${'='.repeat(80)}`, `CASE: ${c.name}`, '', '--- join-doctor har --format md (first 10 lines) ---', ...md.stdout.split('\n').slice(0, 10), '', `--- join-doctor har (80 columns, exit ${cli.code}) ---`, cli.stdout.trimEnd(), '');
      if (c.token) {
        const chk = await runCli(['check', '--meeting', '123456789', '--now', String(Math.floor(c.token.at / 1000)), c.token.text], { env });
        text.push(`--- join-doctor check (80 columns, exit ${chk.code}) ---`, chk.stdout.trimEnd(), '');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${text.join('\n')}\n`);
  process.stdout.write(`${text.join('\n')}\n`);
}

await main();
