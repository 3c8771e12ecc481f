#!/usr/bin/env node
/**
 * `npm run typecheck`: the two projects (everything with Node's types; the extension's own code
 * without them, so a `node:*` import there fails) checked at the same time, each incrementally.
 * Run one after the other they cost the sum of both; side by side on two cores about the longer
 * one, and with their build info kept (under node_modules/.cache, never in the tracked tree) a
 * second run re-checks only what changed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'node_modules/.cache/typecheck');
mkdirSync(cache, { recursive: true });
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

const projects = [
  ['tsconfig.json', 'node.tsbuildinfo'],
  ['tsconfig.extension.json', 'extension.tsbuildinfo'],
];

function check([project, info]) {
  return new Promise((resolve) => {
    const args = [tsc, '--noEmit', '-p', project, '--incremental', '--tsBuildInfoFile', path.join(cache, info)];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code: code ?? 1, out }));
  });
}

const results = await Promise.all(projects.map(check));
// Printed whole, one project after the other, so two projects' errors never interleave.
for (const r of results) {
  if (r.out) process.stdout.write(`${r.project}:\n${r.out}`);
}
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  process.stderr.write(`typecheck failed: ${failed.map((r) => r.project).join(', ')}\n`);
  process.exit(1);
}
