/**
 * The layers, enforced: what ships in the extension (entrypoints/, components/ and every lib/
 * module they reach) never reaches Node's built-ins, the CLI, the lab, the build plugins or the
 * tests; lib/ never reaches up into the extension; and inside lib/ every import runs down the
 * floors of LIB_FLOORS (docs/architecture.md "Module map by layer"). Imports are followed from the
 * source text, so a browser-side file that pulls `node:fs` through three lib/ modules fails here,
 * with the chain, and so does a Zoom fact that starts importing the capture pipeline.
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
const NODE_ONLY_DIRS = /^(lib\/cli|lab|scripts|tests)\//;
const NODE_ONLY_PACKAGES = /^(playwright-core|puppeteer-core|vitest|tsx|fast-check|vite)(\/|$)/;

/**
 * The floors inside lib/, lowest first. A module may import its own unit (a folder of lib/, or a
 * single file at lib/'s top) and any unit on its floor or below; never one above. Units on one
 * floor must not import each other in a circle (checked below), so a floor is a set of
 * neighbours, not a loophole. A new folder or top-level file in lib/ fails here until it is given
 * a floor.
 */
const LIB_FLOORS: ReadonlyArray<{ floor: string; units: readonly string[] }> = [
  // The bottom floor: data shapes of a join, coded errors, the JWT reader.
  { floor: 'shapes', units: ['model', 'errors', 'token'] },
  // What Zoom's SDKs and servers do: clock, answer codes per SDK and view, meeting-server codes, assets, issuance.
  { floor: 'zoom', units: ['zoom'] },
  // The rules, and the wire between the page hook and the background.
  { floor: 'rules', units: ['rules', 'protocol'] },
  // Running the rules: on a token, on a captured join; probing a signature endpoint.
  { floor: 'analysis', units: ['analyse', 'attempt-context', 'probe'] },
  // Joins from the page (live capture) and their causes across attempts.
  { floor: 'joins', units: ['capture', 'correlate'] },
  // The report and its encoders (Markdown, HTML, CSV, redaction).
  { floor: 'report', units: ['report'] },
  // Readers of files a user brings: a HAR (read, sanitized, its report section), the triage page's
  // inputs, and the HMAC check (which knows the sanitizer's stand-in signatures).
  { floor: 'files', units: ['har', 'triage', 'verify-secret'] },
  // The engine of `check` and the package's API over it.
  { floor: 'engine', units: ['check', 'api'] },
  // The command line, over all of the above.
  { floor: 'cli', units: ['cli'] },
];

const LIB = path.join(ROOT, 'lib');
const floorOf = new Map(LIB_FLOORS.flatMap((f, i) => f.units.map((u) => [u, i] as const)));

/** `lib/har/read.ts` → `har`; `lib/check.ts` → `check`; null outside lib/. */
function unitOf(relPath: string): string | null {
  const parts = relPath.split('/');
  if (parts[0] !== 'lib' || parts.length < 2) return null;
  return parts.length === 2 ? parts[1]!.replace(/\.(ts|tsx|mts|mjs)$/, '') : parts[1]!;
}

interface LibImport {
  from: string;
  to: string;
}

function libImports(): LibImport[] {
  return sourceFiles(LIB).flatMap((f) =>
    importsOf(f)
      .map((s) => rel(resolveLocal(f, s)))
      .filter((to) => to.startsWith('lib/'))
      .map((to) => ({ from: rel(f), to })),
  );
}

/** Imports that run up the floors, as `from → to (floor → floor)`. */
function upImports(imports: readonly LibImport[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of imports) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === null || b === null || a === b) continue;
    const fa = floorOf.get(a);
    const fb = floorOf.get(b);
    if (fa === undefined || fb === undefined) continue;
    if (fb > fa) bad.push(`${from} → ${to} (${LIB_FLOORS[fa]!.floor} → ${LIB_FLOORS[fb]!.floor})`);
  }
  return bad;
}

/** Unit-level cycles among imports that stay on one floor: each as `a → b → … → a`. */
function sameFloorCycles(imports: readonly LibImport[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === null || b === null || a === b || floorOf.get(a) !== floorOf.get(b)) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (u: string) => {
    state.set(u, 'open');
    stack.push(u);
    for (const v of edges.get(u) ?? []) {
      if (state.get(v) === 'open') cycles.push([...stack.slice(stack.indexOf(v)), v].join(' → '));
      else if (!state.has(v)) visit(v);
    }
    stack.pop();
    state.set(u, 'done');
  };
  for (const u of edges.keys()) if (!state.has(u)) visit(u);
  return cycles;
}

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

  it('every folder and top-level module of lib/ has a floor', () => {
    const units = new Set(sourceFiles(LIB).map((f) => unitOf(rel(f))!));
    expect([...units].filter((u) => !floorOf.has(u)).sort()).toEqual([]);
    // A floor naming a unit that no longer exists is a stale map.
    expect([...floorOf.keys()].filter((u) => !units.has(u)).sort()).toEqual([]);
  });

  it('inside lib/, no import runs up the floors (Zoom facts under capture and HAR, the engine under its CLI)', () => {
    expect(upImports(libImports())).toEqual([]);
  });

  it('inside lib/, units on one floor never import each other in a circle', () => {
    expect(sameFloorCycles(libImports())).toEqual([]);
  });

  it("docs/architecture.md's module map names the same floors, top floor first", () => {
    const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const section = doc.split('\n## Module map by layer\n')[1]?.split('\n## ')[0] ?? '';
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Floor') && !l.startsWith('| ---'))
      .map((l) => {
        const [floor, units] = l.split('|').slice(1, 3).map((c) => c.trim());
        return { floor, units: [...units!.matchAll(/`lib\/([^`/]+?)(?:\/|\.ts)`/g)].map((m) => m[1]) };
      });
    expect(rows).toEqual([...LIB_FLOORS].reverse().map((f) => ({ floor: f.floor, units: [...f.units] })));
  });

  it('a circle on one floor is caught (the check can fail)', () => {
    const circle = [
      { from: 'lib/har/read.ts', to: 'lib/verify-secret.ts' },
      { from: 'lib/verify-secret.ts', to: 'lib/har/sanitize-text.ts' },
    ];
    expect(sameFloorCycles(circle)).toEqual(['har → verify-secret → har']);
  });

  it('an up-import is caught, with both floors named (the check can fail)', () => {
    // The imports the old tree had: the JWT reader reaching into the probe, the wire protocol into
    // the capture pipeline, the engine into its own CLI.
    const old = [
      { from: 'lib/token/wrapped.ts', to: 'lib/probe/find-jwt.ts' },
      { from: 'lib/protocol/validate.ts', to: 'lib/capture/zoom-clock.ts' },
      { from: 'lib/check.ts', to: 'lib/cli/args.ts' },
      { from: 'lib/rules/join/answer-code.ts', to: 'lib/rules/join/code-table.ts' },
    ];
    expect(upImports(old)).toEqual([
      'lib/token/wrapped.ts → lib/probe/find-jwt.ts (shapes → analysis)',
      'lib/protocol/validate.ts → lib/capture/zoom-clock.ts (rules → joins)',
      'lib/check.ts → lib/cli/args.ts (engine → cli)',
    ]);
  });
});
