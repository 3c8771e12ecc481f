import { describe, expect, it } from 'vitest';
import {
  chanceOfAccidentalQuantization,
  floatSpacingAt,
  impliedFutureSecondsPerCycle,
  impliedFutureShare,
  isQuantizedIat,
  javaRoundFloatDivisionIat,
  javaRoundLongIat,
} from '../../../lib/rules/quantization';
import { prng } from '../seeded-random';

// Three epochs: 2023 (devforum #81534 era), 2026 (now), 2033.
const EPOCHS_S = [1_690_000_000, 1_795_912_284, 2_000_000_000];
const SAMPLES_PER_EPOCH = 2000;

describe("Java Math.round(long) float widening (the seed's 3712 bug)", () => {
  it('Java backend using Math.round((System.currentTimeMillis() - 30000)/1000) future-dates ~27% of iats', () => {
    const rand = prng(3712);
    let future = 0;
    let total = 0;
    let maxAhead = -Infinity;
    for (const epoch of EPOCHS_S) {
      for (let i = 0; i < SAMPLES_PER_EPOCH; i++) {
        const nowMs = epoch * 1000 + Math.floor(rand() * 86_400_000);
        const iat = javaRoundLongIat(nowMs, 30000);
        expect(iat % 128).toBe(0);
        const ahead = iat - nowMs / 1000;
        if (ahead > 0) future++;
        maxAhead = Math.max(maxAhead, ahead);
        total++;
      }
    }
    const rate = future / total;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.32);
    expect(Math.abs(rate - impliedFutureShare(30))).toBeLessThan(0.03);
    expect(maxAhead).toBeLessThanOrEqual(34);
  });

  it('without back-dating, Math.round(System.currentTimeMillis()/1000) future-dates about half, up to 64 s', () => {
    const rand = prng(81534);
    let future = 0;
    let maxAhead = 0;
    for (let i = 0; i < 4000; i++) {
      const nowMs = 1_795_912_284_000 + Math.floor(rand() * 86_400_000);
      const ahead = javaRoundLongIat(nowMs) - nowMs / 1000;
      if (ahead > 0) future++;
      maxAhead = Math.max(maxAhead, ahead);
    }
    expect(future / 4000).toBeGreaterThan(0.42);
    expect(future / 4000).toBeLessThan(0.58);
    expect(maxAhead).toBeLessThanOrEqual(64);
    expect(maxAhead).toBeGreaterThan(60);
  });

  it('Math.round(ms/(float)1000) - 30 double-rounds: iat wanders about −158…+97 s around the true time (devforum #91781)', () => {
    const rand = prng(91781);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 6000; i++) {
      const nowMs = 1_795_912_284_000 + Math.floor(rand() * 86_400_000);
      const d = javaRoundFloatDivisionIat(nowMs, 30) - nowMs / 1000;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    expect(min).toBeGreaterThan(-170);
    expect(min).toBeLessThan(-140);
    expect(max).toBeGreaterThan(80);
    expect(max).toBeLessThan(110);
  });

  it('epoch seconds in [2^30, 2^31) have float spacing 2^(30−23) = 128', () => {
    expect(floatSpacingAt(1_795_912_284)).toBe(128);
    expect(floatSpacingAt(2 ** 30)).toBe(128);
    expect(floatSpacingAt(2 ** 31 - 1)).toBe(128);
    expect(Math.fround(1_795_912_284) % 128).toBe(0);
  });

  it('the implied failure rate is 34 of every 128 s with a 30 s back-date', () => {
    expect(impliedFutureSecondsPerCycle(30)).toBe(34);
    expect(impliedFutureShare(30)).toBeCloseTo(0.265625, 6);
    expect(impliedFutureShare(0)).toBe(0.5);
    expect(impliedFutureShare(120)).toBe(0);
  });

  it('one honest token is a multiple of 128 by chance 1 in 128; three of three is about 1 in 2 million', () => {
    expect(chanceOfAccidentalQuantization(1, 1)).toBeCloseTo(1 / 128, 10);
    expect(chanceOfAccidentalQuantization(3, 3)).toBeCloseTo(1 / 2_097_152, 12);
    expect(chanceOfAccidentalQuantization(0, 5)).toBe(1);
  });

  it('isQuantizedIat accepts only positive whole multiples of 128', () => {
    expect(isQuantizedIat(1_795_912_192)).toBe(true);
    expect(isQuantizedIat(1_795_912_193)).toBe(false);
    expect(isQuantizedIat(1_795_912_192.5)).toBe(false);
    expect(isQuantizedIat('1795912192')).toBe(false);
    expect(isQuantizedIat(0)).toBe(false);
  });
});
