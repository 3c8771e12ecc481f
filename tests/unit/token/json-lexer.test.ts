import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lexJsonObject, MAX_JSON_DEPTH } from '../../../lib/token/json-lexer';

function ok(text: string) {
  const r = lexJsonObject(text);
  if (!r.ok) throw new Error(`expected ok, got ${r.message}`);
  return r;
}

describe('json-lexer', () => {
  it("keeps PyJWT's float(int(time.time())) literal 1795912284.0 that JSON.parse turns into an integer", () => {
    const r = ok('{"iat": 1795912284.0, "exp": 1.7959194840e9}');
    expect(r.members.iat).toEqual({ key: 'iat', raw: '1795912284.0', kind: 'number', value: 1795912284 });
    expect(r.members.exp?.raw).toBe('1.7959194840e9');
    expect(r.value).toEqual({ iat: 1795912284, exp: 1795919484 });
  });

  it('reads the RFC 7515 A.1 header with CRLF and a space between members', () => {
    const r = ok('{"typ":"JWT",\r\n "alg":"HS256"}');
    expect(r.value).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(Object.keys(r.members)).toEqual(['typ', 'alg']);
  });

  it('unescapes unicode escapes in keys and values like JSON.parse, keeping the raw text', () => {
    const text = '{"na\\u006de":"caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/ \\n","lone":"\\ud800"}';
    const r = ok(text);
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.members.name?.raw).toBe('"caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/ \\n"');
  });

  it('keeps nested objects and arrays as raw text plus the parsed value', () => {
    const r = ok('{"geo_regions":["US", "EU"],"opt":{"a":{"b":[1,{"c":null}]}}}');
    expect(r.members.geo_regions).toMatchObject({ kind: 'array', raw: '["US", "EU"]', value: ['US', 'EU'] });
    expect(r.members.opt).toMatchObject({ kind: 'object', raw: '{"a":{"b":[1,{"c":null}]}}' });
    expect(r.depth).toBe(5);
  });

  it('reports a duplicated claim, keeping the last value as JSON.parse does', () => {
    const r = ok('{"iat":1,"mn":"1","iat":2}');
    expect(r.duplicates).toEqual(['iat']);
    expect(r.value.iat).toBe(2);
    expect(r.members.iat?.raw).toBe('2');
  });

  it('treats a "__proto__" claim as data, not as the prototype', () => {
    const r = ok('{"__proto__":{"polluted":true},"a":1}');
    expect(Object.prototype.hasOwnProperty.call(r.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });

  it("rejects Python str(dict) output (single quotes) with the offset, without throwing", () => {
    const r = lexJsonObject("{'appKey': 'k', 'iat': 1}");
    expect(r).toMatchObject({ ok: false, reason: 'not-json', offset: 1 });
  });

  it('says "not an object" only for valid JSON of another type', () => {
    expect(lexJsonObject('[1,2]')).toMatchObject({ ok: false, reason: 'not-object', found: 'array' });
    expect(lexJsonObject(' "eyJ" ')).toMatchObject({ ok: false, reason: 'not-object', found: 'string' });
    expect(lexJsonObject('1795912284')).toMatchObject({ ok: false, reason: 'not-object', found: 'number' });
    expect(lexJsonObject('[1,')).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it.each([
    ['trailing comma', '{"a":1,}'],
    ['leading zero', '{"a":01}'],
    ['bare decimal point', '{"a":1.}'],
    ['NaN', '{"a":NaN}'],
    ['raw newline in a string', '{"a":"x\ny"}'],
    ['bad escape', '{"a":"\\x41"}'],
    ['short unicode escape', '{"a":"\\u12"}'],
    ['text after the object', '{"a":1} x'],
    ['unterminated', '{"a":"x'],
    ['missing colon', '{"a" 1}'],
    ['empty text', ''],
    ['vertical tab as whitespace', '{\u000b"a":1}'],
  ])('rejects %s like JSON.parse does', (_name, text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(lexJsonObject(text).ok).toBe(false);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels instead of overflowing the stack`, () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(lexJsonObject(deep)).toMatchObject({ ok: false, reason: 'not-json' });
    const fine = `{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    expect(lexJsonObject(fine).ok).toBe(true);
  });

  it('agrees with JSON.parse on every JSON object fast-check generates (values, and which texts are valid)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.boolean(), (obj, pretty) => {
        const text = JSON.stringify(obj, null, pretty ? '\r\n\t ' : undefined);
        const r = lexJsonObject(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        let parsed: unknown;
        let valid = true;
        try {
          parsed = JSON.parse(text);
        } catch {
          valid = false;
        }
        const r = lexJsonObject(text);
        const isObject = valid && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
        expect(r.ok).toBe(isObject);
        if (!r.ok) expect(r.reason).toBe(valid ? 'not-object' : 'not-json');
      }),
      { numRuns: 500 },
    );
  });
});
