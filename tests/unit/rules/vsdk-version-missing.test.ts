import { describe, expect, it } from 'vitest';
import { vsdkVersionMissing } from '../../../lib/rules/vsdk-version-missing';
import { NOW, check } from './token-helpers';
import { handVideoToken, sampleVideoToken } from './video-token-kit';

describe('vsdk-version-missing', () => {
  it('the sample writes version: 1', () => {
    expect(check(vsdkVersionMissing, sampleVideoToken())).toEqual([]);
  });

  it('a hand-written payload copied from an older blog post without version', () => {
    const [f] = check(vsdkVersionMissing, handVideoToken({ app_key: 'k', tpc: 't', role_type: 0, iat: NOW, exp: NOW + 7200 }));
    expect(f?.claim).toBe('version');
    expect(f?.message).toContain('The payload has no version');
  });

  it('version as the string "1"', () => {
    expect(check(vsdkVersionMissing, sampleVideoToken({}, { version: '1' }))[0]?.message).toContain('version is "1"');
  });
});
