import { defineRule, type FindingInput } from './define';
import { claimValue, isoTime, MILLISECONDS_THRESHOLD, signaturePayload } from './claim-values';

const TIME_CLAIMS = ['iat', 'exp', 'tokenExp'] as const;

export const timeInMilliseconds = defineRule({
  id: 'time-in-milliseconds',
  severity: 'error',
  title: 'iat, exp or tokenExp is in milliseconds',
  source: 'facts §1 (integer seconds), §1 version history (pre-JWT signatures used milliseconds)',
  check({ token }) {
    if (!signaturePayload(token)) return null;
    const out: FindingInput[] = [];
    for (const name of TIME_CLAIMS) {
      const value = claimValue(token, name);
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) < MILLISECONDS_THRESHOLD) continue;
      const year = new Date(Math.min(value * 1000, 8.64e15)).getUTCFullYear();
      out.push({
        claim: name,
        severity: name === 'tokenExp' ? 'warning' : 'error',
        message:
          `${name} is ${value}, which is milliseconds (${isoTime(value / 1000)}); read as seconds it is ` +
          `${value * 1000 > 8.64e15 ? 'beyond the year 275760' : `the year ${year}`}.`,
        fix:
          'Use seconds: Java `System.currentTimeMillis() / 1000`, JS `Math.floor(Date.now() / 1000)`, ' +
          'Python `int(time.time())`, C# `DateTimeOffset.UtcNow.ToUnixTimeSeconds()` (not ToUnixTimeMilliseconds).',
        data: { value, asSeconds: Math.floor(value / 1000) },
      });
    }
    return out;
  },
});
