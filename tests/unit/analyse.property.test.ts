import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { analyseTokenInput } from '../../lib/analyse';
import { decodeSignature } from '../../lib/token/decode';
import type { Analysis } from '../../lib/rules/types';

const NOW = 1795912284;
const CTX = { referenceTime: NOW, joinTime: NOW, join: { meetingNumber: '123456789' } };
const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const sign = (h: string, p: string) => {
  const input = `${b64u(h)}.${b64u(p)}`;
  return `${input}.${createHmac('sha256', 'secret').update(input).digest('base64url')}`;
};
const VALID = sign(
  '{"alg":"HS256","typ":"JWT"}',
  JSON.stringify({ appKey: 'abcDEF123', sdkKey: 'abcDEF123', mn: '123456789', role: 0, iat: NOW - 30, exp: NOW + 7170, tokenExp: NOW + 7170 }),
);

/** The analyser's contract, whatever the input: an answer with a verdict, findings that are well-formed, and no throw. */
function expectWellFormed(a: Analysis): void {
  expect(['fail', 'warn', 'pass']).toContain(a.verdict);
  const ranks = { error: 0, warning: 1, info: 2 };
  let last = 0;
  for (const f of a.findings) {
    expect(typeof f.id).toBe('string');
    expect(f.id, f.message).not.toBe('internal-error');
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(typeof f.fix).toBe('string');
    expect(ranks[f.severity]).toBeGreaterThanOrEqual(last);
    last = ranks[f.severity];
  }
  const severities = a.findings.map((f) => f.severity);
  expect(a.verdict).toBe(severities.includes('error') ? 'fail' : severities.includes('warning') ? 'warn' : 'pass');
}

const tokenChar = fc.constantFrom(...'ABCabcxyz0129-_+/=. \n"\'{}é'.split(''));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), ch: tokenChar }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: tokenChar }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat({ max: 2 }), b: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(token: string, m: Mutation): string {
  switch (m.kind) {
    case 'flip': {
      const i = m.at % token.length;
      return token.slice(0, i) + m.ch + token.slice(i + 1);
    }
    case 'insert': {
      const i = m.at % (token.length + 1);
      return token.slice(0, i) + m.ch + token.slice(i);
    }
    case 'delete': {
      const i = m.at % token.length;
      return token.slice(0, i) + token.slice(i + m.len);
    }
    case 'swap': {
      const s = token.split('.');
      const x = s[m.a];
      s[m.a] = s[m.b] ?? '';
      s[m.b] = x ?? '';
      return s.join('.');
    }
    case 'truncate':
      return token.slice(0, m.at % (token.length + 1));
  }
}

// Property runs are CPU-bound; the default 5 s is too short on a shared 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

describe('analyse never throws and always returns a verdict', () => {
  it('for arbitrary strings (including full Unicode and lone surrogates)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: tokenChar, maxLength: 400 })), (s) => {
        expectWellFormed(analyseTokenInput(s, CTX));
      }),
      { numRuns: 1500 },
    );
  });

  it('for mutated valid signatures: flipped, inserted, deleted characters, swapped segments, truncation', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (ms) => {
        const token = ms.reduce(mutate, VALID);
        expectWellFormed(analyseTokenInput(token, CTX));
        expectWellFormed(analyseTokenInput(token));
      }),
      { numRuns: 2000 },
    );
  });

  it('for random JSON header and payload values encoded as segments', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.oneof(fc.jsonValue(), fc.object()), fc.boolean(), (header, payload, pretty) => {
        const h = JSON.stringify(header) ?? 'null';
        const p = JSON.stringify(payload, null, pretty ? '\r\n ' : undefined) ?? 'null';
        expectWellFormed(analyseTokenInput(sign(h, p), CTX));
      }),
      { numRuns: 1000 },
    );
  });

  it('for random claim objects mixing the Meeting SDK claims with odd values', () => {
    const odd = fc.oneof(fc.jsonValue(), fc.double(), fc.constant(NOW + 0.5), fc.constant('1795912284'), fc.constant(NOW * 1000), fc.constant(-0));
    const claims = fc.record(
      { appKey: odd, sdkKey: odd, mn: odd, role: odd, iat: odd, exp: odd, tokenExp: odd, video_webrtc_mode: odd, iss: odd, tpc: odd },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(claims, fc.option(fc.record({ meetingNumber: fc.oneof(fc.string(), fc.integer()), sdkKey: fc.string() }), { nil: undefined }), (c, join) => {
        const p = JSON.stringify(c);
        expectWellFormed(analyseTokenInput(sign('{"alg":"HS256","typ":"JWT"}', p), { referenceTime: NOW, join, clockOffset: 45 }));
      }),
      // The first example is a counterexample fast-check found: String() of it throws in a rule.
      { numRuns: 1500, examples: [[{ mn: [{ toString: {} }] }, undefined]] },
    );
  });

  it('for non-string inputs: objects, the whole response, arrays, numbers, functions, symbols, proxies', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ signature: fc.oneof(fc.constant(VALID), fc.anything()) }),
          fc.constantFrom(undefined, null, NaN, () => VALID, Symbol('sig'), 10n, new Date(NOW * 1000)),
        ),
        (input) => {
          expectWellFormed(analyseTokenInput(input, CTX));
        },
      ),
      { numRuns: 1000 },
    );
    // A page's proxy whose every trap throws (fast-check cannot print it, so it is checked alone).
    const hostile = new Proxy({}, { get() { throw new Error('trap'); }, has() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
    expectWellFormed(analyseTokenInput(hostile, CTX));
  });

  it('for hostile sizes: 10 MB strings, 60 KB of nesting, a 60 KB claim', () => {
    const big = 'eyJ'.repeat(3_500_000);
    expectWellFormed(analyseTokenInput(big, CTX));
    const nested = sign('{"alg":"HS256"}', `{"appKey":"k","x":${'['.repeat(40_000)}${']'.repeat(40_000)}}`);
    expect(nested.length).toBeLessThan(64 * 1024 * 2);
    expectWellFormed(analyseTokenInput(nested.slice(0, 64 * 1024), CTX));
    expectWellFormed(analyseTokenInput(sign('{"alg":"HS256"}', `{"appKey":"${'k'.repeat(40_000)}","iat":1}`), CTX));
  });
});

describe('the decoder agrees with jose wherever jose can decode', () => {
  it('same payload as jose.decodeJwt and same header as decodeProtectedHeader', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (payload, header) => {
        const token = sign(JSON.stringify(header), JSON.stringify(payload));
        const t = decodeSignature(token);
        expect(t.payload).toStrictEqual(decodeJwt(token));
        expect(t.header).toStrictEqual(decodeProtectedHeader(token));
      }),
      { numRuns: 500 },
    );
  });
});
