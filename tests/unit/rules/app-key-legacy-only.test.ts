import { describe, expect, it } from 'vitest';
import { appKeyLegacyOnly } from '../../../lib/rules/app-key-legacy-only';
import { KEY, run, tokenFor } from './token-helpers';

describe('app-key-legacy-only', () => {
  it('a 2.x-era backend (generateSDKSignature payload) still sends only sdkKey, which 6.2.0 tolerates with a warning', async () => {
    const [f] = run(appKeyLegacyOnly, await tokenFor({ appKey: undefined, sdkKey: KEY }));
    expect(f?.severity).toBe('warning');
    expect(f?.claim).toBe('appKey');
    expect(f?.message).toContain('5.0.0');
  });

  it('payloads with appKey, or with no key at all (app-key-missing), do not fire', async () => {
    expect(run(appKeyLegacyOnly, await tokenFor())).toEqual([]);
    expect(run(appKeyLegacyOnly, await tokenFor({ appKey: undefined, sdkKey: undefined }))).toEqual([]);
  });
});
