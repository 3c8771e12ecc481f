import { describe, expect, it } from 'vitest';
import { verifySecret } from '../../lib/verify-secret';
import { KEY, SECRET, decode, samplePayload, signClaims, undecodable } from './rules/token-helpers';
import { CompactSign } from 'jose';

describe('verifySecret', () => {
  it('a signature that expired two days ago still verifies: only the HMAC is checked, not exp', async () => {
    const t = decode(await signClaims(samplePayload({ iat: 1_600_000_000, exp: 1_600_007_200 })));
    const v = await verifySecret(t, SECRET, KEY);
    expect(v).toEqual({
      verifies: true,
      verifiesTrimmed: false,
      verifiesSwapped: false,
      secretHasWhitespace: false,
      whitespaceVariant: null,
      encodingVariant: null,
      encodingsTried: [],
      swapKeySource: 'given',
      keyClaimIsSecret: null,
      unverifiable: null,
    });
  });

  it('a wrong secret does not verify and nothing in the result carries the secret', async () => {
    const t = decode(await signClaims(samplePayload()));
    const v = await verifySecret(t, 'wrong-secret-value', KEY);
    expect(v.verifies).toBe(false);
    expect(JSON.stringify(v)).not.toContain('wrong-secret-value');
    expect(JSON.stringify(v)).not.toContain(SECRET);
  });

  it('a token signed HS512 cannot be checked as a Meeting SDK signature', async () => {
    const jws = await new CompactSign(new TextEncoder().encode('{"appKey":"k"}'))
      .setProtectedHeader({ alg: 'HS512' })
      .sign(new TextEncoder().encode(SECRET.repeat(2)));
    const v = await verifySecret(decode(jws), SECRET);
    expect(v.unverifiable).toBe('the header alg is not HS256');
    expect(v.verifies).toBe(false);
  });

  it('an undecodable token and an empty secret never reject', async () => {
    await expect(verifySecret(undecodable(), SECRET)).resolves.toMatchObject({ unverifiable: 'the token does not have three segments' });
    const t = decode(await signClaims(samplePayload()));
    await expect(verifySecret(t, '')).resolves.toMatchObject({ verifies: false });
    await expect(verifySecret(t, '   ')).resolves.toMatchObject({ verifies: false, verifiesTrimmed: null });
  });
});
