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

  it('exactly 48 h is allowed', async () => {
    expect(run(expWindowLong, await tokenFor({ exp: JOIN_TIME + 172800 }))).toEqual([]);
  });
});
