import { describe, expect, it } from 'vitest';
import { CompactSign } from 'jose';
import { secretEncoding } from '../../../lib/rules/secret-encoding';
import { secretMismatch } from '../../../lib/rules/secret-mismatch';
import { verifySecret } from '../../../lib/verify-secret';
import { KEY, SECRET, decode, run, samplePayload } from './token-helpers';

/** Signs the sample payload with raw key bytes, as a backend does after transforming the secret. */
async function signWithBytes(key: Uint8Array): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(samplePayload())))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(key);
}

describe('secret-encoding', () => {
  it('jjwt Keys.hmacShaKeyFor(Decoders.BASE64.decode(secret)): the secret was base64-decoded before signing', async () => {
    const t = decode(await signWithBytes(Buffer.from(SECRET, 'base64')));
    const v = await verifySecret(t, SECRET, KEY);
    expect(v).toMatchObject({ verifies: false, encodingVariant: 'base64-decoded' });
    const [f] = run(secretEncoding, t, { verification: v });
    expect(f?.message).toContain('does with the secret base64-decoded');
    expect(f?.fix).toContain('Decoders.BASE64.decode');
    expect(run(secretMismatch, t, { verification: v })).toEqual([]);
  });

  it('a backend signing with base64(secret) (Python base64.b64encode(secret.encode()))', async () => {
    const t = decode(await signWithBytes(new TextEncoder().encode(Buffer.from(SECRET).toString('base64'))));
    const v = await verifySecret(t, SECRET, KEY);
    expect(v.encodingVariant).toBe('base64-encoded');
    expect(run(secretEncoding, t, { verification: v })[0]?.message).toContain('base64 encoding of the secret');
  });

  it('a truly wrong secret is still secret-mismatch, and says it tried the encodings', async () => {
    const t = decode(await signWithBytes(new TextEncoder().encode('another-apps-secret-0123456789ab')));
    const v = await verifySecret(t, SECRET, KEY);
    expect(run(secretEncoding, t, { verification: v })).toEqual([]);
    expect(run(secretMismatch, t, { verification: v })[0]?.message).toContain('base64-decoded, base64-encoded');
  });
});
