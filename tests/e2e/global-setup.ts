/**
 * Builds the extension once for the whole e2e run into tmp/e2e-ext (its own JOIN_DOCTOR_OUT_DIR),
 * and the Vite-bundled npm-module test page into tmp/e2e-pages/module. Set JOIN_DOCTOR_E2E_EXT
 * to an existing chrome-mv3 folder to skip the extension build.
 */
import { existsSync } from 'node:fs';
import { buildExtension } from './harness/build-extension';
import { DEFAULT_EXTENSION_BUILD, repoRoot, tmpDir } from './harness/paths';
import { buildModulePage } from './harness/sdk-pages';

export default async function setup() {
  if (!existsSync('/usr/bin/chromium')) throw new Error('e2e tests need Debian chromium at /usr/bin/chromium (see .ci/run)');
  if (!process.env.JOIN_DOCTOR_E2E_EXT) process.env.JOIN_DOCTOR_E2E_EXT = buildExtension(DEFAULT_EXTENSION_BUILD);
  await buildModulePage(tmpDir('e2e-pages', 'module'), repoRoot);
}
