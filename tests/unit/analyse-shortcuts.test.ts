/**
 * The shortcuts that keep analysis under 2× a bare decode (issue 24) must not change an answer:
 * answers worked out once per analysis (token-facts.ts) never outlive it, findings built as literals
 * keep the key order a rule wrote, show() without JSON.stringify writes exactly what it would, the
 * severity sort stays stable, and the context's own fields never replace the analysed token.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseDecodedToken, sortBySeverity } from '../../lib/analyse';
import { defineRule } from '../../lib/rules/define';
import { findingsOf } from '../../lib/rules/run';
import { show } from '../../lib/rules/claim-values';
import { rules } from '../../lib/rules/index';
import { tokenNotSdkJwt } from '../../lib/rules/token-not-sdk-jwt';
import { decodeSignature } from '../../lib/token/decode';
import type { Finding, Rule } from '../../lib/rules/types';
import type { FindingId } from '../../lib/rules/ids';
import { b64u, SIG, NOW, samplePayload } from './rules/token-helpers';

const token = (payload: Record<string, unknown>, header = '{"alg":"HS256","typ":"JWT"}') =>
  decodeSignature(`${b64u(header)}.${b64u(JSON.stringify(payload))}.${SIG}`);
const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);

describe('answers worked out once per analysis', () => {
  it('a token object changed after its analysis (a panel edit, a test) is judged afresh, not by the earlier answer', () => {
    const t = token(samplePayload());
    const ctx = { referenceTime: NOW + 10, join: { meetingNumber: '123456789' } };
    expect(ids(analyseDecodedToken(t, ctx).findings)).not.toContain('token-not-sdk-jwt');
    // The same object now carries an OAuth access token's payload.
    t.payload = { uid: 'u', ver: 9, aud: 'https://oauth.zoom.us', iss: 'zm:cid:abc', exp: NOW + 3600 };
    t.payloadMembers = null;
    expect(ids(analyseDecodedToken(t, ctx).findings)).toContain('token-not-sdk-jwt');
  });

  it('a rule run on its own after an analysis (a rule test, the panel) reads the token as it is now, even after a rule threw', () => {
    const boom = defineRule({ id: 'boom', severity: 'error', title: 'Boom', source: 'test', check: () => { throw new Error('boom'); } }) as Rule<string>;
    const t = token(samplePayload());
    expect(ids(analyseDecodedToken(t, {}, [boom, tokenNotSdkJwt] as unknown as Rule[]).findings)).toEqual(['internal-error']);
    // The same object now carries a Video SDK JWT's payload, handed to a Meeting SDK join.
    t.payload = { tpc: 'x', app_key: 'k', role_type: 1, version: 1, iat: NOW, exp: NOW + 7200 };
    expect(ids(tokenNotSdkJwt.check({ token: t, sdk: 'meeting' }))).toEqual(['token-not-sdk-jwt']);
  });

  it("a token analysed inside a rule (a wrapped token) never answers for the outer token, nor the reverse", () => {
    const inner = token({ iss: 'apiKey', exp: NOW + 3600 });
    const nested = defineRule({
      id: 'nested',
      severity: 'info',
      title: 'Nested',
      source: 'test',
      check: () => (ids(analyseDecodedToken(inner, {}).findings).includes('token-not-sdk-jwt') ? { message: 'the inner token is a REST-API JWT', fix: '-' } : null),
    }) as Rule<string>;
    const outer = token(samplePayload({ iat: NOW + 0.5, exp: NOW + 7200.5 }));
    const ctx = { referenceTime: NOW + 60 };
    const alone = analyseDecodedToken(outer, ctx);
    const withNested = analyseDecodedToken(outer, ctx, [nested, ...rules] as unknown as Rule[]);
    expect(ids(withNested.findings)).toContain('nested');
    expect(withNested.findings.filter((f) => (f.id as string) !== 'nested')).toEqual(alone.findings);
    expect(ids(alone.findings)).toContain('iat-fractional');
  });

  it('a context carrying a token of its own (page data) never replaces the analysed token', () => {
    const t = token(samplePayload({ role: 7 }));
    const other = token(samplePayload());
    const a = analyseDecodedToken(t, { referenceTime: NOW, token: other } as never);
    expect(a.token).toBe(t);
    expect(ids(a.findings)).toContain('role-invalid');
  });
});

describe('findings keep the key order their rule wrote', () => {
  const rule = { id: 'x', title: 'X', severity: 'warning' as const };
  const orders: Array<Record<string, unknown>> = [
    { claim: 'iat', message: 'm', fix: 'f', data: { a: 1 } },
    { claim: 'iat', severity: 'error', message: 'm', fix: 'f', data: { a: 1 } },
    { message: 'm', fix: 'f', data: { a: 1 } },
    { claim: 'iat', message: 'm', fix: 'f' },
    { message: 'm', fix: 'f' },
    // Orders no literal covers: written key by key, as before.
    { message: 'm', claim: 'iat', fix: 'f' },
    { fix: 'f', message: 'm', data: { a: 1 }, claim: 'iat' },
    { message: 'm', fix: 'f', data: undefined },
  ];
  for (const input of orders) {
    it(`${Object.keys(input).join(', ')}: id, title, severity, then the rule's keys in its order`, () => {
      const [f] = findingsOf(rule, input as never);
      const expected = ['id', 'title', 'severity', ...Object.keys(input).filter((k) => k !== 'severity')];
      expect(Object.keys(f!)).toEqual(expected);
      expect(f!.severity).toBe(input.severity ?? 'warning');
      for (const k of expected.slice(3)) expect((f as unknown as Record<string, unknown>)[k]).toBe(input[k]);
    });
  }

  it('a join rule\'s origin still follows severity', () => {
    const [f] = findingsOf({ ...rule, origin: 'answer' }, { claim: 'mn', message: 'm', fix: 'f', data: { a: 1 } });
    expect(Object.keys(f!)).toEqual(['id', 'title', 'severity', 'origin', 'claim', 'message', 'fix', 'data']);
  });

  it('an inherited key (a polluted prototype) is not copied into the finding', () => {
    const input = Object.assign(Object.create({ claim: 'inherited' }) as object, { message: 'm', fix: 'f' });
    const [f] = findingsOf(rule, input as never);
    expect(Object.keys(f!)).toEqual(['id', 'title', 'severity', 'message', 'fix']);
  });
});

describe('show() writes what JSON.stringify writes', () => {
  const reference = (value: unknown) => {
    let text: string;
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Array.isArray(value) ? 'an array' : typeof value;
    }
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };

  it('for any string, number or JSON value a claim can hold', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 70 }), fc.double(), fc.integer(), fc.jsonValue()), (v) => {
        expect(show(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('for the values that look plain but are not: quotes, backslashes, control characters, lone surrogates, -0, NaN', () => {
    for (const v of ['say "hi"', 'C:\\path', 'a\nb', '\u007f', '\ud800', 'é', -0, NaN, Infinity, 1795912284.5, 1e21, '', 'x'.repeat(64), 'x'.repeat(65)]) {
      expect(show(v)).toBe(reference(v));
    }
  });
});

describe('severity order', () => {
  it('errors first, then warnings, then info; equal severities keep catalogue order', () => {
    const f = (id: string, severity: Finding['severity']) => ({ id: id as FindingId, severity, title: id, message: '', fix: '' });
    const list = [f('w1', 'warning'), f('i1', 'info'), f('e1', 'error'), f('w2', 'warning'), f('e2', 'error'), f('i2', 'info'), f('e3', 'error')];
    expect(sortBySeverity(list).map((x) => x.id)).toEqual(['e1', 'e2', 'e3', 'w1', 'w2', 'i1', 'i2']);
  });

  it('matches the stable Array.prototype.sort for any list', () => {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Finding['severity']>('error', 'warning', 'info'), { maxLength: 30 }), (severities) => {
        const list = severities.map((severity, i) => ({ id: `r${i}` as FindingId, severity, title: '', message: '', fix: '' }));
        const expected = [...list].sort((a, b) => rank[a.severity] - rank[b.severity]).map((x) => x.id);
        expect(sortBySeverity(list).map((x) => x.id)).toEqual(expected);
      }),
    );
  });
});
