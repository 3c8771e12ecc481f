/**
 * The chance that honest iats are multiples of 128 by accident, for a long session. It was the
 * Binomial tail with C(n, k) as a plain product, recomputed per term: beyond about 1,030 distinct
 * iats C(n, k) overflowed and the chance came out NaN ("a chance of NaN", verdict stuck at
 * "possible"), and the O(n·k) loop took 0.9 s at 20,000 distinct iats and 40 s at 100,000, inside
 * the panel's correlation of an imported HAR.
 */
import { describe, expect, it } from 'vitest';
import { chanceOfAccidentalQuantization } from '../../../lib/rules/quantization';
import { quantizationFromCounts } from '../../../lib/correlate/quantization';

/** The tail term by term with exact binomials (BigInt), for small sessions. */
function exactTail(k: number, n: number): number {
  let total = 0;
  for (let j = k; j <= n; j++) {
    let c = 1n;
    for (let i = 1n; i <= BigInt(j); i++) c = (c * (BigInt(n - j) + i)) / i;
    total += Number(c) * (1 / 128) ** j * (127 / 128) ** (n - j);
  }
  return Math.min(1, total);
}

describe('chance of accidental quantisation over a long session', () => {
  it('agrees with the exact tail for small sessions', () => {
    for (const [k, n] of [[1, 1], [3, 3], [1, 8], [2, 40], [3, 40], [5, 60], [2, 300]] as const) {
      const want = exactTail(k, n);
      expect(Math.abs(chanceOfAccidentalQuantization(k, n) - want) / want).toBeLessThan(1e-12);
    }
  });

  it('is a probability, not NaN, for 20,000 and 100,000 distinct iats, and takes milliseconds', () => {
    const t = performance.now();
    const cases: Array<[number, number]> = [[1, 20_000], [160, 20_000], [200, 20_000], [400, 100_000], [900, 100_000], [50_000, 100_000]];
    const chances = cases.map(([k, n]) => chanceOfAccidentalQuantization(k, n));
    expect(performance.now() - t).toBeLessThan(200);
    for (const c of chances) expect(c >= 0 && c <= 1).toBe(true);
    // One in 128 of 20,000 honest iats is 156 multiples on average: 1 is certain, 200 is rare.
    expect(chances[0]).toBe(1);
    expect(chances[1]).toBeGreaterThan(0.3);
    expect(chances[2]).toBeLessThan(0.001);
    expect(quantizationFromCounts(800, 100_000).verdict).toBe('possible'); // about what 100,000 honest iats give (781 on average)
    expect(quantizationFromCounts(50_000, 100_000).verdict).toBe('near-certain');
    expect(quantizationFromCounts(200, 20_000).text).not.toContain('NaN');
  });
});
