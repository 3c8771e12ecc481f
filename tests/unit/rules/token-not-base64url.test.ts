import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { tokenNotBase64url } from '../../../lib/rules/token-not-base64url';
import { check } from './token-helpers';

/** What a hand-rolled .NET/PHP signer with Convert.ToBase64String / base64_encode produces. */
function standardBase64Token(payload: string): string {
  const h = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64');
  const p = Buffer.from(payload).toString('base64');
  const sig = createHmac('sha256', 'secret').update(`${h}.${p}`).digest('base64');
  return `${h}.${p}.${sig}`;
}

describe('token-not-base64url', () => {
  it('a PHP base64_encode signer: "/" and "=" padding (intermittent join timeout, devforum #93507)', () => {
    const token = standardBase64Token('{"appKey":"k?>?","mn":"123456789","role":0,"iat":1795912284,"exp":1795919484}');
    const [f] = check(tokenNotBase64url, token);
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/payload \(.*"\/"/);
    expect(f?.message).toContain('"=" padding');
    expect(f?.message).toContain('jose.decodeJwt');
    expect(f?.fix).toContain('Base64UrlEncoder.Encode');
    expect(f?.fix).toContain('getUrlEncoder().withoutPadding()');
    expect((f?.data?.padding as number) > 0).toBe(true);
  });

  it('base64url with padding only: a strict decoder still reads it, the message says so', () => {
    const p = Buffer.from('{"appKey":"k","mn":"1"}').toString('base64url');
    const padded = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${p}${'='.repeat((4 - (p.length % 4)) % 4)}.${'a'.repeat(43)}=`;
    const [f] = check(tokenNotBase64url, padded);
    expect(f?.data?.plus).toBe(0);
    expect(f?.data?.slash).toBe(0);
  });

  it('a jose-signed token passes', async () => {
    const { sampleSignature } = await import('./token-helpers');
    expect(check(tokenNotBase64url, await sampleSignature())).toEqual([]);
  });
});
