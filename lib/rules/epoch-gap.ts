/**
 * Times counted from the wrong epoch. .NET's `DateTime.Ticks` counts 100 ns ticks from
 * 0001-01-01T00:00:00, so `DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond` is seconds since year 1:
 * the Unix time plus the 719,162 days from 0001-01-01 to 1970-01-01 (`DateTime.UnixEpoch.Ticks`
 * / TicksPerSecond = 62,135,596,800). Such an iat is about 62 billion seconds "in the future", which
 * reads as clock skew unless the gap is named.
 */
import type { LangLines } from './lang';
import { WHOLE_SECONDS } from './fixes';

/** 0001-01-01 → 1970-01-01 in seconds: 719,162 days × 86,400 (DateTime.UnixEpoch.Ticks / 10^7). */
export const DOTNET_EPOCH_GAP_S = 62_135_596_800;

/** Unix seconds of 2000-01-01 and 2100-01-01: the years a backend issuing tokens today can be in. */
const YEAR_2000_S = 946_684_800;
const YEAR_2100_S = 4_102_444_800;

/** The Unix time a seconds-since-0001 value stands for, or null when the value is not one (a today-ish .NET ticks time). */
export function dotnetSecondsToUnix(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const unix = value - DOTNET_EPOCH_GAP_S;
  return unix >= YEAR_2000_S && unix <= YEAR_2100_S ? unix : null;
}

/** Thousands separators for the gap in messages (a fixed format: no locale dependence). */
export function grouped(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) out += (i > 0 && (s.length - i) % 3 === 0 ? ',' : '') + s[i];
  return (n < 0 ? '−' : '') + out;
}

export const DOTNET_EPOCH_FIX: LangLines = {
  ...WHOLE_SECONDS,
  csharp:
    '`DateTimeOffset.UtcNow.ToUnixTimeSeconds()`, not `DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond` (seconds since 0001-01-01); ' +
    'or subtract the epoch: `(DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond`',
};
