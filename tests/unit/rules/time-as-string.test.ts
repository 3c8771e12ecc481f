import { describe, expect, it } from 'vitest';
import { timeAsString } from '../../../lib/rules/time-as-string';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('time-as-string', () => {
  it('a Java backend putting String.valueOf(epochSeconds) into the claims signs iat as a string', async () => {
    const [f] = run(timeAsString, await tokenFor({ iat: String(JOIN_TIME) }));
    expect(f?.severity).toBe('error');
    expect(f?.claim).toBe('iat');
    expect(f?.message).toContain('a number in quotes');
  });

  it('a PHP backend interpolating every claim quotes exp and tokenExp too (tokenExp only a warning)', async () => {
    const fs = run(timeAsString, await tokenFor({ exp: '1795919484', tokenExp: '1795919484' }));
    expect(fs.map((f) => [f.claim, f.severity])).toEqual([
      ['exp', 'error'],
      ['tokenExp', 'warning'],
    ]);
  });

  it('an ISO date string is not a number in quotes', async () => {
    const [f] = run(timeAsString, await tokenFor({ exp: '2026-11-29T02:31:24Z' }));
    expect(f?.data?.numeric).toBe(false);
  });

  it('numeric times pass', async () => {
    expect(run(timeAsString, await tokenFor())).toEqual([]);
  });
});
