import { defineRule } from './define';
import { seconds } from './claim-values';
import { BACKDATE } from './fixes';
import { langFix } from './lang';

/**
 * 30 s: offsets from HTTP Date headers carry 1 s resolution plus network latency, so a few seconds
 * is noise; 30 s is the back-date Zoom's own sample relied on for years, so a clock off by more
 * than that defeats the margin most backends copied.
 */
export const CLOCK_SKEW_THRESHOLD_S = 30;

export const clockSkew = defineRule({
  id: 'clock-skew',
  severity: 'warning',
  title: "The local clock is more than 30 s off Zoom's clock",
  source: 'signature-facts §4.1 (devforum #82045: iat ahead of Zoom by ~2 min), §1 (sample back-dated iat by 30 s)',
  rank: 420,
  neverSuspect: true,
  sdk: 'any',
  check(ctx) {
    const offset = ctx.clockOffset;
    if (offset === undefined || !Number.isFinite(offset) || Math.abs(offset) <= CLOCK_SKEW_THRESHOLD_S) return null;
    const pm = ctx.clockUncertainty !== undefined && Number.isFinite(ctx.clockUncertainty) ? ` ±${seconds(ctx.clockUncertainty)}` : '';
    const from = ctx.clockOffsetSource ? ` (measured from ${ctx.clockOffsetSource}${pm})` : '';
    return {
      message:
        `Zoom's clock is ${seconds(Math.abs(offset))} ${offset > 0 ? 'ahead of' : 'behind'} this machine's clock${from}. ` +
        'Join Doctor corrects its time checks by it; a backend on the same clock issues iat that far off' +
        (offset < 0 ? ', in Zoom\'s future (3712).' : '.'),
      fix: langFix('Sync the clocks with NTP (`timedatectl set-ntp true`, `w32tm /resync`); if you cannot, back-date iat by more than the offset:', BACKDATE, ctx.token),
      data: { clockOffset: offset },
    };
  },
});
