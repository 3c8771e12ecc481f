import { defineRule } from './define';
import { epochSeconds, referenceCorrected, referenceLabel, seconds } from './claim-values';
import { isQuantizedIat } from './quantization';
import { JAVA_ROUND_FIX } from './fixes';

/** Zoom's clock is known only to the 1 s resolution of an HTTP Date header. */
const DATE_HEADER_RESOLUTION_S = 1;

export const iatFuture = defineRule({
  id: 'iat-future',
  severity: 'error',
  title: "iat is after the join time (Zoom's clock)",
  source: 'facts §4.1 (clock skew, devforum #82045), §4.2–4.4 (Java Math.round, timezone), dev.to ("iat value is the current time")',
  check(ctx) {
    const { token, referenceTime } = ctx;
    if (referenceTime === undefined || !Number.isFinite(referenceTime)) return null;
    const iat = epochSeconds(token, 'iat');
    if (iat === null) return null;
    const ahead = iat - referenceTime;
    if (!(ahead > 0)) return null;
    const corrected = referenceCorrected(ctx);
    const withinResolution = corrected && ahead <= Math.max(DATE_HEADER_RESOLUTION_S, ctx.clockUncertainty ?? 0);
    const quantized = isQuantizedIat(iat);
    let message = `iat is ${seconds(ahead)} after ${referenceLabel(ctx)}.`;
    if (withinResolution) message += " That is within the uncertainty of Zoom's clock as measured (Date headers have 1 s resolution).";
    if (quantized) message += ' iat is also a multiple of 128: the Java Math.round(long) pattern (see iat-quantized).';
    else if (ahead >= 3000 && Math.abs(ahead / 3600 - Math.round(ahead / 3600)) < 0.05) {
      message += ` That is close to ${Math.round(ahead / 3600)} h: a local time treated as UTC (e.g. Java \`LocalDateTime.now().toInstant(ZoneOffset.UTC)\`).`;
    }
    if (!corrected) message += " The backend's clock may be right and this machine's wrong.";
    return {
      claim: 'iat',
      severity: withinResolution ? 'warning' : 'error',
      message,
      fix: quantized
        ? JAVA_ROUND_FIX
        : 'Take iat from an NTP-synced UTC clock (Java `Instant.now().getEpochSecond()`, not LocalDateTime), and ' +
          'back-date it to absorb clock differences: `iat = Math.floor(Date.now() / 1000) - 30` (Zoom\'s sample used ' +
          '−30 s; devforum #82045 needed 120–400 s), keeping exp − iat ≥ 1800 s.',
      data: {
        iatMinusReference: Math.round(ahead * 1000) / 1000,
        referenceCorrected: corrected,
        clockOffset: corrected ? (ctx.clockOffset ?? null) : null,
        quantized,
      },
    };
  },
});
