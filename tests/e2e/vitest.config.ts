import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import LongestFirst from './harness/longest-first';

/**
 * Files run two at a time, one browser each: much of a browser test's time is waiting (the SDK's
 * own timers and retries, the lab's 128 s spread of Java joins, a meeting server's ~61 s give-up),
 * which a second file fills. JOIN_DOCTOR_E2E_WORKERS=1 runs them one by one (a machine shared with
 * other runs), a larger number more at once.
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
    // The longest files first, so a long one does not end the run alone.
    sequence: { sequencer: LongestFirst },
    reporters: ['default', './tests/tools/slowest-files-reporter.ts'],
    // Generous for a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
