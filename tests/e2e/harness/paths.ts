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
