import { defineRule } from './define';
import { epochSeconds, isoTime, referenceLabel, requestDelay, seconds } from './claim-values';
import { langFix, type LangLines } from './lang';
import { ZONE_FIX, hoursMinutes, zoneExplanation, zoneForShift } from './time-zone';

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

const FRESH: LangLines = {
  js: "`const { signature } = await (await fetch('/signature', { method: 'POST', … })).json()` right before `ZoomMtg.join`; backend `exp = Math.floor(Date.now() / 1000) + 7200`",
  python: '`exp = int(time.time()) + 7200` per request, not a module-level constant',
  java: '`long exp = Instant.now().getEpochSecond() + 7200;` inside the request handler, not a cached token',
  php: '`$exp = time() + 7200;` per request',
  go: '`exp := time.Now().Add(2 * time.Hour).Unix()` per request',
  ruby: '`exp = Time.now.to_i + 7200` per request',
  csharp: '`var exp = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();` per request',
};

export const tokenExpired = defineRule({
  id: 'token-expired',
  severity: 'error',
  title: 'exp is at or before the join time',
  source: 'signature-facts §2 (3705 "The signature has expired"), §4.9',
  rank: 230,
  sdk: 'any',
  phrase: 'the signature had expired',
  produces: [3705],
  check(ctx) {
    const { referenceTime } = ctx;
    if (referenceTime === undefined || !Number.isFinite(referenceTime)) return null;
    const exp = epochSeconds(ctx.token, 'exp');
    if (exp === null || exp > referenceTime) return null;
    const late = referenceTime - exp;
    const iat = epochSeconds(ctx.token, 'iat');
    // iat far behind the join with exp − iat a normal window: a local time behind UTC read as UTC, not a stale token.
    const behind = iat !== null ? referenceTime - iat : NaN;
    const zone = iat !== null && exp - iat > 0 ? zoneForShift(-behind) : null;
    // Still valid when the page called join(): it expired while the page waited to send the request.
    const delay = requestDelay(ctx);
    const waited = delay !== null && delay > 0 && exp > referenceTime - delay;
    return {
      claim: 'exp',
      message:
        `The signature expired at ${isoTime(exp)}, ${seconds(late)} before ${referenceLabel(ctx)}. Zoom answers 3705 "The signature has expired" (or 3712).` +
        (waited ? ` It was still valid at join(): it expired while the page waited ${seconds(delay)} before the SDK sent its request (a preview screen, a device check).` : '') +
        (zone ? ` Either the page reused a signature issued ${hoursMinutes(behind)} earlier, or ${lowerFirst(zoneExplanation(-behind, zone))}` : ''),
      fix: zone
        ? langFix(
            `Fetch a fresh signature right before each join; if it was fresh, take iat and exp from the UTC epoch clock, not a local wall clock (a server at ${zone.label}):`,
            ZONE_FIX,
            ctx.token,
          )
        : langFix(
            "Fetch a fresh signature right before each join instead of caching or reusing one; if it was just issued, the issuing server's clock is behind:",
            FRESH,
            ctx.token,
          ),
      data: {
        expMinusReference: Math.round((exp - referenceTime) * 1000) / 1000,
        utcOffsetMinutes: zone ? zone.offsetMin : null,
        judgedAt: ctx.requestTime !== undefined ? 'request' : 'join',
        requestDelay: requestDelay(ctx),
      },
    };
  },
});
