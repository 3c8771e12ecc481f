/**
 * `join-doctor probe` against an endpoint whose body never ends: runs the real command in a fresh
 * Node process (20 samples, 4 in flight) and prints its peak memory, next to the same probe of a
 * well-behaved endpoint, and the bytes the endless server managed to send. Before the probe
 * streamed and capped bodies, an endless answer grew the process to 3.46 GB.
 *
 *   npm run bench:probe
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMisbehavingServer } from '../unit/probe/misbehaving-server';
import { startSignatureServer } from '../unit/probe/signature-server';

const root = fileURLToPath(new URL('../..', import.meta.url));

const RUN = (url: string) => `
import { main } from ${JSON.stringify(path.join(root, 'lib/cli/main.ts'))};
let out = '';
const io = { stdout: { write: (s) => { out += s; } }, stderr: { write: () => {} }, readStdin: async () => '', readFile: async () => '', env: {}, now: () => Date.now() };
const t0 = performance.now();
const code = await main(['probe', ${JSON.stringify(url)}, '--count', '20', '--json', '--timeout', '60'], io);
const j = JSON.parse(out);
console.log(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024, code, samples: j.samples, errors: j.errors, first: j.errorMessages[0]?.message ?? null }));
`;

function run(code: string): Promise<{ ms: number; rss: number; code: number; samples: number; errors: number; first: string | null }> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout.trim().split('\n').pop()!)),
    ),
  );
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const endless = await startMisbehavingServer();
const good = await startSignatureServer();
try {
  const e = await run(RUN(`${endless.url}/endless`));
  const g = await run(RUN(`${good.url}/node`));
  console.log(`endless body: ${e.errors} of 20 samples stopped at the cap in ${(e.ms / 1000).toFixed(2)} s, peak RSS ${mb(e.rss)} MB; the server sent ${mb(endless.sentBytes())} MB in all`);
  console.log(`  first error: ${e.first}`);
  console.log(`good endpoint: ${g.samples} samples, peak RSS ${mb(g.rss)} MB (the endless body costs ${mb(e.rss - g.rss)} MB more)`);
} finally {
  await endless.close();
  await good.close();
}
