import { describe, expect, it } from 'vitest';
import { headerAlg } from '../../../lib/rules/header-alg';
import { SIG, b64u, check, sampleSignature } from './token-helpers';

describe('header-alg', () => {
  it('jjwt signWith(key) picked HS512 for a 64-byte secret', async () => {
    const [f] = check(headerAlg, `${b64u('{"alg":"HS512"}')}.${b64u('{"appKey":"k"}')}.${SIG}`);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('"HS512"');
    expect(f?.fix).toContain('Jwts.SIG.HS256');
    expect(f?.data?.alg).toBe('HS512');
  });

  it('an unsigned token with alg "none"', () => {
    expect(check(headerAlg, `${b64u('{"alg":"none"}')}.${b64u('{"appKey":"k"}')}.`)[0]?.message).toContain('unsigned');
  });

  it('a hand-written header with "hs256" in lower case', () => {
    expect(check(headerAlg, `${b64u('{"alg":"hs256"}')}.${b64u('{}')}.${SIG}`)[0]?.message).toContain('case-sensitive');
  });

  it('a header without alg', () => {
    const [f] = check(headerAlg, `${b64u('{"typ":"JWT"}')}.${b64u('{}')}.${SIG}`);
    expect(f?.message).toContain('no alg');
    expect(f?.data?.alg).toBeNull();
  });

  it('HS256 passes', async () => {
    expect(check(headerAlg, await sampleSignature())).toEqual([]);
  });
});
