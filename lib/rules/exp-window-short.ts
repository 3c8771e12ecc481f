import { defineRule } from './define';
import { MIN_WINDOW_S, epochSeconds, seconds } from './claim-values';
import { EXP_WINDOW } from './fixes';
import { langFix } from './lang';

export const expWindowShort = defineRule({
  id: 'exp-window-short',
  severity: 'error',
  title: 'exp − iat is under 1800 s',
  source: 'dev.to/zoom troubleshooting (minimum 1800 s), signature-facts §1, §4.9; auth sample isBetween(1800,172800)',
  rank: 240,
  sdk: 'any',
  phrase: 'exp less than 1800 s after iat',
  produces: [3705],
  check({ token }) {
    const iat = epochSeconds(token, 'iat');
    const exp = epochSeconds(token, 'exp');
    if (iat === null || exp === null) return null;
    const window = exp - iat;
    if (window >= MIN_WINDOW_S) return null;
    return {
      claim: 'exp',
      message:
        window === 0
          ? 'exp equals iat; Zoom requires exp at least 1800 s after iat (3705 or 3712).'
          : window < 0
          ? `exp is ${seconds(-window)} before iat; Zoom requires exp at least 1800 s after iat (3705 or 3712).`
          : `exp − iat is ${seconds(window)} (${Math.round(window / 60)} min); Zoom requires at least 1800 s (30 min) and rejects it with 3705 or 3712.`,
      fix: langFix('Set exp 7200 s after iat (Zoom\'s sample default); any window from 1800 s to 172800 s (48 h) is accepted:', EXP_WINDOW, token),
      data: { expMinusIat: window },
    };
  },
});
