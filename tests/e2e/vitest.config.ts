import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import LongestFirst from './harness/longest-first';

/**
 * Files run three at a time, one browser each: most of a browser test's time is waiting (the SDK's
 * own timers and retries, the lab's 128 s spread of Java joins, a meeting server's ~61 s give-up,
 * the hook's settle timeouts). Measured on 2 cores: a whole `npm test` with two files at a time
 * used 685 CPU-seconds in 1,204 s, under 0.6 of a core on average, so a third file fills time the
 * other two leave idle. JOIN_DOCTOR_E2E_WORKERS=1 runs them one by one (a machine shared with
 * other runs), another number that many at once.
 */
const workers = Math.max(1, Number(process.env.JOIN_DOCTOR_E2E_WORKERS ?? 3) || 3);

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
