import { describe, expect, it } from 'vitest';
import { mnFormat } from '../../../lib/rules/mn-format';
import { run, tokenFor } from './token-helpers';

describe('mn-format', () => {
  it('a meeting number copied from the invitation as "123 4567 8901" is signed with its spaces', async () => {
    const [f] = run(mnFormat, await tokenFor({ mn: '123 4567 8901' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('contains spaces');
    expect(f?.data?.length).toBe(13);
  });

  it('a dashed ID and a join URL pasted into the mn field', async () => {
    expect(run(mnFormat, await tokenFor({ mn: '123-4567-8901' }))[0]?.message).toContain('dashes');
    expect(run(mnFormat, await tokenFor({ mn: 'https://zoom.us/j/123' }))[0]?.message).toContain('other non-digits');
  });

  it('digits as a string or a number pass', async () => {
    expect(run(mnFormat, await tokenFor({ mn: '12345678901' }))).toEqual([]);
    expect(run(mnFormat, await tokenFor({ mn: 12345678901 }))).toEqual([]);
  });
});

describe('mn-format on hostile payloads', () => {
  it('an mn array holding {"toString":{}} (which makes String() throw) is reported, not crashed on', async () => {
    const { tokenFromJson } = await import('./token-helpers');
    const [f] = run(mnFormat, await tokenFromJson('{"appKey":"k","mn":[{"toString":{}}],"role":0}'));
    expect(f?.message).toContain('is an array, not a string or number');
    expect(f?.data).toEqual({ length: null });
  });
});
