/**
 * Scans over page and file text, before and after the hand scanners (issue 20, item 5), in one
 * run: a 1 MB JWT-like and e-mail-like string, a 128 KB error message redacted for an export,
 * and a HAR whose bodies are 256 KB near-matches (tests/unit/har/hostile.ts) read and diagnosed.
 *
 * "before" is main's code (768c957): its JWT and e-mail patterns, copied below, and, for the HAR,
 * main's lib/ when BEFORE_LIB names a copy of it:
 *
 *   git archive 768c957 lib | (mkdir -p tmp/before && tar -x -C tmp/before)
 *   BEFORE_LIB=tmp/before/lib npm run bench:scan
 *
 * The old patterns are quadratic, so they are timed at 32 and 64 KB and their 1 MB time is
 * extrapolated from the measured growth (printed as such); the scanners are timed at 1 MB.
 * Times are CPU ms (process.cpuUsage), best of 3: the machine may be shared.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { replaceJwts } from '../../lib/token/jwt-shape';
import { replaceEmails } from '../../lib/report/emails';
import { redactValue } from '../../lib/report/redact';
import { readHar } from '../../lib/har';
import { diagnoseHar } from '../../lib/cli/commands/har';
import { hostileHar } from '../unit/har/hostile';

const OLD_JWT = /(eyJ[A-Za-z0-9_\-+/]*=*)\.([A-Za-z0-9_\-+/]*=*)\.([A-Za-z0-9_\-+/]*=*)/g;
const OLD_EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const KB = 1024;
const MB = 1024 * KB;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function best(fn: () => unknown, runs = 3): Promise<number> {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    await fn();
    b = Math.min(b, cpuMs() - t0);
  }
  return b;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

/** Old pattern at 32 and 64 KB; 1 MB extrapolated with the measured exponent. */
async function before(make: (n: number) => string, scan: (s: string) => unknown, to: number): Promise<string> {
  const a = await best(() => scan(make(32 * KB)), 1);
  const b = await best(() => scan(make(64 * KB)), 1);
  const exponent = Math.log2(b / Math.max(a, 0.01));
  const projected = b * Math.pow(to / (64 * KB), exponent);
  return `32 KB ${fmt(a)}, 64 KB ${fmt(b)} (×${(b / a).toFixed(1)} for 2× input), ${to / KB} KB ≈ ${fmt(projected)} (extrapolated)`;
}

async function after(make: (n: number) => string, scan: (s: string) => unknown, size: number): Promise<string> {
  const s = make(size);
  scan(s);
  const small = await best(() => scan(make(size / 4)));
  const big = await best(() => scan(s));
  return `${size / KB / 4} KB ${fmt(small)}, ${size / KB} KB ${fmt(big)} (×${(big / Math.max(small, 0.01)).toFixed(1)} for 4× input)`;
}

const jwtLike = (n: number) => 'eyJ'.repeat(Math.ceil(n / 3)).slice(0, n);
const emailLike = (n: number) => 'a'.repeat(n);

async function main(): Promise<void> {
  console.log('scan of page/file text: CPU time, best of 3\n');
  console.log(`1 MB JWT-like (eyJeyJ…)     before: ${await before(jwtLike, (t) => t.replace(OLD_JWT, ''), MB)}`);
  console.log(`                            after:  ${await after(jwtLike, (t) => replaceJwts(t, () => ''), MB)}`);
  console.log(`1 MB e-mail-like (aaaa…)    before: ${await before(emailLike, (t) => t.replace(OLD_EMAIL, ''), MB)}`);
  console.log(`                            after:  ${await after(emailLike, (t) => replaceEmails(t, '<e>'), MB)}`);
  const exportMessage = (t: string) => redactValue({ outcome: { serverMessage: t } });
  console.log(`128 KB error message export before: ${await before(emailLike, (t) => t.replace(OLD_EMAIL, ''), 128 * KB)}`);
  console.log(`                            after:  ${await after(emailLike, exportMessage, 128 * KB)}`);

  const importHar = (read: typeof readHar, diagnose: typeof diagnoseHar, text: string) => async () => diagnose(await read(text));
  const har64 = hostileHar(64 * KB);
  const har256 = hostileHar(256 * KB);
  const now64 = await best(importHar(readHar, diagnoseHar, har64));
  const now256 = await best(importHar(readHar, diagnoseHar, har256));
  console.log(`\nhostile HAR import (read + diagnose + export), bodies of near-matches:`);
  console.log(`  after:  64 KB bodies ${fmt(now64)}, 256 KB bodies ${fmt(now256)} (×${(now256 / now64).toFixed(1)} for 4× input; target < 1 s)`);
  const beforeLib = process.env['BEFORE_LIB'];
  if (beforeLib) {
    const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), beforeLib);
    const oldHar = (await import(pathToFileURL(path.join(root, 'har/index.ts')).href)) as { readHar: typeof readHar };
    const oldCmd = (await import(pathToFileURL(path.join(root, 'cli/commands/har.ts')).href)) as { diagnoseHar: typeof diagnoseHar };
    const old16 = await best(importHar(oldHar.readHar, oldCmd.diagnoseHar, hostileHar(16 * KB)), 1);
    const old64 = await best(importHar(oldHar.readHar, oldCmd.diagnoseHar, har64), 1);
    const projected = old64 * Math.pow(4, Math.log2(old64 / old16) / 2);
    console.log(`  before: 16 KB bodies ${fmt(old16)}, 64 KB bodies ${fmt(old64)}, 256 KB bodies ≈ ${fmt(projected)} (extrapolated)`);
  } else {
    console.log('  before: set BEFORE_LIB to a copy of main\'s lib/ to time it (see the header of this file)');
  }
  console.log(`\nratio 4× input → time, after (JWT, e-mail, HAR): must stay near 4 (linear)`);
}

void main();
