import { describe, expect, it } from 'vitest';
import { redactKnownSecret, SECRET_PLACEHOLDER } from '../../../lib/report/redact-secret';
import { KEY, SECRET, samplePayload, signClaims } from '../rules/token-helpers';

describe('the secret the user gave never leaves in an export', () => {
  it('a swapped backend (secret in appKey): claim, message and the redacted token\'s payload segment lose it', async () => {
    const token = await signClaims(samplePayload({ appKey: SECRET, sdkKey: SECRET }), KEY);
    const [h, p] = token.split('.');
    const exp = { signature: `${h}.${p}.<redacted>`, payload: { appKey: SECRET }, message: `appKey is "${SECRET}"`, n: 1 };
    const out = redactKnownSecret(exp, SECRET);
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(out).toEqual({ signature: `${h}.${SECRET_PLACEHOLDER}.<redacted>`, payload: { appKey: SECRET_PLACEHOLDER }, message: `appKey is "${SECRET_PLACEHOLDER}"`, n: 1 });
  });
  it('leaves everything alone when the secret appears nowhere, and ignores a too-short secret', async () => {
    const token = await signClaims(samplePayload());
    expect(redactKnownSecret({ t: token }, SECRET)).toEqual({ t: token });
    expect(redactKnownSecret({ t: 'abc' }, 'abc')).toEqual({ t: 'abc' });
  });
});
