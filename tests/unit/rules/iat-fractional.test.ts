import { describe, expect, it } from 'vitest';
import { iatFractional } from '../../../lib/rules/iat-fractional';
import { JOIN_TIME, KEY, run, tokenFor, tokenFromJson } from './token-helpers';

describe('iat-fractional', () => {
  it('a JS backend using Date.now()/1000 without Math.floor issues a fractional iat', async () => {
    const [f] = run(iatFractional, await tokenFor({ iat: JOIN_TIME + 0.537, exp: JOIN_TIME + 7200 }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('1795912284.537');
    expect(f?.data?.fraction).toBe(0.537);
    expect(f?.fix).toContain('Math.floor(Date.now() / 1000)');
  });

  it("PyJWT writes float(int(time.time())) from Zoom's Python example as 1795912284.0, which JSON.parse hides", async () => {
    const json = `{"appKey":"${KEY}","mn":"123456789","role":0,"iat":1795912284.0,"exp":1795919484}`;
    const t = await tokenFromJson(json);
    expect(t.payload?.iat).toBe(1795912284); // what jose.decodeJwt would show
    const [f] = run(iatFractional, t);
    expect(f?.message).toContain('`1795912284.0`');
    expect(f?.data?.literal).toBe('1795912284.0');
    expect(f?.fix).toContain('int(time.time())');
  });

  it('an exponent literal 1.795912284e9 from a float serialiser', async () => {
    const t = await tokenFromJson('{"appKey":"k","iat":1.795912284e9,"exp":1795919484}');
    expect(run(iatFractional, t)[0]?.data?.literal).toBe('1.795912284e9');
  });

  it('a whole-number iat written as an integer passes', async () => {
    expect(run(iatFractional, await tokenFor())).toEqual([]);
  });
});
