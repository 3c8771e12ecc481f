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
