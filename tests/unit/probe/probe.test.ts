import { afterEach, describe, expect, it } from 'vitest';
import { findSignature, probe } from '../../../lib/probe';
import { isJoinDoctorError } from '../../../lib/errors';
import { startSignatureServer, type SignatureServer } from './signature-server';

let server: SignatureServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('probe', () => {
  it("the seed's Java endpoint: quantised iat, and the implied failure rate over time is 34 of every 128 s", async () => {
    // 1.3 s of server time per request: 110 samples cover 143 s, more than one 128 s cycle.
    server = await startSignatureServer({ stepMs: 1_300 });
    const result = await probe({ url: `${server.url}/java`, count: 110, concurrency: 4, method: 'POST', body: '{"meetingNumber":"123456789","role":0}' });
    expect(result.errors).toEqual([]);
    expect(result.summary.samples).toBe(110);
    expect(result.summary.rules.find((r) => r.id === 'iat-quantized')).toEqual({ id: 'iat-quantized', count: 110, rate: 1 });
    const implied = result.summary.implied!;
    expect(implied.basis).toBe('date-header');
    expect(implied.backdateS.min).toBeGreaterThanOrEqual(28);
    expect(implied.backdateS.max).toBeLessThanOrEqual(32);
    expect(implied.text).toContain('≈ 34 of every 128 s (26.6%');
    const off = result.summary.iatOffset!;
    expect(off.max).toBeLessThanOrEqual(34);
    expect(off.min).toBeGreaterThanOrEqual(-94);
    expect(off.futureShare).toBeGreaterThan(0);
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: '{"meetingNumber":"123456789","role":0}' });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
  }, 30_000);

  it('a quick probe of the Java endpoint (samples seconds apart) still states the rate, as a range, and says how to narrow it', async () => {
    server = await startSignatureServer({ stepMs: 200 });
    const result = await probe({ url: `${server.url}/java`, count: 10 });
    const implied = result.summary.implied!;
    // The true rate (34 of 128 s) lies in the stated range, which is wide: one phase of one cycle was seen.
    expect(implied.futureSecondsPerCycle.min).toBeLessThanOrEqual(34);
    expect(implied.futureSecondsPerCycle.max).toBeGreaterThanOrEqual(34);
    expect(implied.backdateS.max - implied.backdateS.min).toBeGreaterThan(8);
    expect(implied.text).toContain('Spread the samples over at least 128 s to pin b down (CLI: --interval or --verdict');
    expect([0, 1]).toContain(result.summary.iatOffset!.futureShare);
  });

  it("Zoom's sample endpoint (Math.floor) shows no quantisation, no future iat and no implied failures", async () => {
    server = await startSignatureServer({ stepMs: 8_000 });
    const result = await probe({ url: `${server.url}/node`, count: 12, concurrency: 3 });
    expect(result.summary.samples).toBe(12);
    expect(result.summary.implied).toBeNull();
    expect(result.summary.rules.map((r) => r.id)).not.toContain('iat-future');
    expect(result.summary.iatOffset).toEqual({ min: 0, median: 0, max: 0, futureShare: 0 });
  });

  it('finds the JWT in plain text and reports HTTP errors and responses without a signature as errors', async () => {
    server = await startSignatureServer();
    expect((await probe({ url: `${server.url}/text`, count: 2 })).summary.samples).toBe(2);
    const broken = await probe({ url: `${server.url}/broken`, count: 2 });
    expect(broken.errors.map((e) => e.message)).toEqual(['HTTP 500: Internal Server Error', 'HTTP 500: Internal Server Error']);
    const html = await probe({ url: `${server.url}/html`, count: 1 });
    expect(html.errors[0]!.message).toContain('No signature');
  });

  it('an endpoint that never answers is bounded by the total time limit, and a cancelled probe stops', async () => {
    server = await startSignatureServer();
    const t0 = Date.now();
    const slow = await probe({ url: `${server.url}/slow`, count: 3, totalTimeoutMs: 300 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(slow.timedOut).toBe(true);
    expect(slow.errors.every((e) => e.message === 'stopped by the total time limit')).toBe(true);
    const ac = new AbortController();
    const progress: number[] = [];
    const pending = probe({ url: `${server.url}/slow`, count: 5, concurrency: 1, signal: ac.signal, onProgress: (p) => progress.push(p.done) });
    setTimeout(() => ac.abort(), 100);
    const cancelled = await pending;
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.errors).toEqual([{ index: 0, message: 'cancelled' }]);
    expect(progress).toEqual([1]);
  });

  it('refuses a non-http URL or an absurd count with a usage error', async () => {
    await expect(probe({ url: 'file:///etc/passwd', count: 1 })).rejects.toSatisfy((e: unknown) => isJoinDoctorError(e, 'ERR_USAGE'));
    await expect(probe({ url: 'http://127.0.0.1:1/', count: 0 })).rejects.toSatisfy((e: unknown) => isJoinDoctorError(e, 'ERR_USAGE'));
  });
});

describe('findSignature', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.c2ln';
  it('takes the signature field of Zoom\'s sample answer, or any JWT-shaped string anywhere', () => {
    expect(findSignature(JSON.stringify({ signature: jwt, sdkKey: 'k' }))).toBe(jwt);
    expect(findSignature(JSON.stringify({ data: { items: [{ jwt }] } }))).toBe(jwt);
    expect(findSignature(JSON.stringify(jwt))).toBe(jwt);
    expect(findSignature(`<p>${jwt}</p>`)).toBe(jwt);
    expect(findSignature(JSON.stringify({ signature: 'eHUzSlBhQV9SSlcyLTlsNV9IYUxBLjEyMzQ1Njc4OQ' }))).toBe('eHUzSlBhQV9SSlcyLTlsNV9IYUxBLjEyMzQ1Njc4OQ');
    expect(findSignature('{"ok":true}')).toBeNull();
  });
});
