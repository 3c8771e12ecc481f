/**
 * A .NET backend that writes `iat = DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond`: Ticks count
 * 100 ns from 0001-01-01, so the result is seconds since year 1, 62,135,596,800 s past Unix time.
 */
import { describe, expect, it } from 'vitest';
import { analyseTokenInput } from '../../../lib/analyse';
import { iatFuture } from '../../../lib/rules/iat-future';
import { DOTNET_EPOCH_GAP_S } from '../../../lib/rules/epoch-gap';
import { primaryCause } from '../../../lib/correlate/primary-cause';
import { JOIN_TIME, run, signClaims, samplePayload, tokenFor } from './token-helpers';

/** DateTime.UnixEpoch.Ticks: 0001-01-01 → 1970-01-01 in 100 ns ticks. */
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
const TICKS_PER_MS = 10_000n;
const TICKS_PER_SECOND = 10_000_000n;

/** `DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond` (long division) at epoch ms `nowMs`, `utcOffsetMs` for DateTime.Now. */
function dotnetTicksSeconds(nowMs: number, utcOffsetMs = 0): number {
  const ticks = BigInt(nowMs + utcOffsetMs) * TICKS_PER_MS + UNIX_EPOCH_TICKS;
  return Number(ticks / TICKS_PER_SECOND);
}

describe('.NET DateTime.Ticks / TicksPerSecond: the 0001→1970 epoch gap, not clock skew', () => {
  it('the gap is DateTime.UnixEpoch.Ticks / TicksPerSecond', () => {
    expect(BigInt(DOTNET_EPOCH_GAP_S)).toBe(UNIX_EPOCH_TICKS / TICKS_PER_SECOND);
  });

  it('iat = DateTime.UtcNow.Ticks / TicksPerSecond is named as the epoch gap with the C# fix first, and no clock is blamed', async () => {
    const iat = dotnetTicksSeconds(JOIN_TIME * 1000 + 400);
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200, tokenExp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('iat is 62135596800 s after the join time');
    expect(f?.message).toContain('the 62,135,596,800 s (719,162 days) from 0001-01-01');
    expect(f?.message).toContain('DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond');
    expect(f?.message).not.toContain("this machine's wrong");
    expect(f?.fix).toMatch(/^Likely a C# backend \(.NET DateTime.Ticks count from 0001-01-01/);
    expect(f?.fix).toContain('C#: `DateTimeOffset.UtcNow.ToUnixTimeSeconds()`');
    expect(f?.fix).not.toContain('NTP');
    expect(f?.data).toMatchObject({ epoch: 'dotnet-0001' });
  });

  it('DateTime.Now.Ticks on a server at UTC+2 names the gap and the local time', async () => {
    const iat = dotnetTicksSeconds(JOIN_TIME * 1000, 2 * 3600_000);
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('plus 7200 s');
    expect(f?.message).toContain('The rest is the offset of UTC+2: `DateTime.Now` (local time) instead of `DateTime.UtcNow`');
    expect(f?.data?.['utcOffsetMinutes']).toBe(120);
  });

  it('every finding on such a token leads with C# (the whole analysis knows the generator)', async () => {
    const iat = dotnetTicksSeconds(JOIN_TIME * 1000);
    const a = analyseTokenInput(await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200, role: '0' })), { referenceTime: JOIN_TIME });
    expect(a.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['iat-future', 'role-invalid']));
    for (const f of a.findings) expect(f.fix.startsWith('Likely a C# backend')).toBe(true);
  });

  it("a 3712 from such a token: Correlation's cause names the epoch, not a future iat", async () => {
    const iat = dotnetTicksSeconds(JOIN_TIME * 1000);
    const analysis = analyseTokenInput(await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 })), { referenceTime: JOIN_TIME });
    const attempt = { id: 'n', api: 'client-view' as const, signature: '', calledAt: JOIN_TIME * 1000, outcome: { kind: 'failure' as const, code: 3712, message: 'Signature is invalid.' } };
    const cause = primaryCause({ attempt, analysis }, 'failure-3712', { distinctIats: 1, multiplesOf128: 0, chanceByAccident: 1, verdict: 'none', text: '' });
    expect(cause.title).toBe('iat counted from 0001-01-01 (.NET DateTime.Ticks), not 1970');
  });

  it('an honest Unix iat years ahead (a clock set to 2031) is not mistaken for ticks', async () => {
    const iat = JOIN_TIME + 5 * 365 * 86400;
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.message).not.toContain('0001-01-01');
    expect(f?.data?.['epoch']).toBe('unix');
  });
});
