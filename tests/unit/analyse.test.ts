import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { analyseTokenInput, analyseDecodedToken, verdictOf } from '../../lib/analyse';
import { decodeSignature } from '../../lib/token/decode';
import { rules } from '../../lib/rules/index';
import { defineRule } from '../../lib/rules/define';
import type { Rule } from '../../lib/rules/types';
import type { FindingId } from '../../lib/rules/ids';

const SECRET = new TextEncoder().encode('S3cr3tS3cr3tS3cr3tS3cr3tS3cr3t12');
const NOW = 1795912284;
const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(SECRET);
const sample = (over: Record<string, unknown> = {}) =>
  sign({ appKey: 'abcDEF123', sdkKey: 'abcDEF123', mn: '123456789', role: 0, iat: NOW - 30, exp: NOW + 7170, tokenExp: NOW + 7170, ...over });

describe('analyse', () => {
  it("the auth sample's signature joined 30 s after issue passes", async () => {
    const a = analyseTokenInput(await sample(), { referenceTime: NOW, joinTime: NOW, join: { meetingNumber: '123456789' } });
    expect(a.findings).toEqual([]);
    expect(a.verdict).toBe('pass');
  });

  it('an iat 20 s ahead of the join fails, with the error listed before warnings', async () => {
    const a = analyseTokenInput(await sample({ iat: NOW + 20.5, exp: NOW + 7220 }), { referenceTime: NOW });
    expect(a.verdict).toBe('fail');
    const ids = a.findings.map((f) => f.id);
    expect(ids).toContain('iat-future');
    const ranks = a.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('a numeric-string role only warns', async () => {
    const a = analyseTokenInput(await sample({ role: '0' }), { referenceTime: NOW });
    expect(a.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['role-invalid:warning']);
    expect(a.verdict).toBe('warn');
  });

  it('keeps catalogue order among findings of equal severity', () => {
    const mk = (id: string, severity: 'error' | 'warning' | 'info'): Rule<string> =>
      defineRule({ id, severity, title: id, source: 'test', check: () => ({ message: id, fix: 'x' }) });
    const order = [mk('i1', 'info'), mk('w1', 'warning'), mk('e1', 'error'), mk('w2', 'warning'), mk('e2', 'error'), mk('i2', 'info')];
    const a = analyseDecodedToken(decodeSignature('x'), {}, order);
    expect(a.findings.map((f) => f.id)).toEqual(['e1', 'e2', 'w1', 'w2', 'i1', 'i2']);
  });

  it('a rule that throws becomes an internal-error finding; the other rules still report', () => {
    const boom = defineRule({ id: 'boom', severity: 'error', title: 'b', source: 't', check: () => { throw new TypeError('x is undefined'); } });
    const fine = defineRule({ id: 'fine', severity: 'info', title: 'f', source: 't', check: () => ({ message: 'm', fix: 'f' }) });
    const a = analyseDecodedToken(decodeSignature('x'), {}, [boom, fine]);
    expect(a.findings.map((f) => f.id)).toEqual(['internal-error', 'fine']);
    expect(a.findings[0]?.message).toContain('Rule boom failed on this token (TypeError: x is undefined)');
    expect(a.verdict).toBe('warn');
  });

  it('verdict: any error fails, any warning warns, else pass', () => {
    const f = (severity: 'error' | 'warning' | 'info') => ({ id: 'x' as FindingId, severity, title: 't', message: 'm', fix: 'f' });
    expect(verdictOf([])).toBe('pass');
    expect(verdictOf([f('info')])).toBe('pass');
    expect(verdictOf([f('info'), f('warning')])).toBe('warn');
    expect(verdictOf([f('warning'), f('error')])).toBe('fail');
  });

  it('the catalogue has unique ids, token rules first', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('token-malformed');
    for (const id of ['token-whitespace', 'token-not-base64url', 'token-legacy-format', 'token-not-sdk-jwt', 'header-alg', 'iat-future', 'secret-mismatch']) {
      expect(ids).toContain(id);
    }
  });

  it('undefined passed as the signature fails with token-malformed alone', () => {
    const a = analyseTokenInput(undefined, { referenceTime: NOW });
    expect(a.verdict).toBe('fail');
    expect(a.findings.map((f) => f.id)).toEqual(['token-malformed']);
  });

  it('a context whose getter throws is ignored rather than crashing the analysis', async () => {
    const ctx = Object.defineProperty({}, 'referenceTime', { enumerable: true, get() { throw new Error('page getter'); } });
    expect(analyseTokenInput(await sample(), ctx).verdict).toBe('pass');
  });
});
