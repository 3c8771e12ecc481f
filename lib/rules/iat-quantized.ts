import { defineRule } from './define';
import { epochSeconds, referenceLabel, seconds } from './claim-values';
import { FLOAT_SPACING_S, floatSpacingAt, impliedFutureSecondsPerCycle, impliedFutureShare, isQuantizedIat } from './quantization';
import { JAVA_ROUND } from './fixes';
import { GUESS, langFix } from './lang';

/** Seconds per 128 s cycle in which a −30 s back-dated, quantised iat is in the future (34). */
const USUAL = impliedFutureSecondsPerCycle(30);

export const iatQuantized = defineRule({
  id: 'iat-quantized',
  // One honest token in 128 is a multiple of 128 by chance; several in a row (correlation) make it near-certain.
  severity: 'warning',
  title: 'iat is a multiple of 128 s (Java Math.round(long) float widening)',
  source: 'signature-facts §4.2–4.3 (devforum #81534, #77667, #91781)',
  // Never a cause on its own (primary-cause.ts skips it): ranked last.
  rank: 430,
  neverSuspect: true,
  sdk: 'any',
  check(ctx) {
    const iat = epochSeconds(ctx.token, 'iat');
    if (iat === null || !isQuantizedIat(iat) || floatSpacingAt(iat) !== FLOAT_SPACING_S) return null;
    let message =
      `iat ${iat} = ${iat / FLOAT_SPACING_S} × 128. Epoch seconds (≈1.7–1.8e9) lie in [2^30, 2^31), where ` +
      'a float holds only every 128th integer (spacing 2^(30−23) = 128). Java has no Math.round(long): the long ' +
      'widens to float and Math.round(float) returns it, so iat snaps to the nearest multiple of 128 s, up to ' +
      `64 s in the future; with the usual −30 s back-date iat is ahead of the clock ${USUAL} of every 128 s ` +
      `(${Math.round(impliedFutureShare(30) * 100)}%), so that share of joins fails with 3712 at random. ` +
      'An honest iat is a multiple of 128 by chance 1 time in 128, so check a few tokens.';
    let iatMinusReference: number | null = null;
    if (ctx.referenceTime !== undefined && Number.isFinite(ctx.referenceTime)) {
      iatMinusReference = Math.round((iat - ctx.referenceTime) * 1000) / 1000;
      const rel = iatMinusReference > 0 ? 'after' : 'before';
      message += ` This one is ${seconds(Math.abs(iatMinusReference))} ${rel} ${referenceLabel(ctx)}.`;
    }
    return {
      claim: 'iat',
      message,
      fix: langFix('Stop rounding epoch seconds through a float:', JAVA_ROUND, ctx.token, GUESS.javaRound),
      data: { iat, iatDiv128: iat / FLOAT_SPACING_S, iatMinusReference },
    };
  },
});
