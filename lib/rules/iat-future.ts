import { defineRule } from './define';
import { epochSeconds, referenceCorrected, referenceLabel, seconds } from './claim-values';
import { isQuantizedIat } from './quantization';
import { BACKDATE, JAVA_ROUND } from './fixes';
import { langFix } from './lang';
import { ZONE_FIX, zoneExplanation, zoneForShift } from './time-zone';


/** Zoom's clock is known only to the 1 s resolution of an HTTP Date header. */
const DATE_HEADER_RESOLUTION_S = 1;

export const iatFuture = defineRule({
  id: 'iat-future',
  severity: 'error',
  title: "iat is after the join time (Zoom's clock)",
  source: 'signature-facts §4.1 (clock skew, devforum #82045), §4.2–4.4 (Java Math.round, timezone), dev.to ("iat value is the current time")',
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
    const zone = quantized ? null : zoneForShift(ahead);
    if (zone) message += ` ${zoneExplanation(ahead, zone)}`;
    if (!corrected) message += " The backend's clock may be right and this machine's wrong.";
    return {
      claim: 'iat',
      severity: withinResolution ? 'warning' : 'error',
      message,
      fix: quantized
        ? langFix('iat is quantised by a float:', JAVA_ROUND, token)
        : zone
          ? langFix(`Take iat from the UTC epoch clock, not a local wall clock (this server is at ${zone.label}):`, ZONE_FIX, token)
          : langFix(
              "Take iat from an NTP-synced UTC clock and back-date it to absorb clock differences (Zoom's sample used −30 s; devforum #82045 needed " +
                '120–400 s), keeping exp − iat ≥ 1800 s:',
              BACKDATE,
              token,
            ),
      data: {
        iatMinusReference: Math.round(ahead * 1000) / 1000,
        referenceCorrected: corrected,
        clockOffset: corrected ? (ctx.clockOffset ?? null) : null,
        quantized,
        utcOffsetMinutes: zone ? zone.offsetMin : null,
      },
    };
  },
});
