#!/usr/bin/env node
/**
 * Builds what `npm pack` ships (run by `prepack`): the CLI and the API as plain ES modules for
 * Node 20 with jose as their only import (esbuild, from the sources in lib/), and the API's
 * declarations (tsc). Nothing from lab/, the extension or the tests goes in.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'lib/cli/run.ts', index: 'lib/api.ts' },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The only runtime dependency; node: built-ins stay imports too.
  external: ['jose'],
  legalComments: 'none',
  logLevel: 'warning',
});
const cli = path.join(dist, 'cli.mjs');
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, 'utf8')}`);

// Declarations: tsc keeps the sources' extensionless relative imports, which Node16/NodeNext
// resolution refuses in an ES module package, so each one gets the file it means.
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const typesDir = path.join(dist, 'types');
const fix = (file) => {
  const dir = path.dirname(file);
  const text = readFileSync(file, 'utf8').replace(/((?:from\s+|import\()\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (m, pre, q, spec) => {
    if (/\.(m?js|json)$/.test(spec)) return m;
    const target = path.join(dir, spec);
    if (existsSync(`${target}.d.ts`)) return `${pre}${q}${spec}.js${q}`;
    if (existsSync(path.join(target, 'index.d.ts'))) return `${pre}${q}${spec}/index.js${q}`;
    throw new Error(`${path.relative(root, file)}: cannot resolve ${spec}`);
  });
  writeFileSync(file, text);
};
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.d.ts')) fix(p);
  }
};
walk(typesDir);
console.log(`built ${path.relative(root, dist)}/: cli.mjs, index.mjs, types/api.d.ts`);
