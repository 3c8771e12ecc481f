/**
 * One cause per failure, ranked the way an expert would. Sessions are built from real generators'
 * arithmetic (Java Math.round(long) with −30 s, Node's Math.floor, PyJWT's native-SDK payload,
 * a backend with key and secret swapped), and Zoom is modelled by what it enforces.
 */
import { describe, expect, it } from 'vitest';
import { correlate, JAVA_ROUND_KEY } from '../../../lib/correlate';
import type { CorrelationItem } from '../../../lib/correlate';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { verifySecret } from '../../../lib/verify-secret';
import { decodeSignature } from '../../../lib/token/decode';
import { KEY, SECRET, samplePayload, signClaims, signJson } from '../rules/token-helpers';
import { INVALID_SIGNATURE } from './series';

const START = 1_795_912_284_000;
const EXPIRED: Outcome = { kind: 'failure', code: 3705, message: 'The signature has expired.', serverMessage: 'The signature has expired.', serverCode: 200 };

interface Join {
  id: string;
  at: number;
  signature: string;
  outcome: Outcome;
}

async function item(j: Join, verify?: { secret: string; key?: string }): Promise<CorrelationItem> {
  const attempt: JoinAttempt = {
    id: j.id,
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature: j.signature,
    meetingNumber: '123456789',
    calledAt: j.at,
    settledAt: j.at + 2000,
    outcome: j.outcome,
    clockOffsetMs: 0,
    clockOffsetSource: 'the Date of its own join answer (zoom.us)',
  };
  const verification = verify ? await verifySecret(decodeSignature(j.signature), verify.secret, verify.key) : undefined;
  return { attempt, analysis: analyseAttempt(attempt, verification ? { verification } : {}) };
}

/** Node's auth-endpoint sample: iat = Math.floor(Date.now() / 1000), accepted. */
async function node(id: string, at: number, overrides: Record<string, unknown> = {}, outcome: Outcome = { kind: 'success' }): Promise<Join> {
  const iat = Math.floor(at / 1000);
  return { id, at, signature: await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200, ...overrides })), outcome };
}

/** Times at which Java's `Math.round((now - 30000) / 1000)` lands iat in Zoom's future (3712). */
function javaFutureTimes(n: number, from: number): number[] {
  const out: number[] = [];
  // Joins minutes apart, each in its own 128 s step (one step's joins share one iat).
  for (let t = from; out.length < n; t += 9_973) {
    if (javaRoundLongIat(t, 30_000) > t / 1000) {
      out.push(t);
      t += 300_000;
    }
  }
  return out;
}

async function java(id: string, at: number): Promise<Join> {
  const iat = javaRoundLongIat(at, 30_000);
  const future = iat > at / 1000;
  return { id, at, signature: await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 })), outcome: future ? INVALID_SIGNATURE : { kind: 'success' } };
}

/** The backend signs with the SDK key and puts the secret in appKey (auth sample README before 0294f92). */
async function swapped(id: string, at: number): Promise<Join> {
  const iat = Math.floor(at / 1000);
  const signature = await signClaims(samplePayload({ appKey: SECRET, sdkKey: SECRET, iat, exp: iat + 7200, tokenExp: iat + 7200 }), KEY);
  return { id, at, signature, outcome: INVALID_SIGNATURE };
}

/** Zoom's native-SDK Python example through PyJWT: floats written as `1795912284.0`, no mn or role. */
async function pyjwtNative(id: string, at: number): Promise<Join> {
  const iat = Math.floor(at / 1000);
  const json = `{"appKey": "${KEY}", "iat": ${iat}.0, "exp": ${iat + 7200}.0, "tokenExp": ${iat + 7200}.0}`;
  return { id, at, signature: await signJson(json), outcome: INVALID_SIGNATURE };
}

/** The first time after `from` whose floor()ed second is a multiple of 128: an honest iat that is one by chance. */
function multipleOf128After(from: number): number {
  const s = Math.ceil(from / 1000 / 128) * 128;
  return s * 1000 + 400;
}

async function mixedSession(verify?: { secret: string; key?: string }) {
  const [j1, j2, j3] = javaFutureTimes(3, START + 60_000);
  const joins = [
    await node('good-1', START),
    await node('good-2', START + 20_000),
    await java('java-1', j1!),
    await node('good-3', START + 700_000),
    await java('java-2', j2!),
    await swapped('swapped-1', START + 900_000),
    await swapped('swapped-128', multipleOf128After(START + 1_000_000)),
    await java('java-3', j3!),
    await node('no-mn', START + 1_500_000, { mn: undefined }, INVALID_SIGNATURE),
    await pyjwtNative('pyjwt', START + 1_600_000),
    await node('expired', START + 1_700_000, {}, EXPIRED).then(async (j) => {
      const iat = Math.floor((START + 1_700_000) / 1000) - 3 * 3600;
      return { ...j, signature: await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 })) };
    }),
    await node('good-4', START + 1_800_000),
  ];
  expect(joins.filter((j) => j.outcome.kind === 'failure')).toHaveLength(8);
  return correlate(await Promise.all(joins.map((j) => item(j, verify))));
}

describe('one cause per failure, ranked the way an expert would', () => {
  it('mixed session (3 Java future iat, 2 swapped, no mn, PyJWT native, expired): the headline is the Java cause, not iat-quantized', async () => {
    const c = await mixedSession();
    expect(c.quantization.verdict).toBe('near-certain');
    expect(c.causes.map((g) => [g.key, g.failures])).toEqual([
      [JAVA_ROUND_KEY, 3],
      ['mn-missing', 2],
      ['token-expired', 1],
      ['unexplained:3712', 2],
    ]);
    expect(c.headline).toBe('Most likely cause: iat in the future, from Java Math.round (iat a multiple of 128 s) (3 of 8 failures)');
    expect(c.causes[0]!.text).toBe('3 of 8 failures: iat in the future, from Java Math.round (iat a multiple of 128 s); 0 of 4 successes carry it too');
    expect(c.primary['java-2']!.key).toBe(JAVA_ROUND_KEY);
    expect(c.primary['pyjwt']!).toMatchObject({ key: 'mn-missing', kind: 'cause' });
    expect(c.primary['expired']!).toMatchObject({ key: 'token-expired' });
    // The swapped token whose iat is a multiple of 128 by chance: not in the future, so iat-quantized explains nothing.
    expect(c.primary['swapped-128']!).toMatchObject({ key: 'unexplained:3712', kind: 'unexplained' });
    expect(c.causes.some((g) => g.ruleIds[0] === 'iat-quantized')).toBe(false);
    expect(c.primary['good-1']).toBeUndefined();
  });

  it('with the secret and key given once, the swapped failures become a verified cause', async () => {
    const c = await mixedSession({ secret: SECRET, key: KEY });
    expect(c.primary['swapped-1']!).toMatchObject({ key: 'secret-swapped', kind: 'cause', verified: true });
    expect(c.causes.find((g) => g.key === 'secret-swapped')).toMatchObject({ failures: 2, verified: true });
    expect(c.causes.some((g) => g.kind === 'unexplained')).toBe(false);
    expect(c.unexplained.attemptIds).toEqual([]);
  });

  it("the lab's pyjwt-native run headlines the missing mn Zoom enforces, not exp-fractional (a warning)", async () => {
    const joins = await Promise.all(Array.from({ length: 10 }, (_, i) => pyjwtNative(`p${i}`, START + i * 61_000)));
    const c = correlate(await Promise.all(joins.map((j) => item(j))));
    expect(c.causes).toHaveLength(1);
    expect(c.causes[0]).toMatchObject({ key: 'mn-missing', failures: 10, kind: 'cause' });
    expect(c.causes[0]!.ruleIds).toEqual(expect.arrayContaining(['mn-missing', 'role-missing']));
    expect(c.causes[0]!.ruleIds).not.toContain('exp-fractional');
  });

  it("the lab's swapped run without the secret: no rule explains it, and one chance multiple of 128 is no cause", async () => {
    const joins = await Promise.all(Array.from({ length: 39 }, (_, i) => swapped(`s${i}`, START + i * 37_013)));
    joins.push(await swapped('s-128', multipleOf128After(START + 39 * 37_013)));
    const c = correlate(await Promise.all(joins.map((j) => item(j))));
    expect(c.quantization.verdict).toBe('possible');
    expect(c.causes).toHaveLength(1);
    expect(c.causes[0]).toMatchObject({ key: 'unexplained:3712', failures: 40 });
    // The Correlation headline says what the answer line and the reports say: the secret first.
    expect(c.headline).toBe('Token looks valid: check the secret (40 of 40 failures)');
    expect(c.unexplained.checks.find((x) => x.id === 'verify-secret')!.text).toContain('Verify with secret');
  });

  it('a warning alone is a suspect and never headlines over a cause that explains fewer failures', async () => {
    const warnOnly = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const iat = Math.floor((START + i * 61_000) / 1000);
        return { id: `w${i}`, at: START + i * 61_000, signature: await signJson(`{"appKey":"${KEY}","mn":"123456789","role":0,"iat":${iat},"exp":${iat + 7200}.5}`), outcome: INVALID_SIGNATURE };
      }),
    );
    const noMn = await node('no-mn', START + 900_000, { mn: undefined }, INVALID_SIGNATURE);
    const c = correlate(await Promise.all([...warnOnly, noMn].map((j) => item(j))));
    expect(c.causes.map((g) => [g.key, g.kind, g.failures])).toEqual([
      ['mn-missing', 'cause', 1],
      ['suspect:exp-fractional', 'suspect', 4],
    ]);
    expect(c.causes[1]!.title).toMatch(/^suspect only: /);
  });

  it('a 3705 is explained by the expired exp even when mn is also missing', async () => {
    const iat = Math.floor(START / 1000) - 3 * 3600;
    const j: Join = { id: 'e', at: START, signature: await signClaims(samplePayload({ mn: undefined, iat, exp: iat + 7200, tokenExp: iat + 7200 })), outcome: EXPIRED };
    const c = correlate([await item(j)]);
    expect(c.primary['e']!.key).toBe('token-expired');
    expect(c.primary['e']!.ruleIds).toContain('mn-missing');
  });

  it('a perfect token refused with 3707 (a deleted meeting) has the code\'s own meaning as its cause', async () => {
    const j = await node('x', START, {}, { kind: 'failure', code: 3707, message: 'The meeting number is not found.', serverMessage: 'The meeting number is not found.' });
    const c = correlate([await item(j)]);
    expect(c.causes[0]).toMatchObject({ key: 'answer-signature-rejected:3707', kind: 'cause', title: 'Zoom has no meeting with this number (3707)' });
  });

  it('codes with no meaning beyond "failed" (client view 1, an unknown code) stay unexplained and name the code', async () => {
    const j = await node('x', START, {}, { kind: 'failure', code: 98765, message: 'Something new.', serverMessage: 'Something new.' });
    const c = correlate([await item(j)]);
    expect(c.causes[0]).toMatchObject({ key: 'unexplained:code:98765', title: 'error 98765 "Something new.", not a signature problem any rule sees' });
  });
});

describe('what is never a cause of a failed join', () => {
  it('a page without COOP/COEP is no suspect for a 3712: isolation costs gallery view, not the join', () => {
    const attempt: JoinAttempt = { id: 'p1', api: 'client-view', signature: 'x', calledAt: 1_700_000_000_000, outcome: { kind: 'failure', code: 3712, message: 'Signature is invalid.' } };
    const item: CorrelationItem = {
      attempt,
      analysis: {
        verdict: 'warn',
        token: decodeSignature('x'),
        findings: [{ id: 'page-not-isolated', severity: 'warning', origin: 'page', title: 'The page is not cross-origin isolated', message: 'no COOP/COEP', fix: 'send the headers' }],
      },
    };
    expect(correlate([item]).primary['p1']?.kind).toBe('unexplained');
  });
});
