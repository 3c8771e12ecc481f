import { describe, expect, it } from 'vitest';
import { clockSkew } from '../../../lib/rules/clock-skew';
import { run, tokenFor } from './token-helpers';

describe('clock-skew', () => {
  it("a laptop clock 45 s ahead of Zoom's pushes a locally judged iat into Zoom's future", async () => {
    const [f] = run(clockSkew, await tokenFor(), { clockOffset: -45, clockOffsetSource: 'the Date header of zoom.us' });
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain("Zoom's clock is 45 s behind this machine's clock (measured from the Date header of zoom.us)");
    expect(f?.data).toEqual({ clockOffset: -45 });
  });

  it('a few seconds of Date-header noise, or no measurement, stays silent', async () => {
    expect(run(clockSkew, await tokenFor(), { clockOffset: 2 })).toEqual([]);
    expect(run(clockSkew, await tokenFor(), { clockOffset: 30 })).toEqual([]);
    expect(run(clockSkew, await tokenFor())).toEqual([]);
  });
});
