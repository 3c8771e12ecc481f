import { describe, expect, it } from 'vitest';
import { tokenExpInvalid } from '../../../lib/rules/tokenexp-invalid';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('tokenexp-invalid', () => {
  it('a backend setting tokenExp one day past exp contradicts "exp value is greater than tokenExp"', async () => {
    const [f] = run(tokenExpInvalid, await tokenFor({ tokenExp: JOIN_TIME + 7200 + 86400 }));
    expect(f?.severity).toBe('warning');
    expect(f?.data).toEqual({ tokenExpMinusExp: 86400 });
  });

  it('a native-style tokenExp only 600 s after iat is below the documented 1800 s minimum', async () => {
    const [f] = run(tokenExpInvalid, await tokenFor({ tokenExp: JOIN_TIME + 600 }));
    expect(f?.message).toContain('600 s after iat');
  });

  it('a tokenExp that has already passed at join time is an error (3705)', async () => {
    const fs = run(tokenExpInvalid, await tokenFor({ tokenExp: JOIN_TIME + 1800 }), { referenceTime: JOIN_TIME + 4000 });
    expect(fs.map((f) => f.severity)).toEqual(['error']);
  });

  it('tokenExp = exp (sample) and an absent tokenExp (web needs none) pass; strings go to time-as-string', async () => {
    expect(run(tokenExpInvalid, await tokenFor(), { referenceTime: JOIN_TIME })).toEqual([]);
    expect(run(tokenExpInvalid, await tokenFor({ tokenExp: undefined }))).toEqual([]);
    expect(run(tokenExpInvalid, await tokenFor({ tokenExp: '1795919484' }))).toEqual([]);
  });

  it('a null tokenExp from an unset variable is named', async () => {
    expect(run(tokenExpInvalid, await tokenFor({ tokenExp: null }))[0]?.message).toContain('tokenExp is null');
  });
});
