import { describe, expect, it } from 'vitest';
import { vsdkUserIdentityTooLong } from '../../../lib/rules/vsdk-user-identity-too-long';
import { check } from './token-helpers';
import { sampleVideoToken } from './video-token-kit';

describe('vsdk-user-identity-too-long', () => {
  it('a short user id passes', () => {
    expect(check(vsdkUserIdentityTooLong, sampleVideoToken({ userIdentity: 'user-1234' }))).toEqual([]);
  });

  it('an e-mail address as user_identity (the sample itself would refuse over 35)', () => {
    const [f] = check(vsdkUserIdentityTooLong, sampleVideoToken({ userIdentity: 'firstname.lastname@customer-company.example' }));
    expect(f?.claim).toBe('user_identity');
    expect(f?.message).toContain('43 characters');
  });

  it('the newer spelling user_key is checked too', () => {
    const [f] = check(vsdkUserIdentityTooLong, sampleVideoToken({}, { user_key: 'x'.repeat(37) }));
    expect(f?.claim).toBe('user_key');
  });
});
