/**
 * Builds the extension once for the whole e2e run into tmp/e2e-ext (its own JOIN_DOCTOR_OUT_DIR),
 * and the Vite-bundled npm-module test page into tmp/e2e-pages/module. Set JOIN_DOCTOR_E2E_EXT
 * to an existing chrome-mv3 folder to skip the extension build.
 */
import { findChromium } from '../../lab/find-chromium';
import { buildExtension } from '../../lab/build-extension';
import { DEFAULT_EXTENSION_BUILD, repoRoot, tmpDir } from './harness/paths';
import { buildModulePage } from './harness/sdk-pages';

export default async function setup() {
  // Fails with what to install (or to set CHROMIUM_PATH) before any test starts.
  findChromium();
  if (!process.env.JOIN_DOCTOR_E2E_EXT) process.env.JOIN_DOCTOR_E2E_EXT = buildExtension(DEFAULT_EXTENSION_BUILD);
  await buildModulePage(tmpDir('e2e-pages', 'module'), repoRoot);
}
