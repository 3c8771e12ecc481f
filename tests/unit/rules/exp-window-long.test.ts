import { describe, expect, it } from 'vitest';
import { expWindowLong } from '../../../lib/rules/exp-window-long';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('exp-window-long', () => {
  it('a backend caching one signature for a week (exp = iat + 7 days)', async () => {
    const [f] = run(expWindowLong, await tokenFor({ exp: JOIN_TIME + 7 * 86400 }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('(168 h)');
    expect(f?.data).toEqual({ expMinusIat: 604800 });
  });

  it('a backend adding the window in milliseconds (iat + 2 * 60 * 60 * 1000) reads "2 h in milliseconds", not "2000 h"', async () => {
    const iat = Math.floor((JOIN_TIME * 1000) / 1000);
    const [f] = run(expWindowLong, await tokenFor({ iat, exp: iat + 2 * 60 * 60 * 1000, tokenExp: undefined }));
    expect(f?.message).toContain('exp − iat is 7200000: 2 h in milliseconds (7200 s × 1000)');
    expect(f?.message).not.toContain('2000 h');
    expect(f?.fix).toContain('TimeUnit.HOURS.toSeconds(2)');
    expect(f?.data).toEqual({ expMinusIat: 7_200_000, windowUnit: 'milliseconds', windowSeconds: 7200, headline: 'exp − iat in milliseconds (2 h × 1000)' });
  });

  it('Java TimeUnit.MINUTES.toMillis(90) added to iat: "1 h 30 min in milliseconds"', async () => {
    const [f] = run(expWindowLong, await tokenFor({ exp: JOIN_TIME + 90 * 60 * 1000 }));
    expect(f?.message).toContain('1 h 30 min in milliseconds (5400 s × 1000)');
  });

  it('exactly 48 h is allowed', async () => {
    expect(run(expWindowLong, await tokenFor({ exp: JOIN_TIME + 172800 }))).toEqual([]);
  });
});
