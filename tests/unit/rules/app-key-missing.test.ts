import { describe, expect, it } from 'vitest';
import { appKeyMissing } from '../../../lib/rules/app-key-missing';
import { KEY, run, signClaims, decode, tokenFor, undecodable } from './token-helpers';

describe('app-key-missing', () => {
  it('a backend that signs {mn, role, iat, exp} but forgot the key claims: SDK 6 refuses the join silently', async () => {
    const [f] = run(appKeyMissing, await tokenFor({ appKey: undefined, sdkKey: undefined, tokenExp: undefined }));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('appKey is absent and sdkKey is absent');
    expect(f?.message).toContain('claims present: mn, role, iat, exp');
    expect(f?.message).toContain('please add appKey');
    expect(f?.data).toEqual({ appKeyPresent: false, sdkKeyPresent: false });
  });

  it('a REST-API JWT (iss/exp) is named by token-not-sdk-jwt instead', async () => {
    expect(run(appKeyMissing, decode(await signClaims({ iss: 'apiKey', exp: 1795919484 })))).toEqual([]);
  });

  it('a backend whose env var is unset writes appKey "" and the component view rejects "appKey can not empty"', async () => {
    const [f] = run(appKeyMissing, await tokenFor({ appKey: '', sdkKey: undefined }));
    expect(f?.message).toContain('appKey is ""');
  });

  it("Zoom's auth sample payload (appKey and sdkKey) passes", async () => {
    expect(run(appKeyMissing, await tokenFor())).toEqual([]);
    expect(run(appKeyMissing, await tokenFor({ appKey: undefined, sdkKey: KEY }))).toEqual([]);
  });

  it('an undecodable token is left to token-malformed', () => {
    expect(run(appKeyMissing, undecodable())).toEqual([]);
  });
});
