import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Files run two at a time: most of a browser test's time is waiting (the SDK's own timers and
 * retries, the lab's 128 s spread of Java joins, a meeting server's ~61 s give-up), so a second
 * Chromium fills the cores the first leaves idle; three made page loads of the 13 MB SDK time out
 * on 2 cores. JOIN_DOCTOR_E2E_WORKERS=1 runs them one by one (e.g. on a machine shared with other runs).
 */
const workers = Math.max(1, Number(process.env.JOIN_DOCTOR_E2E_WORKERS ?? 2) || 2);

// Browser tests: real Chromium and Firefox, the built extension, the real Zoom SDK from node_modules.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // The slowest files first (vitest's duration cache), so the long ones do not end the run alone.
    sequence: { shuffle: false },
    reporters: ['default', './tests/tools/slowest-files-reporter.ts'],
    // Generous for a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
