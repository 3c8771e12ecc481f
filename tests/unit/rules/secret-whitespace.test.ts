import { describe, expect, it } from 'vitest';
import { secretWhitespace } from '../../../lib/rules/secret-whitespace';
import { verifySecret } from '../../../lib/verify-secret';
import { KEY, SECRET, decode, run, samplePayload, signClaims } from './token-helpers';

describe('secret-whitespace', () => {
  it('a backend reading the secret from a file with a trailing newline signs with "secret\\n"', async () => {
    const t = decode(await signClaims(samplePayload(), `${SECRET}\n`));
    const verification = await verifySecret(t, SECRET, KEY);
    expect(verification).toMatchObject({ verifies: false, verifiesTrimmed: true, whitespaceVariant: 'with a trailing newline' });
    const [f] = run(secretWhitespace, t, { verification });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('with a trailing newline');
  });

  it('the user pastes the same newline-carrying value from the backend config and it verifies as given', async () => {
    const t = decode(await signClaims(samplePayload(), `${SECRET}\n`));
    const [f] = run(secretWhitespace, t, { verification: await verifySecret(t, `${SECRET}\n`) });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('including its surrounding whitespace');
  });

  it('a secret pasted with a stray space into the form, while the backend signs correctly, is only info', async () => {
    const t = decode(await signClaims(samplePayload()));
    const [f] = run(secretWhitespace, t, { verification: await verifySecret(t, ` ${SECRET} `) });
    expect(f?.severity).toBe('info');
  });

  it('a clean secret that verifies passes', async () => {
    const t = decode(await signClaims(samplePayload()));
    expect(run(secretWhitespace, t, { verification: await verifySecret(t, SECRET) })).toEqual([]);
  });
});
