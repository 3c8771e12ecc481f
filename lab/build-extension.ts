/**
 * Builds the extension into its own output dir (JOIN_DOCTOR_OUT_DIR) so a lab or e2e run never
 * touches anybody else's build. Returns the unpacked chrome-mv3 folder. Used by `npm run lab`
 * (tmp/lab/ext) and the browser tests' globalSetup (tmp/e2e-ext).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function buildExtension(outDir: string): string {
  execFileSync(path.join(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
    cwd: repoRoot,
    env: { ...process.env, JOIN_DOCTOR_OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return path.join(outDir, 'chrome-mv3');
}
