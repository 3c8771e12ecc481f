import { describe, expect, it } from 'vitest';
import { mnMismatch, normaliseMeetingNumber } from '../../../lib/rules/mn-mismatch';
import { run, tokenFor } from './token-helpers';

describe('mn-mismatch', () => {
  it('a signature cached from the previous meeting is reused for the next one', async () => {
    const [f] = run(mnMismatch, await tokenFor({ mn: '98765432100' }), { join: { meetingNumber: '123456789' } });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('"98765432100"');
    expect(f?.data).toEqual({ mn: '98765432100', meetingNumber: '123456789' });
  });

  it('mn signed as a number while the page joins with the formatted string "123 456 789" is the same meeting', async () => {
    expect(run(mnMismatch, await tokenFor({ mn: 123456789 }), { join: { meetingNumber: '123 456 789' } })).toEqual([]);
    expect(run(mnMismatch, await tokenFor({ mn: '123-456-789' }), { join: { meetingNumber: 123456789 } })).toEqual([]);
  });

  it('without a known meeting number nothing is compared', async () => {
    expect(run(mnMismatch, await tokenFor({ mn: '1' }))).toEqual([]);
  });

  it('normalises only spaces and dashes', () => {
    expect(normaliseMeetingNumber(' 12-3 ')).toBe('123');
    expect(normaliseMeetingNumber({})).toBeNull();
  });
});
