#!/usr/bin/env node
/**
 * `npm test`: the type check, the unit files, then the browser files, stopping at the first that
 * fails (as `a && b && c` would), and at the end one table: each step's wall time and the slowest
 * files of both vitest runs together, so what makes `npm test` slow is on the last screen of every
 * run, whichever step it is in. The per-file times come from tests/tools/slowest-files-reporter.ts
 * (written under tmp/test-times/, ignored). SLOWEST_FILES=N sets the rows (default 15).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const timesDir = path.join(root, 'tmp/test-times');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const steps = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'unit', script: 'test:unit', json: path.join(timesDir, 'unit.json') },
  { name: 'e2e', script: 'test:e2e', json: path.join(timesDir, 'e2e.json') },
];

function run(step) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (step.json) {
      rmSync(step.json, { force: true });
      env.SLOWEST_FILES_JSON = step.json;
      // Each run's own table is replaced by the joint one below.
      env.SLOWEST_FILES = '0';
    }
    const child = spawn(npm, ['run', step.script], { cwd: root, env, stdio: 'inherit' });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const done = [];
let failed = null;
for (const step of steps) {
  const t0 = Date.now();
  const code = await run(step);
  done.push({ ...step, seconds: (Date.now() - t0) / 1000, code });
  if (code !== 0) {
    failed = step;
    break;
  }
}

const rows = Math.max(0, Number(process.env.SLOWEST_FILES ?? 15) || 15);
const lines = ['', `npm test: ${done.map((s) => `${s.name} ${s.seconds.toFixed(0)} s${s.code ? ' (failed)' : ''}`).join(', ')}; total ${done.reduce((a, s) => a + s.seconds, 0).toFixed(0)} s`];
const files = [];
for (const s of done) {
  if (!s.json || !existsSync(s.json)) continue;
  try {
    const { times } = JSON.parse(readFileSync(s.json, 'utf8'));
    for (const t of times) files.push({ ...t, step: s.name });
  } catch {
    // A run killed while writing leaves no table, not a crash.
  }
}
if (files.length > 0 && rows > 0) {
  const top = files.sort((a, b) => b.seconds - a.seconds).slice(0, rows);
  const width = Math.max(4, ...top.map((t) => t.file.length));
  lines.push(`slowest ${top.length} of ${files.length} files (a file's own time; browser files run side by side)`);
  lines.push(`${'file'.padEnd(width)}  ${'s'.padStart(6)}  tests  state`);
  for (const t of top) lines.push(`${t.file.padEnd(width)}  ${t.seconds.toFixed(1).padStart(6)}  ${String(t.tests).padStart(5)}  ${t.state}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(failed ? 1 : 0);
