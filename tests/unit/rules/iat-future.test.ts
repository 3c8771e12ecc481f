import { describe, expect, it } from 'vitest';
import { iatFuture } from '../../../lib/rules/iat-future';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

describe('iat-future', () => {
  it("a backend clock 20 s ahead of Zoom's issues iat 20 s in Zoom's future (devforum #82045)", async () => {
    const t = await tokenFor({ iat: JOIN_TIME + 20, exp: JOIN_TIME + 7220 });
    const [f] = run(iatFuture, t, { referenceTime: JOIN_TIME, joinTime: JOIN_TIME - 3, clockOffset: 3, clockUncertainty: 0.6, clockOffsetSource: 'the Date of its own join answer (zoom.us)' });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain("iat is 20 s after the join time on Zoom's clock (local clock +3 s ±0.6 s, measured from the Date of its own join answer (zoom.us))");
    expect(f?.data).toMatchObject({ iatMinusReference: 20, referenceCorrected: true, clockOffset: 3, quantized: false });
  });

  it('Java backend using Math.round(System.currentTimeMillis()/1000) issues iat up to 64 s in the future', async () => {
    const nowMs = 1795912299_500; // 20.5 s before 1795912320 = 14030565 × 128
    const iat = javaRoundLongIat(nowMs, 0);
    expect(iat % 128).toBe(0);
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: nowMs / 1000 });
    expect(f?.data?.quantized).toBe(true);
    expect(f?.message).toContain('multiple of 128');
    expect(f?.fix).toContain('Instant.now().getEpochSecond()');
    expect((f?.data?.iatMinusReference as number) > 0 && (f?.data?.iatMinusReference as number) <= 64).toBe(true);
  });

  it('against only the local clock the message says the local clock may be the wrong one', async () => {
    const [f] = run(iatFuture, await tokenFor({ iat: JOIN_TIME + 5 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('no offset');
    expect(f?.data?.referenceCorrected).toBe(false);
  });

  it('a Java LocalDateTime.now().toInstant(UTC) backend in UTC+2 is named a timezone bug', async () => {
    const [f] = run(iatFuture, await tokenFor({ iat: JOIN_TIME + 7200 + 1 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('local time treated as UTC');
  });

  it("half a second ahead after correcting by a Date header is within the header's resolution: warning", async () => {
    const [f] = run(iatFuture, await tokenFor({ iat: JOIN_TIME }), { referenceTime: JOIN_TIME - 0.5, clockOffset: -1 });
    expect(f?.severity).toBe('warning');
  });

  it("Zoom's sample (Math.floor(Date.now()/1000)) never fires, and without a reference time nothing is judged", async () => {
    expect(run(iatFuture, await tokenFor(), { referenceTime: JOIN_TIME + 0.999 })).toEqual([]);
    expect(run(iatFuture, await tokenFor({ iat: JOIN_TIME + 100 }))).toEqual([]);
  });
});
