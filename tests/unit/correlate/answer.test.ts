/**
 * The answer line every attempt gets (panel inspector, log row): the verdict word follows the
 * outcome, the cause is Correlation's, the fix is the deciding finding's. Sessions are built from
 * real generators' arithmetic (Zoom's Node sample, Java Math.round(long) with −30 s, a backend
 * signing with the wrong secret) and outcomes shaped like the SDK's.
 */
import { describe, expect, it } from 'vitest';
import { affectsJoin, attemptAnswer, CHECK_ACCOUNT_CAUSE, CHECK_SECRET_CAUSE, correlate, JAVA_ROUND_KEY } from '../../../lib/correlate';
import type { CorrelationItem } from '../../../lib/correlate';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import type { Finding } from '../../../lib/rules/types';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { splitLangFix } from '../../../lib/rules/lang';
import { verifySecret } from '../../../lib/verify-secret';
import { decodeSignature } from '../../../lib/token/decode';
import { SECRET, samplePayload, signClaims } from '../rules/token-helpers';
import { clientViewJoin, INVALID_SIGNATURE } from './series';
import type { FindingId } from '../../../lib/rules/ids';
import { buildExport, parseExport, renderHtml, renderMarkdown, serializeExport } from '../../../lib/report';
import { answerHeadline } from '../../../lib/report/report-facts';

const START = 1_795_912_284_000;

async function item(id: string, at: number, claims: Record<string, unknown>, outcome: Outcome, opts: { secret?: string; signWith?: string; extra?: Partial<JoinAttempt> } = {}): Promise<CorrelationItem> {
  const signature = await signClaims(samplePayload(claims), opts.signWith ?? SECRET);
  const attempt = clientViewJoin(id, signature, at, outcome, { clockOffsetSource: 'the Date of its own join answer (zoom.us)', ...opts.extra });
  const verification = opts.secret ? await verifySecret(decodeSignature(signature), opts.secret) : undefined;
  return { attempt, analysis: analyseAttempt(attempt, verification ? { verification } : {}) };
}

const nodeClaims = (at: number) => {
  const iat = Math.floor(at / 1000) - 30;
  return { iat, exp: iat + 7200, tokenExp: iat + 7200 };
};

describe('verdict words follow the outcome', () => {
  it('a backend signing with another secret: the failed join says FAIL and "check the secret" (never WARN)', async () => {
    const i = await item('wrong', START, nodeClaims(START), INVALID_SIGNATURE, { signWith: 'the-old-secret-before-rotation-xx' });
    const a = attemptAnswer(i);
    expect(a.verdict).toBe('FAIL');
    expect(a.kind).toBe('check-secret');
    expect(a.cause).toBe(CHECK_SECRET_CAUSE);
    expect(a.fix).toMatch(/Client Secret.*only the HMAC shows it/);
  });
  it('the same join after the user pasted the right secret: the cause is the mismatch, with its fix', async () => {
    const i = await item('wrong', START, nodeClaims(START), INVALID_SIGNATURE, { signWith: 'the-old-secret-before-rotation-xx', secret: SECRET });
    const a = attemptAnswer(i);
    expect(a.verdict).toBe('FAIL');
    expect(a.kind).toBe('cause');
    expect(a.finding?.id).toBe('secret-mismatch');
  });
  it('a 3712 on a token that verifies with the secret points at the app type and the account', async () => {
    const i = await item('s2s', START, nodeClaims(START), INVALID_SIGNATURE, { secret: SECRET });
    const a = attemptAnswer(i);
    expect(a.kind).toBe('check-account');
    expect(a.cause).toBe(CHECK_ACCOUNT_CAUSE);
  });
  it('a join Zoom accepted is OK, whatever warnings its token carries', async () => {
    // exp − iat of 600 s would be an error; a join Zoom nevertheless accepted still reads OK.
    const iat = Math.floor(START / 1000) - 30;
    const i = await item('ok', START, { iat, exp: iat + 600, tokenExp: iat + 600 }, { kind: 'success' });
    // The token's error stays an error finding, but Zoom accepted the join: the verdict is capped at warn.
    expect(i.analysis.findings.find((f) => f.id === 'exp-window-short')?.severity).toBe('error');
    expect(i.analysis.verdict).toBe('warn');
    expect(attemptAnswer(i)).toMatchObject({ verdict: 'OK', kind: 'joined' });
  });
  it('a join still pending is judged by its token alone', async () => {
    const i = await item('p', START, nodeClaims(START), { kind: 'pending' });
    expect(attemptAnswer(i).verdict).toBe('PASS');
  });
});

describe('a 3712 whose token verifies with the right secret (Server-to-Server OAuth credentials, an external account)', () => {
  const s2s = (id: string, at: number, secret?: string) => item(id, at, nodeClaims(at), INVALID_SIGNATURE, secret ? { secret } : {});

  it('the Correlation headline, the answer line, the reports and the CLI all say "check the app type and the account", never "check the secret"', async () => {
    const items = await Promise.all([0, 1, 2].map((k) => s2s(`s2s-${k}`, START + k * 15_000, SECRET)));
    const c = correlate(items);
    expect(c.causes.map((g) => [g.key, g.failures])).toEqual([['unexplained:3712:secret-verifies', 3]]);
    expect(c.headline).toBe(`${CHECK_ACCOUNT_CAUSE} (3 of 3 failures)`);
    for (const i of items) expect(attemptAnswer(i, c.primary[i.attempt.id])).toMatchObject({ kind: 'check-account', cause: CHECK_ACCOUNT_CAUSE, key: 'unexplained:3712:secret-verifies' });
    // The secret is ruled out: no "paste the secret" among the next checks.
    expect(c.unexplained.checks.map((x) => x.id)).not.toContain('verify-secret');
    expect(c.unexplained.checks.map((x) => x.id)).toContain('credential-type');

    // The export as written and as read back (`join-doctor report`), and the CLI's answer line.
    const exp = parseExport(serializeExport(buildExport(items, { source: 'live' })));
    expect(exp.correlation.headline).toBe(c.headline);
    expect(answerHeadline(exp)).toBe(c.headline);
    for (const text of [renderMarkdown(exp), renderHtml(exp)]) {
      expect(text).toContain(CHECK_ACCOUNT_CAUSE);
      expect(text).not.toContain(CHECK_SECRET_CAUSE);
    }
  });

  it('checked and unchecked 3712s in one session are two groups, each in its own words', async () => {
    const items = [await s2s('checked', START, SECRET), await s2s('unchecked-1', START + 15_000), await s2s('unchecked-2', START + 30_000)];
    const c = correlate(items);
    expect(c.causes.map((g) => [g.key, g.failures])).toEqual([
      ['unexplained:3712', 2],
      ['unexplained:3712:secret-verifies', 1],
    ]);
    expect(c.headline).toBe(`${CHECK_SECRET_CAUSE} (2 of 3 failures)`);
    expect(c.unexplained.checks.map((x) => x.id)).toContain('verify-secret');
  });
});

describe('the cause is the one Correlation names, with the deciding fix in the backend’s language', () => {
  it('Java Math.round: the row’s cause is the Java cause and the fix leads with the Java line', async () => {
    const items: CorrelationItem[] = [];
    for (let t = START, n = 0; n < 6; t += 9_973) {
      const iat = javaRoundLongIat(t, 30_000);
      if (iat <= t / 1000) continue;
      items.push(await item(`j${n}`, t, { iat, exp: iat + 7200, tokenExp: iat + 7200 }, INVALID_SIGNATURE));
      n++;
      t += 300_000;
    }
    const c = correlate(items);
    expect(c.causes[0]!.key).toBe(JAVA_ROUND_KEY);
    for (const i of items) {
      const a = attemptAnswer(i, c.primary[i.attempt.id]);
      expect(a.key).toBe(JAVA_ROUND_KEY);
      expect(a.cause).toMatch(/^iat in the future, from Java Math\.round/);
      const parts = splitLangFix(a.fix!)!;
      expect(parts.guess?.lang).toBe('java');
      expect(parts.lines[0]!.text).toContain('System.currentTimeMillis() / 1000');
    }
  });
  it('an expired token: the fix is the expiry finding’s, not a restatement of the outcome', async () => {
    const iat = Math.floor(START / 1000) - 9000;
    const expired: Outcome = { kind: 'failure', code: 3705, message: 'The signature has expired.', serverMessage: 'The signature has expired.', serverCode: 200 };
    const a = attemptAnswer(await item('e', START, { iat, exp: iat + 7200, tokenExp: iat + 7200 }, expired));
    expect(a.kind).toBe('cause');
    expect(a.finding?.id).toBe('token-expired');
    expect(a.fix).toBe(a.finding!.fix);
  });
});

describe('noise steps back', () => {
  const f = (id: FindingId, severity: Finding['severity'] = 'warning'): Finding => ({ id, severity, title: id, message: id, fix: '' });
  it('page isolation never affects a join; quantisation only matters on a failure', () => {
    expect(affectsJoin(f('page-not-isolated'), 'success')).toBe(false);
    expect(affectsJoin(f('page-not-isolated'), 'failure-3712')).toBe(false);
    expect(affectsJoin(f('iat-quantized'), 'success')).toBe(false);
    expect(affectsJoin(f('iat-quantized'), 'failure-3712')).toBe(true);
    expect(affectsJoin(f('clock-skew', 'info'), 'success')).toBe(false);
    expect(affectsJoin(f('iat-future', 'error'), 'success')).toBe(true);
  });
});
