/**
 * Builds the extension into its own output dir (JOIN_DOCTOR_OUT_DIR) so a lab or e2e run never
 * touches anybody else's build. Returns the unpacked chrome-mv3 folder. Used by `npm run lab`
 * (tmp/lab/ext) and the browser tests' globalSetup (tmp/e2e-ext).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment of a build that ships: vitest sets NODE_ENV=test, and a Vite build under it
 * bundles React's development build (another React than the stores get, with innerHTML writes the
 * production one does not have). Without NODE_ENV, WXT builds for production, as `npm run build`.
 */
export function productionBuildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env['NODE_ENV'];
  return env;
}

export function buildExtension(outDir: string): string {
  execFileSync(path.join(repoRoot, 'node_modules/.bin/wxt'), ['build'], {
    cwd: repoRoot,
    env: productionBuildEnv({ JOIN_DOCTOR_OUT_DIR: outDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return path.join(outDir, 'chrome-mv3');
}
