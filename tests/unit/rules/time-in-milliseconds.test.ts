import { describe, expect, it } from 'vitest';
import { timeInMilliseconds } from '../../../lib/rules/time-in-milliseconds';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('time-in-milliseconds', () => {
  it('a backend ported from the pre-JWT signature keeps Date.now() (milliseconds) for iat and exp', async () => {
    const iatMs = JOIN_TIME * 1000;
    const fs = run(timeInMilliseconds, await tokenFor({ iat: iatMs, exp: iatMs + 7200000, tokenExp: undefined }));
    expect(fs.map((f) => f.claim)).toEqual(['iat', 'exp']);
    expect(fs[0]?.severity).toBe('error');
    expect(fs[0]?.data).toEqual({ value: iatMs, unit: 'milliseconds', asSeconds: JOIN_TIME });
    expect(fs[0]?.message).toContain('2026-11-29T00:31:24Z');
  });

  it('seconds pass', async () => {
    expect(run(timeInMilliseconds, await tokenFor())).toEqual([]);
  });
});

describe('time-in-milliseconds: Go time.Duration is nanoseconds', () => {
  it('golang-jwt MapClaims{"exp": 2 * time.Hour}: 7200000000000 is a Duration in ns, not "milliseconds (2198)"', async () => {
    const twoHours = 2 * 3600 * 1e9; // time.Duration(2) * time.Hour, int64 nanoseconds, marshalled as a number
    const [f] = run(timeInMilliseconds, await tokenFor({ exp: twoHours }));
    expect(f?.message).toContain('a Go time.Duration: 7200000000000 ns = 2 h');
    expect(f?.message).not.toContain('which is milliseconds');
    expect(f?.data).toMatchObject({ unit: 'go-duration', asSeconds: 7200 });
    expect(f?.fix.startsWith('Likely a Go backend')).toBe(true);
  });

  it('"exp": iat + int64(2*time.Hour): iat plus a Duration in ns', async () => {
    const exp = JOIN_TIME + 2 * 3600 * 1e9;
    const [f] = run(timeInMilliseconds, await tokenFor({ exp }));
    expect(f?.data).toMatchObject({ unit: 'iat-plus-go-duration', asSeconds: JOIN_TIME + 7200 });
  });

  it('time.Now().UnixNano() is nanoseconds since the epoch', async () => {
    const [f] = run(timeInMilliseconds, await tokenFor({ iat: JOIN_TIME * 1e9 }));
    expect(f?.data?.['unit']).toBe('nanoseconds');
  });
});
