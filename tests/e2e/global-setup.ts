/**
 * Builds once for the whole e2e run, into tmp/e2e-ext (its own JOIN_DOCTOR_OUT_DIR), exactly what
 * `npm run zip` makes: the Chrome package (chrome-mv3/ and its zip), the Firefox package
 * (firefox-mv3/ and its zip) and the sources package AMO asks for. The browser tests load the
 * unpacked folders, tests/e2e/store-packages checks the zips as the stores would. Also the
 * Vite-bundled npm-module test page into tmp/e2e-pages/module.
 *
 * JOIN_DOCTOR_E2E_EXT=<chrome-mv3 folder> skips the Chrome build (the Firefox one is always made).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../../lab/find-chromium';
import { productionBuildEnv } from '../../lab/build-extension';
import { DEFAULT_EXTENSION_BUILD, repoRoot, tmpDir } from './harness/paths';
import { buildModulePage } from './harness/sdk-pages';

const run = promisify(execFile);

/** `wxt zip` for one browser (the build, then its package). */
async function zip(args: string[]): Promise<void> {
  await run(path.join(repoRoot, 'node_modules/.bin/wxt'), ['zip', ...args], { cwd: repoRoot, env: productionBuildEnv({ JOIN_DOCTOR_OUT_DIR: DEFAULT_EXTENSION_BUILD }), maxBuffer: 64 * 1024 * 1024 });
}

export default async function setup() {
  // Fails with what to install (or to set CHROMIUM_PATH) before any test starts.
  findChromium();
  // One after the other: both builds write WXT's .wxt/ folder.
  if (!process.env.JOIN_DOCTOR_E2E_EXT) {
    await zip([]);
    process.env.JOIN_DOCTOR_E2E_EXT = path.join(DEFAULT_EXTENSION_BUILD, 'chrome-mv3');
  }
  await zip(['-b', 'firefox', '--mv3']);
  await buildModulePage(tmpDir('e2e-pages', 'module'), repoRoot);
}
