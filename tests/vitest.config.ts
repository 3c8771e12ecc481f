import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

/**
 * One worker per core. Vitest's default is one fewer than the cores (for its own process), which
 * on a 2-core machine runs the unit files one by one; its own process is idle while files run, so
 * both cores run files (measured on 2 cores: see the slowest-files table that ends each run).
 * JOIN_DOCTOR_UNIT_WORKERS=N overrides it (1 on a machine shared with other runs).
 */
const workers = Math.max(1, Number(process.env.JOIN_DOCTOR_UNIT_WORKERS ?? availableParallelism()) || 1);

// Unit tests: pure lib/ logic and components (happy-dom where a file asks for it).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    maxWorkers: workers,
    // CPU-bound files (fast-check properties, the linear-time ratios) share the cores with another
    // file: 5 s (vitest's default) failed a 600-run property on a loaded machine; nothing here waits on I/O.
    testTimeout: 20_000,
    reporters: ['default', './tests/tools/slowest-files-reporter.ts'],
  },
});
