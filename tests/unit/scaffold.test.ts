import { describe, expect, it } from 'vitest';
import { JoinDoctorError, isJoinDoctorError } from '../../lib/errors';

describe('errors', () => {
  it('carry a stable code callers can branch on', () => {
    const e = new JoinDoctorError('ERR_USAGE', 'bad');
    expect(isJoinDoctorError(e, 'ERR_USAGE')).toBe(true);
    expect(isJoinDoctorError(e, 'ERR_IO')).toBe(false);
  });
});
