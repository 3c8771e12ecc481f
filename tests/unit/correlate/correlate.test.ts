import { describe, expect, it } from 'vitest';
import { correlate } from '../../../lib/correlate';
import { INVALID_SIGNATURE, joinAt, series } from './series';

describe('correlate', () => {
  it("the seed's Java backend (Math.round(long) with −30 s) fails ~27% of joins and iat-future is the top cause", async () => {
    const items = await series('java', 256);
    const c = correlate(items);
    const rate = c.counts['failure-3712'] / items.length;
    expect(rate).toBeGreaterThan(0.22);
    expect(rate).toBeLessThan(0.32);
    const top = c.causes[0]!;
    expect(top.key).toBe('iat-future+iat-quantized');
    expect(c.causes).toHaveLength(1);
    expect(top.text).toBe(`${c.failures} of ${c.failures} failures: iat in the future, from Java Math.round (iat a multiple of 128 s); 0 of ${c.counts.success} successes carry it too`);
    // iat-quantized is on every token, failed or not: it explains the mechanism, not which join fails.
    expect(c.causes.find((x) => x.key === 'iat-quantized')).toBeUndefined();
    expect(c.rules.find((r) => r.id === 'iat-quantized')).toMatchObject({ failures3712: c.failures, successes: c.counts.success });
  });

  it('the iat offset splits the seed series at 0 s: every failure 1–34 s ahead, no success ahead', async () => {
    const c = correlate(await series('java', 256));
    const split = c.offsets.split!;
    expect(split.failuresAbove).toBe(split.failures);
    expect(split.successesAbove).toBe(0);
    expect(split.failureMin).toBeGreaterThan(0);
    expect(split.failureMax).toBeLessThanOrEqual(34);
    expect(split.text).toMatch(/^every failure \(\d+\) had iat ahead of the join time by [\d.]+–[\d.]+ s; no success did/);
    expect(c.offsets.points).toHaveLength(256);
    expect(c.offsets.points.every((p) => p.quantized && p.referenceCorrected)).toBe(true);
  });

  it('many tokens whose iat is a multiple of 128 make the Java bug near certain, with the chance stated', async () => {
    const c = correlate(await series('java', 40));
    expect(c.quantization.verdict).toBe('near-certain');
    expect(c.quantization.multiplesOf128).toBe(c.quantization.distinctIats);
    expect(c.quantization.chanceByAccident).toBeLessThan(1e-20);
    expect(c.quantization.text).toContain('(≈ (1/128)^');
  });

  it('one multiple of 128 among honest tokens is only "possible"; floor()ed iat is "none"', async () => {
    const honest = await series('node', 30);
    expect(correlate(honest).quantization.verdict).toBe('none');
    const one = await joinAt('q', 'node', 1_795_912_320_000); // 1795912320 = 14030565 × 128
    const c = correlate([...honest, one]);
    expect(c.quantization.multiplesOf128).toBe(1);
    expect(c.quantization.verdict).toBe('possible');
  });

  it('a Node and a Java endpoint with the "same" logic: Node 0 failed, Java about a quarter (devforum #70827)', async () => {
    const items = [...(await series('node', 40)), ...(await series('java', 40))];
    const c = correlate(items);
    const java = c.endpoints[0]!;
    const node = c.endpoints[1]!;
    expect(java.endpoint).toBe('https://api.example.com/java/signature');
    expect(node.text).toBe('https://api.example.com/node/signature: 0 of 40 failed (0%)');
    expect(java.failures).toBeGreaterThan(5);
    expect(java.text).toMatch(/^https:\/\/api\.example\.com\/java\/signature: \d+ of 40 failed \(\d+%\), \d+ with 3712$/);
  });

  it('a perfect token rejected with 3712 (S2S OAuth credentials) is unexplained and points at credential type and external accounts', async () => {
    const items = [...(await series('node', 5)), await joinAt('oauth', 'node', 1_795_912_999_000, {}, INVALID_SIGNATURE)];
    const c = correlate(items);
    expect(c.causes.map((g) => [g.key, g.failures])).toEqual([['unexplained:3712', 1]]);
    expect(c.unexplained.attemptIds).toEqual(['oauth']);
    // The secret first: the most common cause the token cannot show, and one paste checks it.
    expect(c.unexplained.checks.map((x) => x.id)).toEqual(['verify-secret', 'credential-type', 'external-account', 'server-tolerance']);
    expect(c.unexplained.checks[2]!.text).toContain('#106016');
    expect(c.unexplained.text).toBe('1 of 1 failure carries no finding that explains it (3712 ×1).');
  });

  it('pending joins are excluded from rates; silent refusals and timeouts count as failures with their own checks', async () => {
    const items = [
      await joinAt('ok', 'node', 1_795_912_284_000),
      await joinAt('p', 'node', 1_795_912_290_000, {}, { kind: 'pending' }),
      await joinAt('s', 'node', 1_795_912_300_000, {}, { kind: 'silent-refusal', reason: 'no appKey in the signature' }),
      await joinAt('t', 'node', 1_795_912_310_000, {}, { kind: 'timeout', afterMs: 30000 }),
      await joinAt('o', 'node', 1_795_912_330_500, {}, { kind: 'failure', code: 1, message: 'Fail to join the meeting.' }),
    ];
    const c = correlate(items);
    expect(c.counts).toEqual({ success: 1, 'failure-3712': 0, 'failure-other': 1, 'silent-refusal': 1, timeout: 1, superseded: 0, pending: 1 });
    expect(c.failures).toBe(3);
    expect(c.endpoints[0]!.attempts).toBe(4);
    // The timeout and the silent refusal are explained now: no wc/info was seen for either
    // (answer-no-answer, stage not-sent).
    expect(c.unexplained.checks.map((x) => x.id)).toEqual(['error-code']);
    expect(c.causes.find((g) => g.key === 'answer-no-answer:not-sent')?.failures).toBe(2);
    expect(c.unexplained.checks[0]!.text).toContain('1 ×1');
  });

  it('is deterministic: the same series gives the same correlation, and no failures give no causes', async () => {
    const items = await series('java', 60);
    expect(JSON.stringify(correlate(items))).toBe(JSON.stringify(correlate(items)));
    const c = correlate(await series('node', 10));
    expect(c.causes).toEqual([]);
    expect(c.offsets.split).toBeNull();
    expect(c.unexplained.text).toBe('No failures.');
    expect(correlate([]).failures).toBe(0);
  });
});
