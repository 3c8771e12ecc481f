/**
 * The float-widening arithmetic behind Java's `Math.round(long)` bug (signature-facts §4.2–4.3).
 *
 * Java has no `Math.round(long)`: a long argument widens to float and `Math.round(float)` runs.
 * A float has a 24-bit significand, so in [2^30, 2^31), where today's epoch seconds
 * (≈1.7–1.8e9) lie, consecutive floats are 2^(30−23) = 128 apart: iat snaps to the nearest
 * multiple of 128 s, up to 64 s in the future.
 */

/** Float spacing for epoch seconds in [2^30, 2^31) (2004-01-10 to 2038-01-19). */
export const FLOAT_SPACING_S = 128;

/** Epoch seconds in [2^30, 2^31) are where the 128 s spacing applies. */
export function floatSpacingAt(epochS: number): number {
  const a = Math.abs(epochS);
  if (!Number.isFinite(a) || a < 2 ** 24) return 1;
  // A float's ulp for |x| in [2^e, 2^(e+1)) is 2^(e−23).
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/** True when iat is a whole multiple of 128 s: what every `Math.round(long)` iat looks like. */
export function isQuantizedIat(iat: unknown): boolean {
  return typeof iat === 'number' && Number.isInteger(iat) && iat > 0 && iat % FLOAT_SPACING_S === 0;
}

/** Chance that one honest (uniformly distributed) integer iat is a multiple of 128 by accident. */
export const CHANCE_MULTIPLE_PER_TOKEN = 1 / FLOAT_SPACING_S;

/**
 * Chance that `quantized` of `total` honest tokens with distinct iat are all multiples of 128:
 * the tail of Binomial(total, 1/128). With 3 of 3 it is 1 in 2,097,152, so several quantised
 * tokens and none unquantised make the Java bug near-certain.
 */
export function chanceOfAccidentalQuantization(quantized: number, total: number): number {
  if (!Number.isInteger(quantized) || !Number.isInteger(total) || total <= 0 || quantized <= 0) return 1;
  if (quantized > total) return 0;
  const p = CHANCE_MULTIPLE_PER_TOKEN;
  // In logarithms, each term from the one before: C(n, k) as a product overflows a double beyond
  // n ≈ 1,030 (the tail came out NaN) and recomputing it per term was O(n·k), 40 s for a session
  // of 100,000 distinct iats. Terms are summed relative to the largest one; past the mode they
  // fall geometrically, so the sum stops once they are e^-60 below it.
  let log = quantized * Math.log(p) + (total - quantized) * Math.log1p(-p);
  for (let i = 1; i <= quantized; i++) log += Math.log((total - quantized + i) / i);
  const step = Math.log(p) - Math.log1p(-p);
  let top = log;
  let sum = 1;
  for (let k = quantized; k < total; k++) {
    log += Math.log((total - k) / (k + 1)) + step;
    if (log > top) {
      sum = sum * Math.exp(top - log) + 1;
      top = log;
    } else {
      sum += Math.exp(log - top);
      if (log < top - 60) break;
    }
  }
  return Math.min(1, Math.exp(top) * sum);
}

/**
 * Java `Math.round(float)` (Java 7+): floor(f + 0.5) computed exactly, NaN → 0, saturating at the
 * int range. `f` must already be a float value (use Math.fround).
 */
export function javaMathRoundFloat(f: number): number {
  if (Number.isNaN(f)) return 0;
  // A float plus 0.5 is exact in double for |f| < 2^52, so this floor is the correct rounding.
  const r = Math.floor(f + 0.5);
  if (r > 2147483647) return 2147483647;
  if (r < -2147483648) return -2147483648;
  return r;
}

/**
 * iat from `Math.round((System.currentTimeMillis() - backdateMs) / 1000)`: long division
 * truncates first, then the long widens to float (round-to-nearest-even, as Math.fround does).
 */
export function javaRoundLongIat(nowMs: number, backdateMs = 0): number {
  const longSeconds = Math.trunc((nowMs - backdateMs) / 1000);
  return javaMathRoundFloat(Math.fround(longSeconds));
}

/**
 * iat from `Math.round(System.currentTimeMillis() / (float) 1000) - backdateS` (signature-facts §4.3): the
 * milliseconds widen to float (spacing 2^17 ms ≈ 131 s), the float division rounds again to 128 s.
 */
export function javaRoundFloatDivisionIat(nowMs: number, backdateS = 0): number {
  const quotient = Math.fround(Math.fround(Math.trunc(nowMs)) / Math.fround(1000));
  return javaMathRoundFloat(quotient) - backdateS;
}

/**
 * Share of wall-clock time during which `round128(now − backdate)` is more than `toleranceS`
 * ahead of now. now − backdate falls uniformly within ±64 s of its multiple m, and iat = m is in
 * the future beyond tolerance when that offset is below −(backdate + tolerance):
 * (64 − backdate − tolerance) / 128, clamped to [0, 1]. With a 30 s back-date: 34 / 128 ≈ 26.6%.
 */
export function impliedFutureShare(backdateS: number, toleranceS = 0, spacingS = FLOAT_SPACING_S): number {
  const half = spacingS / 2;
  const share = (half - backdateS - toleranceS) / spacingS;
  return Math.max(0, Math.min(1, share));
}

/** The same share as "N of every 128 s", for messages. */
export function impliedFutureSecondsPerCycle(backdateS: number, toleranceS = 0, spacingS = FLOAT_SPACING_S): number {
  return impliedFutureShare(backdateS, toleranceS, spacingS) * spacingS;
}
