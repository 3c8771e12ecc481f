/**
 * The packages `npm run zip` makes (the globalSetup runs the same `wxt zip` into tmp/e2e-ext), read
 * as the stores read them, so an upload is never the first check:
 * - Firefox: Mozilla's own addons-linter (what AMO runs on upload) with 0 errors and 0 warnings;
 * - Chrome: the manifest fields and icons the Web Store requires, no remotely hosted or eval'd code
 *   (its MV3 policy), permissions no wider than the capture needs, and a size budget;
 * - sources: what AMO reviewers rebuild from, and the rebuild gives the Firefox package byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { packagesDir, repoRoot, tmpDir } from './harness/paths';
import { productionBuildEnv } from '../../lab/build-extension';
import { readZip, type ZipEntry } from './harness/zip';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') => path.join(packagesDir(), `${pkg.name}-${pkg.version}-${kind}.zip`);

function packageEntries(kind: 'chrome' | 'firefox' | 'sources'): Map<string, Buffer> {
  const file = zipPath(kind);
  if (!existsSync(file)) throw new Error(`${file} is missing: the e2e globalSetup makes it with wxt zip (run without JOIN_DOCTOR_E2E_EXT, or npm run zip)`);
  return new Map(readZip(readFileSync(file)).map((e: ZipEntry) => [e.name, e.data]));
}

/** A PNG's width and height from its IHDR chunk (null when the bytes are no PNG). */
function pngSize(data: Buffer | undefined): [number, number] | null {
  if (!data || data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('ascii', 12, 16) !== 'IHDR') return null;
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/** Ways MV3 extension code could run code it did not ship, as the Web Store's review looks for them. */
const REMOTE_CODE: Array<[string, RegExp]> = [
  ['eval()', /(?<![.\w$])eval\s*\(|(?:window|globalThis|self)\.eval\s*\(/],
  ['new Function()', /new\s+Function\s*\(/],
  ['importScripts()', /importScripts\s*\(/],
  ['import() of a URL', /import\s*\(\s*["'`]https?:/],
  ['import from a URL', /\bfrom\s*["'`]https?:/],
  ['a script element from a URL', /<script[^>]*\ssrc\s*=\s*["']?(?:https?:)?\/\//i],
];

describe('the Firefox package passes addons-linter (what AMO runs on upload)', () => {
  it('0 errors, 0 warnings, 0 notices', async () => {
    const lint = await run(path.join(repoRoot, 'node_modules/.bin/addons-linter'), ['--output', 'json', zipPath('firefox')], { maxBuffer: 32 * 1024 * 1024 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(lint.stdout) as { summary: { errors: number; warnings: number; notices: number }; errors: unknown[]; warnings: unknown[]; notices: unknown[] };
    const messages = [...report.errors, ...report.warnings, ...report.notices].map((m) => {
      const { code, file, message } = m as { code: string; file?: string; message: string };
      return `${code} ${file ?? ''}: ${message}`;
    });
    console.log(`addons-linter ${path.basename(zipPath('firefox'))}: ${JSON.stringify(report.summary)}`);
    expect(messages).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  }, 120_000);
});

describe('the Chrome package, as the Chrome Web Store reads it', () => {
  const files = packageEntries('chrome');
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));

  it('manifest: MV3, the package version, a description of both SDKs within the 132 characters the store shows', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Join Doctor');
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.description.length).toBeLessThanOrEqual(132);
    expect(manifest.description).toContain('Meeting SDK');
    expect(manifest.description).toContain('Video SDK');
  });

  it('icons 16, 32, 48 and 128 px are in the package as PNGs of their size, and the toolbar button uses them', () => {
    for (const size of [16, 32, 48, 128]) {
      const file = manifest.icons?.[size];
      expect(file, `icons.${size}`).toBeTruthy();
      expect(pngSize(files.get(file)), file).toEqual([size, size]);
    }
    for (const file of Object.values(manifest.action.default_icon as Record<string, string>)) expect(files.has(file), file).toBe(true);
  });

  it('runs no remote or generated code: no eval, new Function, importScripts or URL imports in any script or page, no CSP loosening', () => {
    const found: string[] = [];
    for (const [name, data] of files) {
      if (!/\.(m?js|html)$/.test(name)) continue;
      const text = data.toString('utf8');
      for (const [what, re] of REMOTE_CODE) if (re.test(text)) found.push(`${name}: ${what}`);
      // devtools.inspectedWindow.eval runs in the inspected page, not here: allowed with a constant only.
      for (const m of text.matchAll(/inspectedWindow\.eval\(\s*(.)/g)) if (!'`\'"'.includes(m[1]!)) found.push(`${name}: inspectedWindow.eval of a computed string`);
    }
    expect(found).toEqual([]);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('asks for no more than the capture needs: storage at install, site access only on Reproduce; content scripts everywhere (joins happen in any app and iframe)', () => {
    // Each permission, and why it is there (README "Install", docs/privacy.md).
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_scripts.map((c: { js: string[]; matches: string[] }) => [c.js, c.matches])).toEqual([
      [['content-scripts/relay.js'], ['<all_urls>']],
      [['content-scripts/zoom-hook.js'], ['<all_urls>']],
    ]);
    // Every file the manifest names is in the package.
    const named = [manifest.background.service_worker, manifest.devtools_page, ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)];
    for (const f of named) expect(files.has(f), f).toBe(true);
  });

  it('stays small: under 400 KB zipped (today ~210 KB; the Zoom SDK or a source map slipping in would be megabytes)', () => {
    const size = readFileSync(zipPath('chrome')).length;
    expect(size).toBeLessThan(400 * 1024);
    expect([...files.keys()].filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});

describe('the sources package AMO asks for', () => {
  const files = packageEntries('sources');

  it('holds what the build reads and the instructions, nothing from tmp/, tests, the lab or node_modules', () => {
    const names = [...files.keys()];
    for (const f of ['package.json', 'package-lock.json', '.npmrc', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'docs/build-from-source.md', 'icons/join-doctor.svg', 'public/icon/128.png']) {
      expect(names, f).toContain(f);
    }
    expect(names.some((f) => f.startsWith('entrypoints/'))).toBe(true);
    expect(names.filter((f) => /^(tmp|tests|lab|node_modules|dist|\.output|\.wxt|\.git)\//.test(f))).toEqual([]);
  });

  it('rebuilds the Firefox package byte for byte (what a reviewer does with docs/build-from-source.md)', async () => {
    const dir = tmpDir('e2e-sources-rebuild');
    rmSync(dir, { recursive: true, force: true });
    for (const [name, data] of files) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    // The reviewer runs `npm ci`; the same locked packages are already here.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    cpSync(path.join(repoRoot, '.wxt'), path.join(dir, '.wxt'), { recursive: true });
    const wxt = path.join(repoRoot, 'node_modules/.bin/wxt');
    await run(wxt, ['build', '-b', 'firefox', '--mv3'], { cwd: dir, env: productionBuildEnv({ JOIN_DOCTOR_OUT_DIR: path.join(dir, '.output') }), maxBuffer: 64 * 1024 * 1024 });
    const rebuilt = path.join(dir, '.output/firefox-mv3');
    const list = (d: string, pre = ''): string[] => readdirSync(path.join(d, pre), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(d, `${pre}${e.name}/`) : [`${pre}${e.name}`]));
    const shipped = packageEntries('firefox');
    expect(list(rebuilt).sort()).toEqual([...shipped.keys()].sort());
    const differ = [...shipped].filter(([name, data]) => !readFileSync(path.join(rebuilt, name)).equals(data)).map(([name]) => name);
    expect(differ).toEqual([]);
  }, 180_000);
});
