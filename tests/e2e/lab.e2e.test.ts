/**
 * The lab end to end (its join scenarios: lab-join-scenarios.e2e.test.ts): 100 joins against
 * the Java Math.round(long) endpoint, captured by the real extension, must make the panel's
 * correlation name the quantised/future iat and plot the split (failures above the zero line,
 * successes on or below it), and show nothing a real session on a Java backend would not
 * (no clock-skew: page, endpoint and stand-in share the real clock).
 *
 * Why the failure band cannot fail by chance: the joins are spread evenly over one 128 s step of
 * Java's quantised iat (stratified, not random), so the count is N × (34 s − issue-to-judgement
 * delay) / 128: 26 or 27 in each of 200,000 simulated runs on schedule. Load only makes joins
 * start late; with every join taking up to 8 s (runs stretched to many steps, unevenly) 200,000
 * simulated runs gave 11..47, so 9..49 fails by chance less than once in 200,000 runs. The old
 * random clock jumps gave Binomial(100, ~0.22), below the old floor of 13 about 1 run in 60.
 */
import { describe, expect } from 'vitest';
import path from 'node:path';
import { tmpDir } from './harness/paths';
import { labTest } from './harness/fixture';
import { labExport, openLabPage, runJoins, screenshotPanel, waitForSettled, writeReport } from '../../lab/run';
import { renderMarkdown } from '../../lib/report/markdown';

const it = labTest('lab');

describe('lab: Java Math.round(long) endpoint, 100 joins', () => {
  it('the panel ranks the future/quantised iat first and plots failures above the line, successes below', async ({ b, server }) => {
    const page = await openLabPage(b, server, 'java-round');
    const t0 = Date.now();
    const results = await runJoins(page, 'java-round', 100, 'simulated', 128_000);
    const seconds = (Date.now() - t0) / 1000;
    expect(results).toHaveLength(100);
    const failedOnPage = results.filter((r) => !r.ok).length;
    console.log(`lab java-round: ${failedOnPage} of 100 failed over ${seconds.toFixed(1)} s`);
    expect(failedOnPage).toBeGreaterThanOrEqual(9);
    expect(failedOnPage).toBeLessThanOrEqual(49);

    const tab = await waitForSettled(b, server.origin, 100, 90_000);
    const exp = labExport(tab.attempts, tab.pageUrl);
    expect(exp.correlation.counts['failure-3712']).toBe(failedOnPage);
    expect(exp.correlation.causes[0]?.key).toBe('iat-future+iat-quantized');
    expect(exp.correlation.causes[0]?.failures).toBe(failedOnPage);
    // What a real Java session shows: no clock finding made up by the lab.
    expect(exp.items.flatMap((i) => i.analysis.findings.map((f) => f.id))).not.toContain('clock-skew');
    const out = tmpDir('lab', 'e2e-java-round');
    await writeReport(out, exp);
    expect(renderMarkdown(exp)).toContain('**Most likely cause: iat in the future, from Java Math.round (iat a multiple of 128 s)');

    const panel = await screenshotPanel(b, tab.tabId, path.join(out, 'panel.png'));
    expect(await panel.locator('[data-testid="attempt-count"]').textContent()).toBe('100');
    const firstCause = await panel.locator('[data-testid="likely-cause"]').first().getAttribute('data-key');
    expect(firstCause).toBe('iat-future+iat-quantized');
    expect(await panel.locator('[data-testid="cause-headline"]').textContent()).toMatch(/^Most likely cause: iat in the future, from Java Math\.round/);
    const zeroY = Number(await panel.locator('[data-testid="iat-plot"] line.zero').getAttribute('y1'));
    const dots = await panel.locator('[data-testid="iat-plot"] circle').evaluateAll((cs) => cs.map((c) => ({ outcome: c.getAttribute('data-outcome'), cy: Number(c.getAttribute('cy')) })));
    expect(dots).toHaveLength(100);
    const failures = dots.filter((d) => d.outcome === 'failure-3712');
    const successes = dots.filter((d) => d.outcome === 'success');
    expect(failures.length).toBe(failedOnPage);
    // SVG y grows downwards: above the zero line means iat after the join (in the future).
    expect(failures.every((d) => d.cy < zeroY)).toBe(true);
    // Zoom's Date header has 1 s resolution, so a success whose iat is Zoom's current second can
    // plot a fraction of a second above the line; in seconds it never exceeds 1 s.
    expect(successes.filter((d) => d.cy >= zeroY).length).toBeGreaterThan(successes.length * 0.8);
    const pts = exp.correlation.offsets.points;
    expect(pts.filter((p) => p.outcome === 'success').every((p) => p.offset <= 1)).toBe(true);
    expect(pts.filter((p) => p.outcome === 'failure-3712').every((p) => p.offset > 0)).toBe(true);
    expect(await panel.locator('[data-testid="offset-split"]').textContent()).toMatch(/every failure \(\d+\) had iat ahead/);
  }, 300_000);
});
