import { describe, expect, it } from 'vitest';
import { tokenMalformed } from '../../../lib/rules/token-malformed';
import { SIG, b64u, check, sampleSignature } from './token-helpers';

describe('token-malformed', () => {
  it('the whole fetch response object passed as signature (devforum #4005): errorCode 1', async () => {
    const [f] = check(tokenMalformed, { signature: await sampleSignature(), sdkKey: 'k' });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('`signature` field');
    expect(f?.fix).toContain('data.signature');
    expect(f?.data?.problem).toBe('not-a-string');
  });

  it('signature read before the fetch resolved: undefined', () => {
    expect(check(tokenMalformed, undefined)[0]?.message).toContain('undefined, not a string');
  });

  it('only the HMAC part returned by the backend (devforum #98154)', () => {
    const [f] = check(tokenMalformed, SIG);
    expect(f?.message).toContain('1 dot-separated segment');
    expect(f?.message).toContain('only the HMAC');
  });

  it("Python str(dict) written as the payload: single quotes are not JSON", () => {
    const [f] = check(tokenMalformed, `${b64u('{"alg":"HS256"}')}.${b64u("{'appKey': 'k', 'iat': 1}")}.${SIG}`);
    expect(f?.data?.problem).toBe('payload-not-json');
    expect(f?.message).toContain("{'appKey'");
    expect(f?.fix).toContain('json.dumps');
  });

  it('an encrypted JWT (JWE, five segments) is not a signature', () => {
    expect(check(tokenMalformed, 'a.b.c.d.e')[0]?.message).toContain('JWE');
  });

  it('reports every structural problem, but not a duplicate claim (json-duplicate-key does)', () => {
    const dup = `${b64u('{"alg":"HS256"}')}.${b64u('{"iat":1,"iat":2}')}.${SIG}`;
    expect(check(tokenMalformed, dup)).toEqual([]);
    expect(check(tokenMalformed, `${b64u('[1]')}.${b64u('2')}.`).map((f) => f.data?.problem)).toEqual([
      'header-not-object',
      'payload-not-object',
      'segment-encoding',
    ]);
  });

  it('stays silent on a well-formed signature and leaves the pre-JWT format to token-legacy-format', async () => {
    expect(check(tokenMalformed, await sampleSignature())).toEqual([]);
    const legacy = Buffer.from(`xu3JPaA_RJW2-9l5_HAaLA.123456789.1583169538773.0.${'B'.repeat(43)}=`).toString('base64');
    expect(check(tokenMalformed, legacy)).toEqual([]);
  });
});
