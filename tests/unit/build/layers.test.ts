/**
 * The layers, enforced: what ships in the extension (entrypoints/, components/ and every lib/
 * module they reach) never reaches Node's built-ins, the CLI, the lab or the tests; lib/ never
 * reaches up into the extension. Imports are followed transitively from the source text, so a
 * browser-side file that pulls `node:fs` through three lib/ modules fails here, with the chain.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:type\s)?[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Value and type imports alike: a type-only import of a Node-only module still couples the layers. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) out.push(spec);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not this candidate.
    }
  }
  return null;
}

interface Violation {
  chain: string[];
  target: string;
}

/** Breadth-first over local imports from `roots`; each file once, so the walk is linear in the tree. */
function reach(roots: string[], forbidden: (spec: string, resolved: string | null) => boolean): Violation[] {
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const r of roots) {
    parent.set(r, null);
    queue.push(r);
  }
  const found: Violation[] = [];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const spec of importsOf(file)) {
      const resolved = resolveLocal(file, spec);
      if (forbidden(spec, resolved)) {
        const chain: string[] = [];
        for (let f: string | null = file; f; f = parent.get(f) ?? null) chain.unshift(path.relative(ROOT, f));
        found.push({ chain, target: resolved ? path.relative(ROOT, resolved) : spec });
        continue;
      }
      if (resolved && !parent.has(resolved)) {
        parent.set(resolved, file);
        queue.push(resolved);
      }
    }
  }
  return found;
}

const rel = (p: string | null) => (p ? path.relative(ROOT, p).split(path.sep).join('/') : '');
const NODE_BUILTIN = /^node:|^(fs|path|os|child_process|crypto|http|https|net|stream|url|zlib|worker_threads)(\/|$)/;
const NODE_ONLY_DIRS = /^(lib\/cli|lib\/lab|lab|lib\/build|tests)\//;
const NODE_ONLY_PACKAGES = /^(playwright-core|puppeteer-core|vitest|tsx|fast-check|vite)(\/|$)/;

describe('layers', () => {
  it('extension code never reaches Node built-ins, the CLI, the lab, the build helpers or the tests', () => {
    const roots = [...sourceFiles(path.join(ROOT, 'entrypoints')), ...sourceFiles(path.join(ROOT, 'components'))];
    expect(roots.length).toBeGreaterThan(20);
    const bad = reach(roots, (spec, resolved) => NODE_BUILTIN.test(spec) || NODE_ONLY_PACKAGES.test(spec) || NODE_ONLY_DIRS.test(rel(resolved)));
    expect(bad.map((v) => `${v.chain.join(' → ')} → ${v.target}`)).toEqual([]);
  });

  it('lib/ never imports the extension (entrypoints/, components/)', () => {
    const libFiles = sourceFiles(path.join(ROOT, 'lib'));
    const bad = libFiles.flatMap((f) =>
      importsOf(f)
        .map((s) => rel(resolveLocal(f, s)))
        .filter((r) => /^(entrypoints|components)\//.test(r))
        .map((r) => `${rel(f)} → ${r}`),
    );
    expect(bad).toEqual([]);
  });

  it('the walk finds a Node import three modules deep (the check can fail)', () => {
    const probe = reach([path.join(ROOT, 'lib/cli/main.ts')], (spec) => NODE_BUILTIN.test(spec));
    expect(probe.length).toBeGreaterThan(0);
    expect(probe[0]!.chain[0]).toBe('lib/cli/main.ts');
  });
});
