/**
 * The lab's join scenarios end to end (`npm run lab -- --scenario NAME`): the real SDK 6.2.0 in
 * Chromium against the lab's Zoom stand-in, each scenario giving exactly the finding ids it names.
 * Its own file (and browser) beside lab.e2e.test.ts, so the two run side by side: the Java run
 * mostly waits through its 128 s spread while these load the SDK.
 */
import { describe, expect } from 'vitest';
import { labTest } from './harness/fixture';
import { runJoinBatch } from '../../lab/join-run';
import { joinScenario } from '../../lab/join-scenarios';
import { matrixLines } from '../../lab/join-report';

const it = labTest('lab-join-scenarios');

describe('lab join scenarios with the real SDK 6.2.0 (npm run lab -- --scenario NAME)', () => {
  it('a code row in each view, a silent wc/info, a page without COOP/COEP, a wasm served as text/html and a meeting server\'s 4011 give exactly their expected ids', async ({ b, server }) => {
    const items = (
      [
        ['code-3707', 'client'],
        ['code-3707', 'component'],
        ['code-3610', 'client'],
        ['silent', 'client'],
        ['page-plain-mode0', 'client'],
        ['wasm-html', 'client'],
        // Past an accepted wc/info: the meeting server's 6601 (an unpublished app in another account's meeting).
        ['code-4011', 'client'],
        ['code-4011', 'component'],
      ] as const
    ).map(([name, view]) => ({ scenario: joinScenario(name)!, view }));
    const t0 = Date.now();
    // One tab at a time: another test file runs beside this one, and a client-view join that waits
    // for its wasm past the page's 25 s settle timeout reads as a silent refusal (seen with two tabs
    // and a second file on a loaded 2-core machine).
    const results = await runJoinBatch(b, server, items, 1);
    console.log(`lab join scenarios (${((Date.now() - t0) / 1000).toFixed(1)} s):\n${matrixLines(results).join('\n')}`);
    for (const r of results) {
      expect(r.error, `${r.scenario.name} ${r.view}`).toBeUndefined();
      expect(r.joins.map((j) => j.got), `${r.scenario.name} ${r.view}: ${r.joins.map((j) => j.outcome).join('; ')}`).toEqual(r.scenario.expected[r.view]!.map((ids) => [...ids]));
    }
    const [c3707, k3707, c3610, silent] = results;
    expect(c3707!.joins[0]!.outcome).toMatch(/^failure 3707 /);
    expect(k3707!.joins[0]!.outcome).toMatch(/^failure 3707 /);
    // Zoom's 3001 "Meeting does not exist" becomes the client view's 3610.
    expect(c3610!.joins[0]!.outcome).toMatch(/^failure 3610 .*\(Zoom 3001\)/);
    expect(silent!.joins[0]!.outcome).toMatch(/^no callback/);
    expect(silent!.saw).toEqual([]);
    const [c4011, k4011] = results.slice(-2);
    expect(c4011!.joins[0]!.outcome).toMatch(/4011/);
    expect(k4011!.joins[0]!.outcome).toMatch(/4011/);
  }, 300_000);
});
