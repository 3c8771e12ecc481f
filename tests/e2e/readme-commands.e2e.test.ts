/**
 * Every shell command the README and docs/*.md show (each line of a ```sh block) runs, as written,
 * in a fresh copy of the repository: the tracked and new files only, as a clone of the next commit
 * would hold them (no tmp/, .output/, .wxt/ or dist/). A command that stops working, or a new one
 * nobody ran, fails here, so the README cannot drift again.
 *
 * A few commands cannot run as written inside a test; each has its stand-in below and the reason.
 * Everything else runs exactly as written, with a timeout, and must exit 0 (or a documented code)
 * with nothing on stderr but npm's and the build's own notices.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, tmpDir } from './harness/paths';

const DOCS = ['README.md', ...readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The command lines of the ```sh blocks of one Markdown file, comments stripped. */
function shellCommands(markdown: string): string[] {
  const out: string[] = [];
  let inSh = false;
  for (const line of markdown.split('\n')) {
    const fence = /^```(\S*)/.exec(line);
    if (fence) {
      inSh = !inSh && fence[1] === 'sh';
      continue;
    }
    if (!inSh) continue;
    const command = line.replace(/\s+#\s.*$/, '').trim();
    if (command !== '' && !command.startsWith('#')) out.push(command);
  }
  return out;
}

interface StandIn {
  /** What runs instead (in the copy), or null when another test already runs it. */
  run: string | null;
  why: string;
  /** For a command run elsewhere: what must hold of package.json's scripts for that to be true. */
  check?: (scripts: Record<string, string>) => void;
}

const BUILD_ONLY = 'the whole suite would run inside itself';
/** Commands that cannot run as written here, and what runs instead. */
const STAND_INS: Record<string, StandIn> = {
  'npm ci': { run: 'npm run prepare', why: 'a real npm ci is minutes of disk I/O here; the copy gets node_modules as hard links and npm ci\'s own lifecycle step (prepare: wxt prepare). .ci/run runs the real npm ci on every CI run' },
  'npm test': { run: null, why: `${BUILD_ONLY}: this test is part of it, and .ci/run (checked below) runs exactly this command` },
  'npm run test:unit': { run: null, why: `${BUILD_ONLY}: npm test runs it before the browser tests` },
  'npm run typecheck': { run: null, why: 'npm test runs it first, in this same run (minutes of tsc on a loaded machine)' },
  'npm run zip': {
    run: null,
    why: 'the e2e globalSetup runs the same two wxt zip commands (checked here) and tests/e2e/store-packages.e2e.test.ts checks the three packages',
    check: (scripts) => expect(scripts['zip']).toBe('wxt zip && wxt zip -b firefox --mv3'),
  },
  'npm run lab': { run: 'npm run lab -- --help', why: 'opens Chromium and runs until closed; --help loads the lab and exits' },
  'npm run lab -- --scenario code-3707': { run: 'npm run lab -- --scenario code-3707 --help', why: 'real-SDK joins in Chromium for minutes (tests/e2e/lab.e2e.test.ts runs this scenario); with --help the arguments are parsed (an unknown scenario fails) and the lab exits' },
  'npm run lab -- --scenario all-codes': { run: 'npm run lab -- --scenario all-codes --help', why: 'every code row in both views: an hour of Chromium; --help parses the arguments and exits' },
  'npm run lab -- --scenario meeting-server': { run: 'npm run lab -- --scenario meeting-server --help', why: 'every meeting-server scenario, minutes of Chromium (tests/e2e/meeting-server.e2e.test.ts covers them); --help parses and exits' },
  'npm run lab -- --headless --scenario java-round --joins 100 --out tmp/lab/java-round': {
    run: 'npm run lab -- --headless --scenario java-round --joins 100 --out tmp/lab/java-round --help',
    why: '100 joins spread over 128 s in Chromium (tests/e2e/lab.e2e.test.ts runs exactly that); --help parses the arguments and exits',
  },
  'npm run serve:web': { run: 'npm run serve:web -- --help', why: 'serves until stopped; tests/e2e/triage-page.e2e.test.ts builds and serves the page with the same scripts/serve-web.mjs, and --help loads it and exits' },
  'npm pack': { run: null, why: 'tests/unit/package/npm-pack.test.ts packs, installs the tarball into an empty project and runs npx join-doctor check there' },
  'cd ../my-backend && npm install --save-dev ../join-doctor/join-doctor-0.2.0.tgz': { run: null, why: 'another project; tests/unit/package/npm-pack.test.ts installs the tarball into an empty one' },
  'npx join-doctor check "$(curl -s -X POST localhost:4000/api/signature | jq -r .signature)"': { run: null, why: 'needs your backend; tests/unit/package/npm-pack.test.ts runs npx join-doctor check from the installed package' },
};

/** Exit codes a documented command may end with besides 0 (join-doctor: 1 = problems found, which is the point of the example). */
const ALLOWED_EXIT: Record<string, number[]> = {
  'npx join-doctor har tests/unit/har/fixtures/component-3712.har': [1],
  'npx join-doctor har tests/unit/har/fixtures/component-3712.har --format md': [1],
  // pipefail: the report fits the pipe, so join-doctor may finish (exit 1) before head leaves.
  'npx join-doctor har tests/unit/har/fixtures/component-3712.har --json | head -5': [1],
  // docs/sanitize.md: the sanitized copy of a 3004 join diagnoses that failure, as the original does.
  'npx join-doctor har shared.har': [1],
};

const copy = tmpDir('e2e-readme-clone');

function env(): NodeJS.ProcessEnv {
  // As in a user's shell: vitest's NODE_ENV=test would make the builds bundle React's development build.
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete e['NODE_ENV'];
  delete e['JOIN_DOCTOR_OUT_DIR'];
  delete e['JOIN_DOCTOR_E2E_EXT'];
  return e;
}

/** Hard-links a tree (node_modules): instant and no extra disk, like npm's own cache does. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) linkTree(a, b);
    else if (e.isSymbolicLink()) cpSync(a, b, { verbatimSymlinks: true });
    else linkSync(a, b);
  }
}

const documented = DOCS.flatMap((file) => shellCommands(readFileSync(path.join(repoRoot, file), 'utf8')).map((command) => ({ file, command })));

beforeAll(() => {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    try {
      cpSync(path.join(repoRoot, f), path.join(copy, f));
    } catch (e) {
      // A file deleted in the working tree but still in the index is not in the next commit either.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  linkTree(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
}, 300_000);

describe('every shell command of the README and docs/ works in a fresh copy', () => {
  it('finds the commands (the README shows install, CLI, lab and tests)', () => {
    const readme = documented.filter((d) => d.file === 'README.md').map((d) => d.command);
    expect(readme).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm run build:firefox', 'npm test', 'npm run lab -- --list']));
    expect(readme.some((c) => c.startsWith('npx join-doctor '))).toBe(true);
  });

  it('CI runs exactly the README\'s test command after npm ci', () => {
    const ci = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8').split('\n').map((l) => l.trim());
    expect(ci.indexOf('npm test')).toBeGreaterThan(ci.findIndex((l) => l.startsWith('npm ci')));
  });

  it('every stand-in is for a command the docs still show', () => {
    const shown = new Set(documented.map((d) => d.command));
    expect(Object.keys(STAND_INS).filter((c) => !shown.has(c))).toEqual([]);
  });

  // One after another, in the order the docs give them (npm ci first): a build, then what uses it.
  const order = [...new Map(documented.map((d) => [d.command, d])).values()];
  for (const { file, command } of order) {
    const standIn = STAND_INS[command];
    const title = standIn ? `${command}  (${file}; ${standIn.run ? `runs: ${standIn.run}` : 'run by another test'})` : `${command}  (${file})`;
    it(title, () => {
      if (standIn && standIn.run === null) {
        const script = /^npm (?:run )?([\w:-]+)$/.exec(command)?.[1];
        const scripts = (JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
        if (script && script !== 'pack' && script !== 'ci') expect(scripts[script], `package.json has no "${script}" script`).toBeTruthy();
        standIn.check?.(scripts);
        return;
      }
      const line = standIn?.run ?? command;
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd: copy, env: env(), encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
      const ok = [0, ...(ALLOWED_EXIT[command] ?? [])];
      expect(r.error, `${line}: ${String(r.error)}`).toBeUndefined();
      expect(ok, `${line} exited ${r.status}\n${r.stderr.slice(-3000)}`).toContain(r.status);
      // No crash, no stack trace (npm's "npm warn"/build notices are fine; a Node stack is not).
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|Unhandled 'error' event|ERR_|not found/);
    }, 300_000);
  }
});
