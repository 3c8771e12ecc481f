import { MILLISECONDS_THRESHOLD } from '../rules/claim-values';
import { FLOAT_SPACING_S, floatSpacingAt, isQuantizedIat } from '../rules/quantization';
import { contextForAttempt } from '../attempt-context';
import type { CorrelationItem, OffsetPoint, OffsetSplit, OutcomeClass } from './types';
import { isFailure } from './outcome';
import { plural } from './causes';

/** iat in epoch seconds when the token has a usable one (a number, not milliseconds). */
export function iatOf(item: CorrelationItem): number | null {
  const iat = item.analysis.token.payload?.['iat'];
  if (typeof iat !== 'number' || !Number.isFinite(iat) || Math.abs(iat) >= MILLISECONDS_THRESHOLD) return null;
  return iat;
}

export function isFloatQuantized(iat: number): boolean {
  return isQuantizedIat(iat) && floatSpacingAt(iat) === FLOAT_SPACING_S;
}

const ms = (n: number) => Math.round(n * 1000) / 1000;

/** One point per attempt with an iat and a join time; in input order. */
export function offsetPoints(items: readonly CorrelationItem[], classes: readonly OutcomeClass[]): OffsetPoint[] {
  const points: OffsetPoint[] = [];
  items.forEach((item, i) => {
    const p = offsetPointOf(item, classes[i] ?? 'pending');
    if (p) points.push(p);
  });
  return points;
}

/** One join's point (null without an iat or a reference time); the running correlation asks per join. */
export function offsetPointOf(item: CorrelationItem, outcome: OutcomeClass): OffsetPoint | null {
  const iat = iatOf(item);
  if (iat === null) return null;
  const ctx = contextForAttempt(item.attempt);
  if (ctx.referenceTime === undefined) return null;
  return {
    attemptId: String(item.attempt.id),
    calledAt: item.attempt.calledAt,
    outcome,
    iat,
    offset: ms(iat - ctx.referenceTime),
    referenceCorrected: ctx.clockOffset !== undefined,
    quantized: isFloatQuantized(iat),
  };
}

function secondsText(n: number): string {
  return `${ms(n)}`;
}

/**
 * The threshold t on iat − reference time for which "offset > t" best separates failures from
 * successes, scored like the causes (share of failures above − share of successes above). The
 * smallest such t among equally good ones is the highest offset on the success side, so the text
 * can say how far ahead the successes got. Null without both failures and successes, or when no
 * threshold separates them at all.
 */
export function bestOffsetSplit(points: readonly OffsetPoint[]): OffsetSplit | null {
  const fails = points.filter((p) => isFailure(p.outcome)).map((p) => p.offset);
  const succ = points.filter((p) => p.outcome === 'success').map((p) => p.offset);
  return offsetSplitOfSorted(fails.sort((a, b) => a - b), succ.sort((a, b) => a - b));
}

/**
 * bestOffsetSplit on offsets already sorted ascending (failures', successes'): what the session's
 * running correlation (lib/correlate/accumulator.ts) calls, since it keeps both lists sorted as
 * joins arrive instead of sorting 100,000 offsets per join.
 */
export function offsetSplitOfSorted(fSorted: readonly number[], sSorted: readonly number[]): OffsetSplit | null {
  if (fSorted.length === 0 || sSorted.length === 0) return null;
  const fails = fSorted;
  const succ = sSorted;
  // One sweep over the sorted offsets (offsets are finite: iat and the reference time both are):
  // counting "above t" per candidate by filtering was quadratic, seconds of blocked panel at 10,000 joins.
  // Candidates are the distinct offsets of both lists in ascending order, walked as one merge.
  let fi = 0;
  let si = 0;
  let best: { t: number; score: number; fa: number; sa: number } | null = null;
  while (fi < fSorted.length || si < sSorted.length) {
    const f = fi < fSorted.length ? fSorted[fi]! : Infinity;
    const s = si < sSorted.length ? sSorted[si]! : Infinity;
    const t = f < s ? f : s;
    while (fi < fSorted.length && fSorted[fi]! <= t) fi++;
    while (si < sSorted.length && sSorted[si]! <= t) si++;
    const fa = fSorted.length - fi;
    const sa = sSorted.length - si;
    const score = fa / fails.length - sa / succ.length;
    if (fa > 0 && score > 0 && (best === null || score > best.score)) best = { t, score, fa, sa };
  }
  if (!best) return null;
  // Loops, not Math.min(...xs): a spread of 100,000 arguments overflows the stack.
  let failureMin = Infinity;
  let failureMax = -Infinity;
  for (const o of fails) {
    if (!(o > best.t)) continue;
    if (o < failureMin) failureMin = o;
    if (o > failureMax) failureMax = o;
  }
  const F = fails.length;
  const S = succ.length;
  const who = best.fa === F ? (F === 1 ? 'the one failure' : `every failure (${F})`) : `${best.fa} of ${F} failures`;
  const range = failureMin === failureMax ? `${secondsText(failureMin)} s` : `${secondsText(failureMin)} to ${secondsText(failureMax)} s`;
  let text: string;
  if (failureMin > 0) text = `${who} had iat ahead of the join time by ${range.replace(' to ', '–')}`;
  else text = `${who} had iat − join time of ${range} (above ${secondsText(best.t)} s)`;
  let succMax = -Infinity;
  for (const o of succ) if (o > succMax) succMax = o;
  const succs = `${S} ${plural(S, 'success', 'successes')}`;
  if (best.sa === 0) {
    text += succMax <= 0 ? `; no success did (${succs}, iat at most ${secondsText(Math.abs(succMax))} s before)` : `; no success was above ${secondsText(best.t)} s (${succs})`;
  } else {
    text += `; ${best.sa} of ${succs} did too (highest success: ${secondsText(succMax)} s)`;
  }
  return { threshold: best.t, failuresAbove: best.fa, failures: F, successesAbove: best.sa, successes: S, failureMin, failureMax, score: ms(best.score), text };
}
