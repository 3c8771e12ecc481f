/**
 * Runs the browser-test files that take longest first, so with several workers the run does not
 * end with one long file running alone. Vitest orders by the durations it cached in node_modules/.vite
 * on this machine; a fresh clone (CI) has none, so these files, the longest in the measured runs
 * (`npm test` prints the table), start first in this order, and the rest follow as vitest orders them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const LONGEST_FIRST = [
  'lab.e2e.test.ts',
  'readme-commands.e2e.test.ts',
  'join-answers.e2e.test.ts',
  'page-and-assets.e2e.test.ts',
  'answer-screens.e2e.test.ts',
  'sdk-matrix.e2e.test.ts',
  'meeting-server.e2e.test.ts',
  'lab-join-scenarios.e2e.test.ts',
  'zoom-clock.e2e.test.ts',
  'store-packages.e2e.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => f.moduleId.endsWith(`/${name}`));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: files off the list keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
