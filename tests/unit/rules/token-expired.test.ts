import { describe, expect, it } from 'vitest';
import { tokenExpired } from '../../../lib/rules/token-expired';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('token-expired', () => {
  it('a page reusing a signature fetched at page load three hours earlier gets 3705', async () => {
    const iat = JOIN_TIME - 3 * 3600;
    const [f] = run(tokenExpired, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('3600 s before the join time');
    // From the token alone a 3 h old token and a UTC−3 server writing local time as UTC look the same: both are named.
    expect(f?.message).toContain('reused a signature issued 3 h earlier');
    expect(f?.data).toMatchObject({ expMinusReference: -3600, utcOffsetMinutes: -180 });
  });

  it('a fresh signature, or no reference time, passes', async () => {
    expect(run(tokenExpired, await tokenFor(), { referenceTime: JOIN_TIME })).toEqual([]);
    expect(run(tokenExpired, await tokenFor({ exp: 1 }))).toEqual([]);
  });
});
