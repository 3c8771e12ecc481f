/**
 * Local time read as UTC: a backend that builds epoch seconds from its wall clock as if it were
 * UTC (Java `LocalDateTime.now().toEpochSecond(ZoneOffset.UTC)`, Python `datetime.utcnow().timestamp()`)
 * is off by its UTC offset, and a quarter of the world's offsets are not whole hours.
 */
import type { LangLines } from './lang';

/** UTC offsets in use (IANA tz database, standard and daylight time), in minutes east of UTC. */
const OFFSETS_MIN: readonly number[] = [
  ...Array.from({ length: 14 }, (_, i) => (i + 1) * 60),
  ...Array.from({ length: 12 }, (_, i) => -(i + 1) * 60),
  3 * 60 + 30, 4 * 60 + 30, 5 * 60 + 30, 6 * 60 + 30, 9 * 60 + 30, 10 * 60 + 30,
  5 * 60 + 45, 8 * 60 + 45, 12 * 60 + 45, 13 * 60 + 45,
  -(2 * 60 + 30), -(3 * 60 + 30), -(9 * 60 + 30),
];

/** A back-date of up to 10 min shifts iat back from the offset; latency and clock error up to 3 min either way. */
const BACKDATE_S = 600;
const SLACK_S = 180;

export interface ZoneMatch {
  /** Minutes east of UTC of the zone whose wall clock was read as UTC. */
  offsetMin: number;
  /** `UTC+5:30`, `UTC−3:30`, `UTC+2`. */
  label: string;
}

export function zoneLabel(offsetMin: number): string {
  const a = Math.abs(offsetMin);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return `UTC${offsetMin < 0 ? '−' : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

export function hoursMinutes(s: number): string {
  const a = Math.round(Math.abs(s) / 60);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return `${h} h${m ? ` ${m} min` : ''}`;
}

/**
 * The UTC offset that explains iat being `shiftS` seconds ahead of (positive) or behind
 * (negative) the true time, allowing for a back-date; null when none does.
 */
export function zoneForShift(shiftS: number): ZoneMatch | null {
  if (!Number.isFinite(shiftS) || Math.abs(shiftS) < 3600 - BACKDATE_S) return null;
  let best: { off: number; dist: number } | null = null;
  for (const off of OFFSETS_MIN) {
    const offS = off * 60;
    if (Math.sign(offS) !== Math.sign(shiftS)) continue;
    // A back-date moves iat earlier: ahead shrinks, behind grows.
    const lo = shiftS > 0 ? offS - BACKDATE_S : offS - SLACK_S;
    const hi = shiftS > 0 ? offS + SLACK_S : offS + BACKDATE_S;
    const lo2 = Math.min(lo, hi);
    const hi2 = Math.max(lo, hi);
    if (shiftS < lo2 || shiftS > hi2) continue;
    const dist = Math.abs(shiftS - offS);
    if (best === null || dist < best.dist) best = { off, dist };
  }
  return best ? { offsetMin: best.off, label: zoneLabel(best.off) } : null;
}

/**
 * Why iat is shifted by a zone: Java and .NET read a local wall clock as UTC (iat ahead in zones
 * east of UTC); Python's naive utcnow().timestamp() does the reverse (iat ahead west of UTC).
 */
export function zoneExplanation(shiftS: number, zone: ZoneMatch): string {
  const west = zoneLabel(-zone.offsetMin);
  const dir = shiftS > 0 ? 'ahead of' : 'behind';
  return (
    `iat is ${hoursMinutes(shiftS)} ${dir} the true time, the offset of ${zone.label}: a backend whose local time is read as UTC, e.g. Java ` +
    `\`LocalDateTime.now().toEpochSecond(ZoneOffset.UTC)\` or .NET \`new DateTimeOffset(DateTime.Now, TimeSpan.Zero)\` on a server at ${zone.label}, ` +
    `or Python \`datetime.utcnow().timestamp()\` on a server at ${west}.`
  );
}

export const ZONE_FIX: LangLines = {
  java: '`Instant.now().getEpochSecond()`, not `LocalDateTime.now().toEpochSecond(ZoneOffset.UTC)` or `.toInstant(ZoneOffset.UTC)`',
  python: '`int(time.time())` or `int(datetime.now(timezone.utc).timestamp())`, not `datetime.utcnow().timestamp()` (a naive datetime is read as local time)',
  js: '`Math.floor(Date.now() / 1000)`, not `Date.parse` of a local time string without `Z`',
  php: "`time()`, not `strtotime(date('Y-m-d H:i:s'))` under a different `date_default_timezone_set`",
  go: '`time.Now().Unix()`, not `time.Date(…, time.UTC)` built from `time.Now().Local()` fields',
  ruby: "`Time.now.to_i`, not `Time.parse(Time.now.strftime('%F %T') + ' UTC').to_i`",
  csharp: '`DateTimeOffset.UtcNow.ToUnixTimeSeconds()`, not `new DateTimeOffset(DateTime.Now, TimeSpan.Zero)`',
};
