import { defineRule } from './define';
import { MAX_WINDOW_S, epochSeconds, seconds } from './claim-values';
import { EXP_WINDOW } from './fixes';
import { langFix } from './lang';

export const expWindowLong = defineRule({
  id: 'exp-window-long',
  severity: 'error',
  title: 'exp − iat is over 172800 s (48 h)',
  source: 'dev.to/zoom troubleshooting (maximum 48 h), signature-facts §1, §4.9; auth sample isBetween(1800,172800)',
  check({ token }) {
    const iat = epochSeconds(token, 'iat');
    const exp = epochSeconds(token, 'exp');
    if (iat === null || exp === null) return null;
    const window = exp - iat;
    if (window <= MAX_WINDOW_S) return null;
    return {
      claim: 'exp',
      message: `exp − iat is ${seconds(window)} (${Math.round((window / 3600) * 10) / 10} h); Zoom allows at most 172800 s (48 h) and rejects longer with 3705 or 3712.`,
      fix: langFix('Set exp 7200 s after iat (Zoom\'s sample default), at most 172800 s; fetch a fresh signature per join instead of a long-lived one:', EXP_WINDOW, token),
      data: { expMinusIat: window },
    };
  },
});
