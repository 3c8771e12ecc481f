import { defineRule } from './define';
import { epochSeconds, referenceCorrected, referenceLabel, requestDelay, seconds } from './claim-values';
import { isQuantizedIat } from './quantization';
import { BACKDATE, JAVA_ROUND } from './fixes';
import { GUESS, langFix } from './lang';
import { DOTNET_EPOCH_FIX, DOTNET_EPOCH_GAP_S, dotnetSecondsToUnix, grouped } from './epoch-gap';
import { ZONE_FIX, zoneExplanation, zoneForShift } from './time-zone';


/** Zoom's clock is known only to the 1 s resolution of an HTTP Date header. */
const DATE_HEADER_RESOLUTION_S = 1;

export const iatFuture = defineRule({
  id: 'iat-future',
  severity: 'error',
  title: "iat is after the join time (Zoom's clock)",
  source: 'signature-facts §4.1 (clock skew, devforum #82045), §4.2–4.4 (Java Math.round, timezone), dev.to ("iat value is the current time")',
  rank: 220,
  sdk: 'any',
  phrase: 'iat in the future',
  check(ctx) {
    const { token, referenceTime } = ctx;
    if (referenceTime === undefined || !Number.isFinite(referenceTime)) return null;
    const iat = epochSeconds(token, 'iat');
    if (iat === null) return null;
    const ahead = iat - referenceTime;
    if (!(ahead > 0)) return null;
    const corrected = referenceCorrected(ctx);
    const withinResolution = corrected && ahead <= Math.max(DATE_HEADER_RESOLUTION_S, ctx.clockUncertainty ?? 0);
    // Seconds since 0001-01-01 (.NET DateTime.Ticks / TicksPerSecond): the epoch gap, not a clock.
    const dotnetUnix = dotnetSecondsToUnix(iat);
    // A ticks value that is a multiple of 128 is chance (float spacing there is 4096 s): no Java note.
    const quantized = dotnetUnix === null && isQuantizedIat(iat);
    let message = `iat is ${seconds(ahead)} after ${referenceLabel(ctx)}.`;
    const dotnetRest = dotnetUnix === null ? 0 : dotnetUnix - referenceTime;
    const dotnetZone = dotnetUnix === null ? null : zoneForShift(dotnetRest);
    if (dotnetUnix !== null) {
      message +=
        ` That is the ${grouped(DOTNET_EPOCH_GAP_S)} s (719,162 days) from 0001-01-01, where .NET's DateTime.Ticks count from, to 1970-01-01, the Unix epoch` +
        `${Math.abs(dotnetRest) >= 1 ? `, ${dotnetRest > 0 ? 'plus' : 'minus'} ${seconds(Math.abs(dotnetRest))}` : ''}: iat is \`DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond\` (seconds since year 1), not Unix seconds; ` +
        `read as Unix time it is the year ${new Date(Math.min(iat * 1000, 8.64e15)).getUTCFullYear()}.` +
        (dotnetZone ? ` The rest is the offset of ${dotnetZone.label}: \`DateTime.Now\` (local time) instead of \`DateTime.UtcNow\`.` : '');
    }
    if (withinResolution) message += " That is within the uncertainty of Zoom's clock as measured (Date headers have 1 s resolution).";
    if (quantized) message += ' iat is also a multiple of 128: the Java Math.round(long) pattern (see iat-quantized).';
    const zone = quantized || dotnetUnix !== null ? null : zoneForShift(ahead);
    if (zone) message += ` ${zoneExplanation(ahead, zone)}`;
    if (!corrected && dotnetUnix === null) message += " The backend's clock may be right and this machine's wrong.";
    return {
      claim: 'iat',
      severity: withinResolution ? 'warning' : 'error',
      message,
      fix: dotnetUnix !== null
        ? langFix('Issue iat and exp as Unix epoch seconds (since 1970-01-01), not seconds since 0001-01-01:', DOTNET_EPOCH_FIX, token, GUESS.dotnetTicks)
        : quantized
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
        utcOffsetMinutes: zone ? zone.offsetMin : dotnetZone ? dotnetZone.offsetMin : null,
        epoch: dotnetUnix !== null ? 'dotnet-0001' : 'unix',
        // The cause as Correlation and the answer line name it (primary-cause.ts causeTitle).
        ...(dotnetUnix !== null ? { headline: 'iat counted from 0001-01-01 (.NET DateTime.Ticks), not 1970' } : {}),
        judgedAt: ctx.requestTime !== undefined ? 'request' : 'join',
        requestDelay: requestDelay(ctx),
      },
    };
  },
});
