import { defineRule } from './define';
import { epochSeconds, isoTime, referenceLabel, seconds } from './claim-values';

export const tokenExpired = defineRule({
  id: 'token-expired',
  severity: 'error',
  title: 'exp is at or before the join time',
  source: 'facts §2 (3705 "The signature has expired"), §4.9',
  check(ctx) {
    const { referenceTime } = ctx;
    if (referenceTime === undefined || !Number.isFinite(referenceTime)) return null;
    const exp = epochSeconds(ctx.token, 'exp');
    if (exp === null || exp > referenceTime) return null;
    const late = referenceTime - exp;
    return {
      claim: 'exp',
      message: `The signature expired at ${isoTime(exp)}, ${seconds(late)} before ${referenceLabel(ctx)}. Zoom answers 3705 "The signature has expired" (or 3712).`,
      fix: 'Fetch a fresh signature right before each join instead of caching or reusing one; if it was just issued, the issuing server\'s clock is behind.',
      data: { expMinusReference: Math.round((exp - referenceTime) * 1000) / 1000 },
    };
  },
});
