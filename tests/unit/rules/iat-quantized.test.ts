import { describe, expect, it } from 'vitest';
import { iatQuantized } from '../../../lib/rules/iat-quantized';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('iat-quantized', () => {
  it('Java backend using Math.round((System.currentTimeMillis() - 30000)/1000) issues iat on a 128 s grid', async () => {
    const nowMs = JOIN_TIME * 1000 + 123;
    const iat = javaRoundLongIat(nowMs, 30000);
    const [f] = run(iatQuantized, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: nowMs / 1000 });
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain(`iat ${iat} = ${iat / 128} × 128`);
    expect(f?.message).toContain('2^(30−23) = 128');
    expect(f?.message).toContain('up to 64 s in the future');
    expect(f?.fix).toContain('System.currentTimeMillis() / 1000');
    expect(f?.data?.iatDiv128).toBe(iat / 128);
    expect(typeof f?.data?.iatMinusReference).toBe('number');
  });

  it('an honest Math.floor(Date.now()/1000) iat one second off the grid passes', async () => {
    const grid = Math.floor(JOIN_TIME / 128) * 128;
    expect(run(iatQuantized, await tokenFor({ iat: grid + 1, exp: grid + 7201 }))).toEqual([]);
  });

  it('test fixtures with a small iat like 1024 are outside the float-128 range and not judged', async () => {
    expect(run(iatQuantized, await tokenFor({ iat: 1024, exp: 9000 }))).toEqual([]);
  });
});

describe('iat-quantized through the full analysis', () => {
  it("the seed's Java backend: a token issued 20.5 s before a 128 s boundary fails with iat-future and iat-quantized", async () => {
    const { analyseTokenInput } = await import('../../../lib/analyse');
    const { signClaims, samplePayload } = await import('./token-helpers');
    const nowMs = 1795912299_500; // 20.5 s before 1795912320 = 14030565 × 128
    const iat = javaRoundLongIat(nowMs, 0);
    const signature = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }));
    const a = analyseTokenInput(signature, { referenceTime: nowMs / 1000, join: { meetingNumber: '123456789' } });
    expect(a.verdict).toBe('fail');
    expect(a.findings.map((f) => f.id)).toEqual(['iat-future', 'iat-quantized']);
    expect(a.findings[0]?.data?.iatMinusReference).toBe(20.5);
  });
});
