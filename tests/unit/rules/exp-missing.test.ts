import { describe, expect, it } from 'vitest';
import { expMissing } from '../../../lib/rules/exp-missing';
import { run, tokenFor } from './token-helpers';

describe('exp-missing', () => {
  it('a native-SDK style payload with tokenExp but no exp', async () => {
    const [f] = run(expMissing, await tokenFor({ exp: undefined }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('tokenExp is present');
  });

  it('present exp passes', async () => {
    expect(run(expMissing, await tokenFor())).toEqual([]);
  });
});
