import { FLOAT_SPACING_S, floatSpacingAt, impliedFutureShare, isQuantizedIat } from '../rules/quantization';
import type { ImpliedFailureRate, OffsetDistribution, ProbeSample, ProbeSummary, RuleRate } from './types';

const r3 = (n: number) => Math.round(n * 1000) / 1000;

export function ruleRates(samples: readonly ProbeSample[]): RuleRate[] {
  const counts = new Map<string, number>();
  for (const s of samples) for (const id of new Set(s.analysis.findings.map((f) => f.id))) counts.set(id, (counts.get(id) ?? 0) + 1);
  const n = samples.length;
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count, rate: n === 0 ? 0 : r3(count / n) }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function offsetDistribution(samples: readonly ProbeSample[]): OffsetDistribution | null {
  const xs = samples.map((s) => s.iatOffset).filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { min: r3(xs[0]!), median: r3(median), max: r3(xs[xs.length - 1]!), futureShare: r3(xs.filter((x) => x > 0).length / xs.length) };
}

/** Width of the Reproduce tab's histogram bins, in seconds. */
export const OFFSET_BIN_S = 16;
/** Bins reach at most this far either side of 0; offsets beyond share one open-ended bin per side. */
export const OFFSET_BINS_REACH_S = 192;

/** A histogram bin [from, to); from is −Infinity or to is Infinity for an open-ended edge bin. */
export interface OffsetBin {
  from: number;
  to: number;
  n: number;
}

/**
 * iat − server time in OFFSET_BIN_S bins, from below the smallest offset (or 0) to past the largest
 * (or to 16): every offset is in exactly one bin. An offset on a bin edge belongs to the bin it
 * starts, so the top bin must reach past the largest (a Java token 32 s ahead of the Date header
 * once fell off the end). The bins stop at ±OFFSET_BINS_REACH_S: a .NET backend counting iat from
 * 0001-01-01 (6.2e10 s ahead) asked for 3.9e9 bins and hung the panel.
 */
export function offsetHistogram(offsets: readonly number[]): OffsetBin[] {
  let min = 0;
  let max = 0;
  for (const o of offsets) {
    if (!Number.isFinite(o)) continue;
    if (o < min) min = o;
    if (o > max) max = o;
  }
  const lo = Math.max(-OFFSET_BINS_REACH_S, Math.floor(min / OFFSET_BIN_S) * OFFSET_BIN_S);
  const hi = Math.min(OFFSET_BINS_REACH_S, (Math.floor(max / OFFSET_BIN_S) + 1) * OFFSET_BIN_S);
  const below: OffsetBin = { from: -Infinity, to: lo, n: 0 };
  const above: OffsetBin = { from: hi, to: Infinity, n: 0 };
  const bins: OffsetBin[] = [];
  for (let b = lo; b < hi; b += OFFSET_BIN_S) bins.push({ from: b, to: b + OFFSET_BIN_S, n: 0 });
  for (const o of offsets) {
    if (!Number.isFinite(o)) continue;
    if (o < lo) below.n++;
    else if (o >= hi) above.n++;
    else bins[Math.floor((o - lo) / OFFSET_BIN_S)]!.n++;
  }
  return [...(below.n ? [below] : []), ...bins, ...(above.n ? [above] : [])];
}

/**
 * Bounds the back-date b of a quantising backend from its tokens. Java computes
 * L = trunc((now − b) / 1 s) and rounds it to the nearest multiple m of 128 (the float), so
 * L ∈ [m − 64, m + 64], i.e. t − b ∈ [m − 64, m + 65) for the backend time t. The Date header D
 * (1 s resolution) puts t in [D, D + 1). So each sample gives D − m − 65 < b ≤ D − m + 65, and the
 * samples together give max(D − m) − 65 < b ≤ min(D − m) + 65. Samples spread over a full cycle pin
 * b to about ±1 s; samples taken a few seconds apart leave it almost open.
 *
 * A fresh token is in the future while t − b lies in [m − 64, m − b), so (64 − b) of every 128 s
 * (quantization.ts, impliedFutureShare), assuming Zoom's clock equals the backend's and Zoom
 * tolerates no iat after its clock.
 */
export function impliedFailureRate(samples: readonly ProbeSample[]): ImpliedFailureRate | null {
  const q = samples.filter((s) => s.iat !== null && isQuantizedIat(s.iat) && floatSpacingAt(s.iat) === FLOAT_SPACING_S);
  // One quantised sample among many honest ones is chance (1 in 128), not a quantising backend.
  if (q.length === 0 || q.length * 2 < samples.length) return null;
  const spacing = FLOAT_SPACING_S;
  const half = spacing / 2;
  // A loop, not Math.max(...diffs): a spread of a long probe's 200,000 samples overflows the stack (RangeError).
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  for (const s of q) {
    const d = Math.floor(s.referenceTime) - (s.iat as number);
    if (d > maxDiff) maxDiff = d;
    if (d < minDiff) minDiff = d;
  }
  const bMin = maxDiff - half - 1;
  const bMax = minDiff + half + 1;
  const lo = Math.min(bMin, bMax);
  const hi = Math.max(bMin, bMax);
  const shareMin = impliedFutureShare(hi, 0, spacing);
  const shareMax = impliedFutureShare(lo, 0, spacing);
  const basis: ImpliedFailureRate['basis'] = q.every((s) => s.serverDate !== null) ? 'date-header' : 'local-clock';
  const secMin = r3(shareMin * spacing);
  const secMax = r3(shareMax * spacing);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const narrow = hi - lo <= 8;
  const b = (lo + hi) / 2;
  const rate = narrow
    ? `≈ ${r3(impliedFutureShare(b, 0, spacing) * spacing)} of every ${spacing} s (${pct(impliedFutureShare(b, 0, spacing))}; between ${secMin} and ${secMax} s)`
    : `between ${secMin} and ${secMax} of every ${spacing} s (${pct(shareMin)}–${pct(shareMax)})`;
  const text =
    `${q.length} of ${samples.length} tokens ${q.length === 1 ? 'has' : 'have'} an iat that is a multiple of ${spacing} s: the backend rounds iat through a float ` +
    `(Java Math.round(long)), so iat jumps in ${spacing} s steps and is in the future for (${half} − b) of every ${spacing} s, b being the ` +
    `back-date it subtracts. The samples' iat and ${basis === 'date-header' ? 'Date headers' : 'local receive times (no Date header)'} put b ` +
    `${narrow ? `at ≈ ${r3(b)} s` : `between ${r3(lo)} and ${r3(hi)} s`}, so over time joins get a future iat (3712) ${rate}, ` +
    `whatever share this probe saw: samples seconds apart share one iat and see 0% or 100%.` +
    (narrow ? '' : ` Spread the samples over at least ${spacing} s to pin b down (CLI: --interval or --verdict; panel: Reproduce → Timing).`);
  return {
    quantizedSamples: q.length,
    spacingS: spacing,
    backdateS: { min: r3(lo), max: r3(hi) },
    futureSecondsPerCycle: { min: secMin, max: secMax },
    futureShare: { min: r3(shareMin), max: r3(shareMax) },
    basis,
    text,
  };
}

export function summarize(samples: readonly ProbeSample[], errors: number): ProbeSummary {
  return {
    samples: samples.length,
    errors,
    rules: ruleRates(samples),
    iatOffset: offsetDistribution(samples),
    implied: impliedFailureRate(samples),
  };
}
