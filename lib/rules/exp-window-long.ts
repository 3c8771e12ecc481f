import { defineRule, type FindingInput } from './define';
import { MAX_WINDOW_S, MIN_WINDOW_S, epochSeconds, seconds } from './claim-values';
import { EXP_WINDOW } from './fixes';
import { langFix, type LangLines } from './lang';
import { hoursMinutes } from './time-zone';

/**
 * The window added in milliseconds to an iat in seconds: `iat + 2 * 60 * 60 * 1000`, Java
 * `TimeUnit.HOURS.toMillis(2)`, .NET `TimeSpan.FromHours(2).TotalMilliseconds`. exp − iat is then
 * a window Zoom would accept, times 1000 (7200000 for 2 h), and "2000 h" would misname it.
 */
export function windowInMilliseconds(window: number): number | null {
  if (!Number.isSafeInteger(window) || window % 1000 !== 0) return null;
  const s = window / 1000;
  return s >= MIN_WINDOW_S && s <= MAX_WINDOW_S ? s : null;
}

const WINDOW_IN_SECONDS: LangLines = {
  js: '`exp = iat + 2 * 60 * 60` (seconds), not `iat + 2 * 60 * 60 * 1000`',
  python: '`exp = iat + int(timedelta(hours=2).total_seconds())`, not `… * 1000`',
  java: '`long exp = iat + TimeUnit.HOURS.toSeconds(2);`, not `TimeUnit.HOURS.toMillis(2)` or `Duration.ofHours(2).toMillis()`',
  php: '`$exp = $iat + 2 * 3600;`, not `$iat + 2 * 3600 * 1000`',
  go: '`exp := iat + int64((2 * time.Hour).Seconds())`, not `(2 * time.Hour).Milliseconds()`',
  ruby: '`exp = iat + 2.hours.to_i` (seconds), not `2.hours.in_milliseconds`',
  csharp: '`var exp = iat + (long)TimeSpan.FromHours(2).TotalSeconds;`, not `TimeSpan.FromHours(2).TotalMilliseconds`',
};

export const expWindowLong = defineRule({
  id: 'exp-window-long',
  severity: 'error',
  title: 'exp − iat is over 172800 s (48 h)',
  source: 'dev.to/zoom troubleshooting (maximum 48 h), signature-facts §1, §4.9; auth sample isBetween(1800,172800)',
  rank: 250,
  sdk: 'any',
  phrase: 'exp more than 48 h after iat',
  produces: [3705],
  check({ token }): FindingInput | null {
    const iat = epochSeconds(token, 'iat');
    const exp = epochSeconds(token, 'exp');
    if (iat === null || exp === null) return null;
    const window = exp - iat;
    if (window <= MAX_WINDOW_S) return null;
    const ms = windowInMilliseconds(window);
    if (ms !== null) {
      return {
        claim: 'exp',
        message:
          `exp − iat is ${window}: ${hoursMinutes(ms)} in milliseconds (${ms} s × 1000). The window was added in milliseconds to an iat in seconds ` +
          '(e.g. `iat + 2 * 60 * 60 * 1000`); Zoom reads it as seconds, allows at most 172800 s (48 h) and rejects it with 3705 or 3712.',
        fix: langFix(`Add the window in seconds (${ms} s, not ${window}):`, WINDOW_IN_SECONDS, token),
        data: { expMinusIat: window, windowUnit: 'milliseconds', windowSeconds: ms, headline: `exp − iat in milliseconds (${hoursMinutes(ms)} × 1000)` },
      };
    }
    return {
      claim: 'exp',
      message: `exp − iat is ${seconds(window)} (${Math.round((window / 3600) * 10) / 10} h); Zoom allows at most 172800 s (48 h) and rejects longer with 3705 or 3712.`,
      fix: langFix('Set exp 7200 s after iat (Zoom\'s sample default), at most 172800 s; fetch a fresh signature per join instead of a long-lived one:', EXP_WINDOW, token),
      data: { expMinusIat: window },
    };
  },
});
