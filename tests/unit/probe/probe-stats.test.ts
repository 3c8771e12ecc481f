import { describe, expect, it } from 'vitest';
import { impliedFailureRate, OFFSET_BINS_REACH_S, offsetHistogram } from '../../../lib/probe/probe-stats';
import type { ProbeSample } from '../../../lib/probe/types';

/** A multiple of 128 s near 2026 (where a float's spacing is 128 s). */
const QUANTIZED_IAT = 128 * 14_030_560;

function sample(index: number, iat: number, referenceTime: number): ProbeSample {
  return {
    index,
    status: 200,
    receivedAt: referenceTime * 1000,
    serverDate: referenceTime * 1000,
    token: '',
    referenceTime,
    iat,
    iatOffset: iat - referenceTime,
    analysis: { verdict: 'pass', findings: [], token: null as never },
  };
}

describe('impliedFailureRate on a long probe', () => {
  it('200,000 samples of a Java Math.round backend bound its back-date without a RangeError (Math.max(...diffs) overflowed the stack)', () => {
    // The back-date b lies in (max(D − m) − 65, min(D − m) + 65]: references 10..40 s after the quantised iat.
    const samples = Array.from({ length: 200_000 }, (_, i) => sample(i, QUANTIZED_IAT, QUANTIZED_IAT + 10 + (i % 31)));
    const r = impliedFailureRate(samples);
    expect(r).not.toBeNull();
    expect(r!.quantizedSamples).toBe(200_000);
    expect(r!.backdateS).toEqual({ min: 40 - 64 - 1, max: 10 + 64 + 1 });
    expect(r!.basis).toBe('date-header');
  });
});

describe("the Reproduce tab's iat − server time histogram", () => {
  const total = (bins: Array<{ n: number }>) => bins.reduce((a, b) => a + b.n, 0);

  it('a Java token exactly 32 s ahead of the Date header is counted (it fell off the top bin: 16 of 20 shown)', () => {
    const offsets = [...Array(16).fill(17), 32, 32, 32, 32];
    const bins = offsetHistogram(offsets);
    expect(total(bins)).toBe(20);
    expect(bins.map((b) => [b.from, b.n])).toEqual([[0, 0], [16, 16], [32, 4]]);
  });

  it("every offset of Java's window (94 s behind to 34 s ahead, edges and fractions included) is in exactly one bin", () => {
    const offsets = [-94, -80, -64, -16, -0.5, 0, 0.5, 15.999, 16, 33, 34];
    const bins = offsetHistogram(offsets);
    expect(total(bins)).toBe(offsets.length);
    expect(bins[0]!.from).toBe(-96);
    expect(bins.at(-1)!.from).toBe(32);
    for (const o of offsets) expect(bins.filter((b) => o >= b.from && o < b.from + 16)).toHaveLength(1);
  });

  it('a .NET backend whose iat counts seconds from 0001-01-01 (6.2e10 s ahead) gets one open-ended bin, not 3.9e9 bins that hung the panel', () => {
    const offsets = [62_135_596_800, 62_135_596_801, -7200, -20];
    const bins = offsetHistogram(offsets);
    expect(total(bins)).toBe(4);
    expect(bins.length).toBeLessThanOrEqual(2 + (2 * OFFSET_BINS_REACH_S) / 16);
    expect(bins[0]).toEqual({ from: -Infinity, to: -192, n: 1 });
    expect(bins.at(-1)).toEqual({ from: 192, to: Infinity, n: 2 });
    expect(bins.find((b) => b.from === -32)?.n).toBe(1);
  });

  it('no offsets: one empty 0…16 s bin, as before any sample', () => {
    expect(offsetHistogram([])).toEqual([{ from: 0, to: 16, n: 0 }]);
  });
});

