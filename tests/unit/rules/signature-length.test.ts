import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { signatureLength } from '../../../lib/rules/signature-length';
import { analyseTokenInput } from '../../../lib/analyse';
import { SECRET, decode, run, samplePayload, signClaims } from './token-helpers';
import { phpHandRolled } from './php-hex-digest';

describe('signature-length', () => {
  it("PHP hash_hmac('sha256', …) without true: an 86-character hex-digest segment fails even with no secret given, PHP fix first", () => {
    const token = phpHandRolled(samplePayload(), SECRET);
    expect(token.split('.')[2]).toHaveLength(86);
    const [f] = run(signatureLength, decode(token));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('86 characters, 64 bytes; an HS256 signature is 32 bytes');
    expect(f?.message).toContain('64 hex characters');
    expect(f?.data?.['kind']).toBe('hex-digest-encoded');
    expect(f?.fix.startsWith('Likely a PHP backend')).toBe(true);
    expect(f?.fix).toMatch(/^[^;]*PHP: `rtrim\(strtr\(base64_encode\(hash_hmac\('sha256', "\$header\.\$payload", \$secret, true\)\)/);
    // Before this rule such a token passed when no secret was given.
    expect(analyseTokenInput(token, { referenceTime: 1795912284 }).verdict).toBe('fail');
  });

  it("the same PHP code with hash_hmac(…, true) makes a 43-character, 32-byte signature and nothing fires", () => {
    expect(run(signatureLength, decode(phpHandRolled(samplePayload(), SECRET, true)))).toEqual([]);
  });

  it('a Node backend that put digest("hex") straight into the token (64 hex characters, not base64url)', () => {
    const [h, p] = phpHandRolled(samplePayload(), SECRET, true).split('.');
    const hex = createHmac('sha256', SECRET).update(`${h}.${p}`).digest('hex');
    const [f] = run(signatureLength, decode(`${h}.${p}.${hex}`));
    expect(f?.data?.['kind']).toBe('hex-digest');
    expect(f?.fix).toContain("not `.digest('hex')`");
  });

  it('a signature base64-encoded twice (a base64 HMAC encoded again)', async () => {
    const jwt = await signClaims(samplePayload());
    const [h, p, s] = jwt.split('.');
    const twice = Buffer.from(Buffer.from(s!, 'base64url').toString('base64')).toString('base64url');
    const [f] = run(signatureLength, decode(`${h}.${p}.${twice}`));
    expect(f?.data?.['kind']).toBe('double-encoded');
  });

  it('an HS512 HMAC under an HS256 header (64 raw bytes) is named, a good jose token is not', async () => {
    const jwt = await signClaims(samplePayload());
    const [h, p] = jwt.split('.');
    const hs512 = createHmac('sha512', SECRET).update(`${h}.${p}`).digest('base64url');
    const [f] = run(signatureLength, decode(`${h}.${p}.${hs512}`));
    expect(f?.data).toMatchObject({ kind: 'longer-hmac', bytes: 64 });
    expect(run(signatureLength, decode(jwt))).toEqual([]);
  });
});
