import { describe, expect, it } from 'vitest';
import { appKeyMismatch } from '../../../lib/rules/app-key-mismatch';
import { KEY, run, tokenFor } from './token-helpers';

describe('app-key-mismatch', () => {
  it('a backend migrated to a new Client ID but still writing the old SDK Key into sdkKey', async () => {
    const [f] = run(appKeyMismatch, await tokenFor({ sdkKey: 'oldSdkKey000' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('"oldSdkKey000"');
    expect(f?.data).toEqual({ source: 'payload' });
  });

  it('a page passing the staging sdkKey to join while the backend signs for production', async () => {
    const [f] = run(appKeyMismatch, await tokenFor(), { join: { sdkKey: 'stagingKey' } });
    expect(f?.message).toContain('sdkKey passed to join "stagingKey"');
    expect(f?.data).toEqual({ source: 'join' });
  });

  it('a key copied with a trailing space is named as a whitespace difference', async () => {
    const [f] = run(appKeyMismatch, await tokenFor({ sdkKey: `${KEY} ` }));
    expect(f?.message).toContain('only in surrounding whitespace');
  });

  it('matching keys, and a join without sdkKey, pass', async () => {
    expect(run(appKeyMismatch, await tokenFor(), { join: { sdkKey: KEY, meetingNumber: '123456789' } })).toEqual([]);
    expect(run(appKeyMismatch, await tokenFor(), { join: { sdkKey: null } })).toEqual([]);
  });
});
