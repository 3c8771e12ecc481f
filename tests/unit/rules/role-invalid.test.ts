import { describe, expect, it } from 'vitest';
import { roleInvalid } from '../../../lib/rules/role-invalid';
import { run, tokenFor } from './token-helpers';

describe('role-invalid', () => {
  it('a backend passing the form field through unparsed signs role "1" (SDK tolerates it, server unverified)', async () => {
    const [f] = run(roleInvalid, await tokenFor({ role: '1' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('the string "1"');
  });

  it('a backend using its own role enum (2 = attendee) gets 3708 Incorrect role', async () => {
    const [f] = run(roleInvalid, await tokenFor({ role: 2 }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('3708');
  });

  it('role "host" or a boolean is an error', async () => {
    expect(run(roleInvalid, await tokenFor({ role: 'host' }))[0]?.severity).toBe('error');
    expect(run(roleInvalid, await tokenFor({ role: true }))[0]?.severity).toBe('error');
  });

  it('role 0 and 1 pass', async () => {
    expect(run(roleInvalid, await tokenFor({ role: 0 }))).toEqual([]);
    expect(run(roleInvalid, await tokenFor({ role: 1 }))).toEqual([]);
  });
});
