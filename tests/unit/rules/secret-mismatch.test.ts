import { describe, expect, it } from 'vitest';
import { secretMismatch } from '../../../lib/rules/secret-mismatch';
import { verifySecret } from '../../../lib/verify-secret';
import { KEY, SECRET, decode, run, samplePayload, signClaims } from './token-helpers';

describe('secret-mismatch', () => {
  it("a backend signing with a Server-to-Server OAuth app's secret instead of the Meeting SDK app's", async () => {
    const t = decode(await signClaims(samplePayload(), 'oauth-app-client-secret'));
    const verification = await verifySecret(t, SECRET, KEY);
    const [f] = run(secretMismatch, t, { verification });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('tried the secret as given; with stray whitespace added (newline, CRLF, space); base64-decoded, base64-encoded; the --sdk-key you gave as the HMAC secret');
    expect(f?.message).not.toContain(SECRET);
    expect(f?.fix).toContain('Client Secret');
  });

  it('the right secret passes, and no secret means no judgement', async () => {
    const t = decode(await signClaims(samplePayload()));
    expect(run(secretMismatch, t, { verification: await verifySecret(t, SECRET, KEY) })).toEqual([]);
    expect(run(secretMismatch, t)).toEqual([]);
  });

  it('a swapped key/secret is reported by secret-swapped, not here', async () => {
    const t = decode(await signClaims(samplePayload(), KEY));
    expect(run(secretMismatch, t, { verification: await verifySecret(t, SECRET, KEY) })).toEqual([]);
  });
});
