import { describe, expect, it } from 'vitest';
import { impliedFailureRate } from '../../../lib/probe/probe-stats';
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
