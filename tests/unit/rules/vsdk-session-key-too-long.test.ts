import { describe, expect, it } from 'vitest';
import { vsdkSessionKeyTooLong } from '../../../lib/rules/vsdk-session-key-too-long';
import { check } from './token-helpers';
import { sampleVideoToken } from './video-token-kit';

describe('vsdk-session-key-too-long', () => {
  it('a UUID (36 characters) is within the limit; none at all is fine', () => {
    expect(check(vsdkSessionKeyTooLong, sampleVideoToken({ sessionKey: '123e4567-e89b-12d3-a456-426614174000' }))).toEqual([]);
    expect(check(vsdkSessionKeyTooLong, sampleVideoToken())).toEqual([]);
  });

  it('a prefixed UUID as session_key (41 characters)', () => {
    const [f] = check(vsdkSessionKeyTooLong, sampleVideoToken({ sessionKey: 'sess-123e4567-e89b-12d3-a456-426614174000' }));
    expect(f?.data?.length).toBe(41);
    expect(f?.message).toContain('41 characters; Zoom allows at most 36');
  });
});
