/**
 * The panel shares one decoded token between joins that sent the same signature (100,000 joins of
 * a long session, a handful of distinct tokens). Sharing must never change what a join is told:
 * the shared token equals a fresh decode, two different strings (even ones that decode alike) never
 * share, and a consumer cannot change the shared token for every other join.
 */
import { describe, expect, it } from 'vitest';
import { decodeSignature } from '../../../lib/token/decode';
import { decodeMemo } from '../../../lib/token/decode-memo';

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const JWT = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u('{"appKey":"abcDEF123","mn":"123456789","role":0,"iat":1795912284,"exp":1795919484,"tokenExp":1795919484}')}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`;

describe('decodeMemo', () => {
  it('a retried join with the same signature gets the same decoded token, equal to a fresh decode', () => {
    const decode = decodeMemo();
    const a = decode(JWT);
    expect(decode(JWT)).toBe(a);
    expect(a).toEqual(decodeSignature(JWT));
  });

  it('a signature pasted with a trailing newline is its own token (its "stripped" facts differ), not the clean one', () => {
    const decode = decodeMemo();
    const clean = decode(JWT);
    const pasted = decode(`${JWT}\n`);
    expect(pasted).not.toBe(clean);
    expect(pasted.stripped.whitespace).toBe(true);
    expect(clean.stripped.whitespace).toBe(false);
  });

  it('a rule or view that tried to change a shared token fails instead of changing every join that sent it', () => {
    const t = decodeMemo()(JWT);
    expect(() => {
      (t.payload as Record<string, unknown>)['iat'] = 0;
    }).toThrow(TypeError);
    expect(() => t.problems.push({ code: 'empty', message: 'x' })).toThrow(TypeError);
    expect(t.payload?.['iat']).toBe(1795912284);
  });

  it('past its bound, new signatures are decoded fresh and unshared (a session of all-distinct tokens keeps no second copy)', () => {
    const decode = decodeMemo(1);
    decode(JWT);
    const other = `${JWT}x`;
    const first = decode(other);
    expect(decode(other)).not.toBe(first);
    expect(decode(other)).toEqual(decodeSignature(other));
    expect(Object.isFrozen(first)).toBe(false);
  });

  it('a non-string signature (an object, undefined) is decoded each time, never keyed', () => {
    const decode = decodeMemo();
    expect(decode(undefined)).not.toBe(decode(undefined));
    expect(decode({ jwt: JWT })).toEqual(decodeSignature({ jwt: JWT }));
  });
});
