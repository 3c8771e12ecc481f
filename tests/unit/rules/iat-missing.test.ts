import { describe, expect, it } from 'vitest';
import { iatMissing } from '../../../lib/rules/iat-missing';
import { run, tokenFor } from './token-helpers';

describe('iat-missing', () => {
  it('a generator that only sets exp (like a REST-API JWT) has no iat', async () => {
    const [f] = run(iatMissing, await tokenFor({ iat: undefined }));
    expect(f?.severity).toBe('error');
    expect(f?.claim).toBe('iat');
    expect(f?.message).toContain('no iat');
  });

  it('a null iat from an unset variable', async () => {
    expect(run(iatMissing, await tokenFor({ iat: null }))[0]?.message).toContain('iat is null');
  });

  it('present iat passes', async () => {
    expect(run(iatMissing, await tokenFor())).toEqual([]);
  });
});
