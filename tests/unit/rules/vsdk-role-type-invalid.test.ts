import { describe, expect, it } from 'vitest';
import { vsdkRoleTypeInvalid } from '../../../lib/rules/vsdk-role-type-invalid';
import { check } from './token-helpers';
import { handVideoToken, sampleVideoToken } from './video-token-kit';

describe('vsdk-role-type-invalid', () => {
  it('the sample coerces a string role with parseInt: role_type 1 passes', () => {
    expect(check(vsdkRoleTypeInvalid, sampleVideoToken({ role: '1' }))).toEqual([]);
    expect(check(vsdkRoleTypeInvalid, sampleVideoToken({ role: 0 }))).toEqual([]);
  });

  it('a backend that skips the coercion sends role_type as the string "1" (3010 Role type error)', () => {
    const [f] = check(vsdkRoleTypeInvalid, sampleVideoToken({}, { role_type: '1' }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('role_type is the string "1", not a number');
    expect(f?.message).toContain('3010');
  });

  it('a role the sample would refuse (2), and a missing role_type written as role', () => {
    expect(check(vsdkRoleTypeInvalid, sampleVideoToken({ role: 2 }))[0]?.data?.roleType).toBe(2);
    const [f] = check(vsdkRoleTypeInvalid, handVideoToken({ app_key: 'k', tpc: 't', role: 1, version: 1, iat: 1, exp: 7201 }));
    expect(f?.message).toContain('no role_type (it has role = 1');
  });
});
