import { describe, expect, it } from 'vitest';
import { mnMissing } from '../../../lib/rules/mn-missing';
import { run, tokenFor } from './token-helpers';

describe('mn-missing', () => {
  it("a backend copying Zoom's native-SDK Python example omits mn and role (native-only signature)", async () => {
    const [f] = run(mnMissing, await tokenFor({ mn: undefined, role: undefined }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('native-SDK-only');
    expect(f?.data?.roleMissing).toBe(true);
  });

  it('a payload naming the claim meetingNumber instead of mn (devforum #98154)', async () => {
    const [f] = run(mnMissing, await tokenFor({ mn: undefined, meetingNumber: '123456789' }));
    expect(f?.message).toContain('meetingNumber = "123456789" instead');
    expect(f?.data?.misnamedKey).toBe('meetingNumber');
  });

  it('an empty mn from a missing request field', async () => {
    expect(run(mnMissing, await tokenFor({ mn: '' }))[0]?.message).toContain('mn is ""');
  });

  it('numeric and string mn both pass', async () => {
    expect(run(mnMissing, await tokenFor({ mn: 123456789 }))).toEqual([]);
    expect(run(mnMissing, await tokenFor())).toEqual([]);
  });
});
