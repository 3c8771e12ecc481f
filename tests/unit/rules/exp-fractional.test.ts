import { describe, expect, it } from 'vitest';
import { expFractional } from '../../../lib/rules/exp-fractional';
import { JOIN_TIME, run, tokenFor, tokenFromJson } from './token-helpers';

describe('exp-fractional', () => {
  it('exp = Date.now()/1000 + 7200 carries the fraction into exp', async () => {
    const [f] = run(expFractional, await tokenFor({ exp: JOIN_TIME + 7200.25 }));
    expect(f?.claim).toBe('exp');
    expect(f?.severity).toBe('warning');
    expect(f?.data?.fraction).toBe(0.25);
  });

  it('Python time.time() + 7200 written by PyJWT as 1795919484.0', async () => {
    const t = await tokenFromJson('{"appKey":"k","iat":1795912284,"exp":1795919484.0}');
    expect(run(expFractional, t)[0]?.data?.literal).toBe('1795919484.0');
  });

  it('integer exp passes', async () => {
    expect(run(expFractional, await tokenFor())).toEqual([]);
  });
});
