/**
 * Where things are, for the e2e harness. `extensionDir()` is the build made by the e2e
 * globalSetup (tests/e2e/global-setup.ts) into tmp/e2e-ext/chrome-mv3, or whatever
 * JOIN_DOCTOR_E2E_EXT points at (to reuse a build: `JOIN_DOCTOR_E2E_EXT=… npm run test:e2e`).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const tmpDir = (...parts: string[]) => path.join(repoRoot, 'tmp', ...parts);
export const sdkDist = path.join(repoRoot, 'node_modules/@zoom/meetingsdk/dist');
export const DEFAULT_EXTENSION_BUILD = tmpDir('e2e-ext');

export function extensionDir(): string {
  return process.env.JOIN_DOCTOR_E2E_EXT ?? path.join(DEFAULT_EXTENSION_BUILD, 'chrome-mv3');
}

/** The unpacked Firefox build the globalSetup made beside the Chrome one (tmp/e2e-ext/firefox-mv3). */
export function firefoxExtensionDir(): string {
  return path.join(DEFAULT_EXTENSION_BUILD, 'firefox-mv3');
}

/** Where `npm run zip`'s packages of this run are: beside the unpacked Chrome build. */
export function packagesDir(): string {
  return path.dirname(extensionDir());
}

/**
 * Where a test writes the screenshots a person looks at: tmp/screenshots, so `npm test` leaves a
 * clean checkout clean. `UPDATE_SCREENSHOTS=1` writes the committed set in tests/screenshots/
 * instead (then review and commit them); SCREENSHOT_DIR names any other folder (an older build's
 * "before" set).
 */
export function screenshotDir(): string {
  if (process.env.SCREENSHOT_DIR) return process.env.SCREENSHOT_DIR;
  return process.env.UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot, 'tests/screenshots') : tmpDir('screenshots');
}
