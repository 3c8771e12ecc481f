import { describe, expect, it } from 'vitest';
import { secretSwapped } from '../../../lib/rules/secret-swapped';
import { verifySecret } from '../../../lib/verify-secret';
import { KEY, SECRET, decode, run, samplePayload, signClaims } from './token-helpers';

describe('secret-swapped', () => {
  it("a backend configured from the auth sample's old README signs with the SDK key as the HMAC secret", async () => {
    const t = decode(await signClaims(samplePayload({ appKey: SECRET, sdkKey: SECRET }), KEY));
    const verification = await verifySecret(t, SECRET, KEY);
    expect(verification).toMatchObject({ verifies: false, verifiesSwapped: true });
    const [f] = run(secretSwapped, t, { verification });
    expect(f?.severity).toBe('error');
    expect(f?.fix).toContain('regenerate');
  });

  it('a correctly signed token passes', async () => {
    const t = decode(await signClaims(samplePayload()));
    expect(run(secretSwapped, t, { verification: await verifySecret(t, SECRET, KEY) })).toEqual([]);
  });
});
