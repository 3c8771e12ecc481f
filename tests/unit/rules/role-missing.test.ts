import { describe, expect, it } from 'vitest';
import { roleMissing } from '../../../lib/rules/role-missing';
import { run, tokenFor } from './token-helpers';

describe('role-missing', () => {
  it('a Video SDK style payload with role_type instead of role', async () => {
    const [f] = run(roleMissing, await tokenFor({ role: undefined, role_type: 0 }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('role_type = 0 instead');
  });

  it('a backend that only adds role when the request had one', async () => {
    expect(run(roleMissing, await tokenFor({ role: undefined }))[0]?.message).toContain('no role');
  });

  it('role 0 (falsy) is present, not missing', async () => {
    expect(run(roleMissing, await tokenFor({ role: 0 }))).toEqual([]);
  });
});
