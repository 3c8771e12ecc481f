/**
 * Builds the extension into its own output dir (JOIN_DOCTOR_OUT_DIR) so the e2e run never
 * touches anybody else's build. Returns the unpacked chrome-mv3 folder.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths';

export function buildExtension(outDir: string): string {
  execFileSync(path.join(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
    cwd: repoRoot,
    env: { ...process.env, JOIN_DOCTOR_OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return path.join(outDir, 'chrome-mv3');
}
