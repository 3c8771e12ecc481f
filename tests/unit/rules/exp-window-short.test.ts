import { describe, expect, it } from 'vitest';
import { expWindowShort } from '../../../lib/rules/exp-window-short';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('exp-window-short', () => {
  it('a backend issuing 10-minute signatures (exp = iat + 600) is below the 1800 s minimum', async () => {
    const [f] = run(expWindowShort, await tokenFor({ exp: JOIN_TIME + 600 }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('exp − iat is 600 s (10 min)');
    expect(f?.data).toEqual({ expMinusIat: 600 });
  });

  it('exp computed in the wrong direction (iat − 3600) is before iat', async () => {
    expect(run(expWindowShort, await tokenFor({ exp: JOIN_TIME - 3600 }))[0]?.message).toContain('3600 s before iat');
  });

  it('exactly 1800 s (devforum #77167) is inside the window', async () => {
    expect(run(expWindowShort, await tokenFor({ exp: JOIN_TIME + 1800 }))).toEqual([]);
  });
});
