import { defineRule, type FindingInput } from './define';
import { claimValue, signaturePayload, show } from './claim-values';
import { TIME_NUMBER } from './fixes';
import { langFix } from './lang';

const TIME_CLAIMS = ['iat', 'exp', 'tokenExp'] as const;

export const timeAsString = defineRule({
  id: 'time-as-string',
  severity: 'error',
  title: 'iat, exp or tokenExp is a string',
  source: 'dev.to/zoom troubleshooting ("iat value is long format, not a string"), signature-facts §1',
  rank: 210,
  sdk: 'any',
  phrase: 'times as strings, not numbers',
  check({ token }) {
    if (!signaturePayload(token)) return null;
    const out: FindingInput[] = [];
    for (const name of TIME_CLAIMS) {
      const value = claimValue(token, name);
      if (typeof value !== 'string') continue;
      const numeric = /^\s*-?\d+(\.\d+)?\s*$/.test(value);
      out.push({
        claim: name,
        // tokenExp is not needed by the Web SDK (signature-facts §1), so a quoted one is risky rather than fatal.
        severity: name === 'tokenExp' ? 'warning' : 'error',
        message:
          `${name} is the string ${show(value)}${numeric ? ' (a number in quotes)' : ''}; ` +
          'Zoom expects epoch seconds as a JSON number ("long format, not a string").',
        fix: langFix('Put the number itself in the claims:', TIME_NUMBER, token),
        data: { numeric },
      });
    }
    return out;
  },
});
