/**
 * What a backend developer gets from `npm install join-doctor`: the packed tarball installs into an
 * empty folder with its runtime dependency only (jose; no tsx, no React, no dev dependencies),
 * `npx join-doctor check` runs compiled JavaScript, and the typed API answers a backend's own test.
 * Packs for real (prepack builds dist/), so it takes ~1 min.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = path.join(root, 'tmp', 'npm-pack-test');
const app = path.join(work, 'backend');

const b64u = (s: string) => Buffer.from(s).toString('base64url');
/** A Meeting SDK signature as Zoom's auth endpoint sample makes it, iat `ahead` seconds in the future. */
function signature(ahead: number): string {
  const iat = Math.floor(Date.now() / 1000) + ahead;
  const head = b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64u(JSON.stringify({ appKey: 'packAppKey', sdkKey: 'packAppKey', mn: '123456789', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 }));
  return `${head}.${body}.${createHmac('sha256', 'pack-secret').update(`${head}.${body}`).digest('base64url')}`;
}
const FUTURE = signature(600);
const GOOD = signature(-30);

/** Runs a command, resolving with its exit code and output whatever the code. */
async function sh(cmd: string, args: string[], cwd: string, timeout = 120_000) {
  try {
    const r = await run(cmd, args, { cwd, timeout, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
  }
}

let tarball: string;

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(app, { recursive: true });
  const packed = await sh('npm', ['pack', '--json', '--pack-destination', work], root, 240_000);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info!.filename);
  await writeFile(path.join(work, 'files.json'), JSON.stringify(info!.files.map((f) => f.path)));
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'my-backend', version: '1.0.0', private: true, type: 'module' }));
  // jose comes from npm's cache when it is there (the registry otherwise).
  const installed = await sh('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], app, 180_000);
  expect(installed.code, installed.stderr).toBe(0);
}, 420_000);

describe('npm pack → npm install into an empty folder', () => {
  it('ships compiled JavaScript and declarations only, and installs nothing but jose beside it', async () => {
    const files = JSON.parse(await readFile(path.join(work, 'files.json'), 'utf8')) as string[];
    expect(files).toContain('dist/cli.mjs');
    expect(files).toContain('bin/join-doctor.mjs');
    expect(files).toContain('dist/index.mjs');
    expect(files).toContain('dist/types/api.d.ts');
    expect(files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /^(lib|tests|entrypoints|components|lab)\//.test(f))).toEqual([]);
    const modules = (await readdir(path.join(app, 'node_modules'))).filter((n) => !n.startsWith('.'));
    expect(modules.sort()).toEqual(['join-doctor', 'jose']);
    const pkg = JSON.parse(await readFile(path.join(app, 'node_modules/join-doctor/package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['jose']);
  });

  it('`npx join-doctor check` says iat-future for a backend whose clock runs 10 minutes ahead (exit 1)', async () => {
    const r = await sh('npx', ['--no', 'join-doctor', 'check', FUTURE], app);
    expect(r.stderr).not.toMatch(/tsx|Cannot find/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL/);
    expect(r.stdout).toContain('iat-future');
    const ok = await sh('npx', ['--no', 'join-doctor', 'check', '--json', '--meeting', '123456789', GOOD], app);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).verdict).not.toBe('fail');
  }, 120_000);

  it("a backend's own test imports the API: check() and analyse() give the CLI's findings", async () => {
    await writeFile(
      path.join(app, 'signature.test.mjs'),
      `import { check, analyse, isJoinDoctorError } from 'join-doctor';
const future = await check(${JSON.stringify(FUTURE)}, { meetingNumber: '123456789' });
const good = await check(${JSON.stringify(GOOD)}, { meetingNumber: '123456789', secret: 'pack-secret' });
const wrongSecret = await check(${JSON.stringify(GOOD)}, { secret: 'not-the-secret' });
const sync = analyse(${JSON.stringify(FUTURE)}, { now: ${Math.floor(Date.now() / 1000) + 3600} });
let usage = null;
try { await check('x', { sdk: 'zoom' }); } catch (e) { usage = isJoinDoctorError(e) ? e.code : String(e); }
console.log(JSON.stringify({ future, good, wrongSecret, sync, usage }));
`,
    );
    const r = await sh('node', ['signature.test.mjs'], app);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.future.ok).toBe(false);
    expect(out.future.errors.map((f: { id: string }) => f.id)).toContain('iat-future');
    // A meeting number means a Meeting SDK join: the SDK comes from it, not from the claims.
    expect(out.good).toMatchObject({ ok: true, errors: [], sdk: { judgedAs: 'meeting', from: 'meeting-number' } });
    expect(JSON.stringify(out.good)).not.toContain('pack-secret');
    expect(out.wrongSecret.ok).toBe(false);
    expect(out.sync.findings.map((f: { id: string }) => f.id)).not.toContain('iat-future'); // judged an hour later
    expect(out.usage).toBe('ERR_USAGE');
  }, 60_000);

  it('the API is typed for a TypeScript backend (NodeNext resolution)', async () => {
    await writeFile(
      path.join(app, 'typed.ts'),
      `import { check, type CheckResult, type CheckOptions } from 'join-doctor';
const options: CheckOptions = { meetingNumber: 123456789, sdk: 'meeting' };
const r: CheckResult = await check('eyJ...', options);
const ids: string[] = r.errors.map((f) => f.id);
// @ts-expect-error verdict is 'pass' | 'warn' | 'fail', not a number: fails to compile if the types were any
const n: number = r.verdict;
// @ts-expect-error no such option
await check('eyJ...', { meeting: '1' });
export { ids, n };
`,
    );
    const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false, types: [] };
    await writeFile(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['typed.ts'] }));
    const r = await sh(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});
