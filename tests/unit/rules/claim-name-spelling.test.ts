/**
 * Claim names are case-sensitive. A Go backend that marshals a struct without `json:"…"` tags writes
 * the field names (AppKey, Mn, Role, Iat, Exp, TokenExp); a Python or Rust (serde) backend writes
 * snake_case (app_key, sdk_key), the Video SDK's spelling. Zoom reads neither: each missing-claim
 * rule names the spelling, and a misspelled mn/role is never called a native-SDK-only signature.
 */
import { describe, expect, it } from 'vitest';
import { analyseTokenInput } from '../../../lib/analyse';
import { appKeyMissing } from '../../../lib/rules/app-key-missing';
import { mnMissing } from '../../../lib/rules/mn-missing';
import { roleMissing } from '../../../lib/rules/role-missing';
import { iatMissing } from '../../../lib/rules/iat-missing';
import { primaryCause } from '../../../lib/correlate/primary-cause';
import { JOIN_TIME, KEY, decode, run, signJson } from './token-helpers';

/** encoding/json of `struct{AppKey, SdkKey, Mn string; Role int; Iat, Exp, TokenExp int64}` without tags: field names, declaration order. */
function goUntaggedStructJson(iat: number): string {
  return JSON.stringify({ AppKey: KEY, SdkKey: KEY, Mn: '123456789', Role: 0, Iat: iat, Exp: iat + 7200, TokenExp: iat + 7200 });
}

/** PyJWT `jwt.encode({...}, secret)` of a dict written with snake_case keys. */
function pythonSnakeJson(iat: number): string {
  return JSON.stringify({ app_key: KEY, sdk_key: KEY, mn: '123456789', role: 0, iat, exp: iat + 7200 });
}

describe('claim names spelled another way are named as a naming mistake', () => {
  it('a Go struct without json tags: AppKey is present but Zoom reads appKey, and every other misspelled claim is listed', async () => {
    const t = decode(await signJson(goUntaggedStructJson(JOIN_TIME)));
    const [f] = run(appKeyMissing, t);
    expect(f?.message).toMatch(/^AppKey is present but Zoom reads appKey \(claim names are case-sensitive\)/);
    expect(f?.message).toContain('Also misnamed: SdkKey (Zoom reads sdkKey), Mn (Zoom reads mn), Role (Zoom reads role), Iat (Zoom reads iat), Exp (Zoom reads exp), TokenExp (Zoom reads tokenExp)');
    expect(f?.fix).toContain('AppKey → appKey, SdkKey → sdkKey, Mn → mn');
    expect(f?.fix).toContain('json:"appKey"');
    expect(f?.data).toMatchObject({ misnamedKey: 'AppKey' });
    const [iat] = run(iatMissing, t);
    expect(iat?.message).toContain('Iat is present but Zoom reads iat');
    const [role] = run(roleMissing, t);
    expect(role?.message).toContain('Role is present but Zoom reads role (claim names are case-sensitive): Role = 0');
  });

  it('mn-missing names a present Mn and never calls the token native-SDK only', async () => {
    const [f] = run(mnMissing, decode(await signJson(goUntaggedStructJson(JOIN_TIME))));
    expect(f?.message).toContain('Mn is present but Zoom reads mn (claim names are case-sensitive): Mn = "123456789"');
    expect(f?.message).toContain('role is written Role too');
    expect(f?.message).not.toContain('native-SDK');
    expect(f?.data).toMatchObject({ misnamedKey: 'Mn', nativeOnly: false });
  });

  it('a Python backend writing app_key / sdk_key (the Video SDK spelling) in a Meeting SDK signature', async () => {
    const [f] = run(appKeyMissing, decode(await signJson(pythonSnakeJson(JOIN_TIME))));
    expect(f?.message).toMatch(/^app_key is present but Zoom reads appKey \(camelCase, not snake_case: app_key is the Video SDK's spelling\)/);
    expect(f?.message).toContain('Also misnamed: sdk_key (Zoom reads sdkKey)');
    expect(f?.fix).toContain('not `app_key` / `sdk_key`');
  });

  it("the failure's cause says the claim names are misspelled, not that appKey is missing", async () => {
    const analysis = analyseTokenInput(await signJson(goUntaggedStructJson(JOIN_TIME)), { referenceTime: JOIN_TIME });
    const cause = primaryCause(
      { attempt: { id: 'g', api: 'client-view', signature: '', calledAt: JOIN_TIME * 1000, outcome: { kind: 'silent-refusal', reason: 'no appKey' } }, analysis },
      'silent-refusal',
      { distinctIats: 0, multiplesOf128: 0, chanceByAccident: 1, verdict: 'none', text: '' },
    );
    expect(cause.title).toBe('claim names Zoom does not read (AppKey, not appKey; SdkKey, not sdkKey; Mn, not mn)');
  });

  it('a payload that really omits mn and role (the native-SDK example) is still called native-SDK only', async () => {
    const [f] = run(mnMissing, decode(await signJson(JSON.stringify({ appKey: KEY, iat: JOIN_TIME, exp: JOIN_TIME + 7200 }))));
    expect(f?.message).toContain('native-SDK-only');
  });
});
