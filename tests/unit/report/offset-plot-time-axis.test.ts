import { afterEach, describe, expect, it } from 'vitest';
import type { OffsetPoint } from '../../../lib/correlate';
import { layoutOffsetPlot, type OffsetPlotLayout } from '../../../lib/report/offset-plot';
import { renderOffsetPlotSvg } from '../../../lib/report/html';
import { timeTicks, zoneLabel } from '../../../lib/report/time-axis';

/** The panel's plot docked at ~550 px and undocked at ~1200 px (margins as components/IatOffsetPlot.tsx). */
const DOCKED = { width: 520, height: 232, margin: { l: 52, r: 12, t: 10, b: 36 } };
const WIDE = { width: 1200, height: 232, margin: { l: 52, r: 12, t: 10, b: 36 } };

const point = (i: number, calledAt: number, offset = -30): OffsetPoint => ({
  attemptId: `a${i}`,
  calledAt,
  iat: Math.floor(calledAt / 1000) + offset,
  offset,
  outcome: offset > 0 ? 'failure-3712' : 'success',
  referenceCorrected: false,
  quantized: false,
});

/** Joins `everyMs` apart from `start`, as a long imported HAR holds them. */
const session = (start: number, count: number, everyMs: number) => Array.from({ length: count }, (_, i) => point(i, start + i * everyMs, i % 7 === 0 ? 40 : -30));

/**
 * The instant each UTC tick names, read back from its labels as a person reads the axis: the date
 * carried forward from the last tick that showed one. Ticks of whole days are dates themselves.
 */
function readUtcAxis(L: OffsetPlotLayout, sessionDate: string): number[] {
  // Within one day no tick shows the date: the reader knows it from the log.
  let date = L.xTicks.some((t) => t.date) ? '' : sessionDate;
  return L.xTicks.map((t) => {
    if (/^\d{4}-\d\d-\d\d$/.test(t.label)) return Date.parse(`${t.label}T00:00:00Z`);
    if (t.date) date = t.date;
    expect(date, `tick ${t.label} has no date before it`).not.toBe('');
    return Date.parse(`${date}T${t.label.length === 5 ? `${t.label}:00` : t.label}Z`);
  });
}

function expectReadsForward(L: OffsetPlotLayout, points: readonly OffsetPoint[]): number[] {
  expect(L.xTicks.length).toBeGreaterThanOrEqual(2);
  const at = readUtcAxis(L, new Date(points[0]!.calledAt).toISOString().slice(0, 10));
  for (let i = 1; i < at.length; i++) {
    expect(at[i]!, `${L.xTicks[i - 1]!.label} then ${L.xTicks[i]!.label}`).toBeGreaterThan(at[i - 1]!);
    expect(L.xTicks[i]!.x).toBeGreaterThan(L.xTicks[i - 1]!.x);
  }
  // Every tick lies inside the session and is drawn where its own time is.
  const x0 = Math.min(...points.map((p) => p.calledAt));
  const x1 = Math.max(...points.map((p) => p.calledAt));
  for (const t of at) {
    expect(t).toBeGreaterThanOrEqual(x0);
    expect(t).toBeLessThanOrEqual(x1);
  }
  // Round intervals a person reads: all ticks the same whole step apart (minutes, hours or days).
  const steps = new Set(at.slice(1).map((t, i) => t - at[i]!));
  expect(steps.size).toBe(1);
  const step = [...steps][0]!;
  expect([60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000].includes(step) || step % 3_600_000 === 0).toBe(true);
  return at;
}

describe('the iat − join time plot’s time axis', () => {
  it('a session from 22:00 to 08:00 the next day reads left to right, with the date where the day changes', () => {
    const points = session(Date.UTC(2026, 10, 1, 22, 0, 0), 601, 60_000);
    for (const box of [DOCKED, WIDE]) {
      const L = layoutOffsetPlot(points, box, { clock: 'utc' });
      const at = expectReadsForward(L, points);
      expect(L.xTicks.every((t) => /^\d\d:\d\d$/.test(t.label))).toBe(true);
      // The date is on the first tick and on the first tick of the next day, nowhere else.
      expect(L.xTicks[0]!.date).toBe('2026-11-01');
      const dated = L.xTicks.filter((t) => t.date !== null).map((t) => t.date);
      expect(dated).toEqual(['2026-11-01', '2026-11-02']);
      const firstOfDay2 = L.xTicks.find((t) => t.date === '2026-11-02')!;
      expect(at[L.xTicks.indexOf(firstOfDay2)]).toBe(Date.UTC(2026, 10, 2, 0, 0, 0));
      expect(L.zone).toBe('UTC');
    }
  });

  it('a session over 3 days (the bench HAR: 20,000 joins 20 s apart from 08:00) never reads backwards (it read 08:00:00, 06:13:16, …)', () => {
    const threeDays = session(Date.UTC(2026, 10, 1, 8, 0, 0), 13_000, 20_000);
    const bench = session(Date.UTC(2026, 10, 1, 8, 0, 0), 20_000, 20_000);
    for (const points of [threeDays, bench]) {
      for (const box of [DOCKED, WIDE]) {
        const L = layoutOffsetPlot(points, box, { clock: 'utc' });
        expectReadsForward(L, points);
        expect(L.xTicks.map((t) => t.label)).not.toContain('06:13:16');
        // Each day named: by a date label (whole-day ticks) or a date line where the day changes.
        const days = new Set(L.xTicks.map((t) => t.date ?? (/^\d{4}-/.test(t.label) ? t.label : null)).filter(Boolean));
        expect(days.size).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('a session within one day carries no dates, and a burst of seconds gets second ticks', () => {
    const hour = session(Date.UTC(2026, 10, 1, 9, 3, 0), 120, 30_000);
    const L = layoutOffsetPlot(hour, DOCKED, { clock: 'utc' });
    expectReadsForward(L, hour);
    expect(L.xTicks.every((t) => t.date === null)).toBe(true);
    const burst = timeTicks(Date.UTC(2026, 10, 1, 9, 0, 3), Date.UTC(2026, 10, 1, 9, 0, 41), 6, 'utc');
    expect(burst.map((t) => t.label)).toEqual(['09:00:10', '09:00:20', '09:00:30', '09:00:40']);
  });

  it('labels stay inside the picture: a tick near an edge is anchored to it', () => {
    const L = layoutOffsetPlot(session(Date.UTC(2026, 10, 1, 22, 0, 0), 601, 60_000), DOCKED, { clock: 'utc' });
    for (const t of L.xTicks) {
      const half = Math.max(t.label.length, t.date?.length ?? 0) * 3.1;
      if (t.anchor === 'middle') {
        expect(t.x - half).toBeGreaterThanOrEqual(0);
        expect(t.x + half).toBeLessThanOrEqual(DOCKED.width);
      }
    }
  });

  it('a join with no usable time (a HAR entry without startedDateTime) does not turn the whole plot into NaN', () => {
    const points = [...session(Date.UTC(2026, 10, 1, 9, 0, 0), 10, 60_000), point(99, Number.NaN, 20)];
    const L = layoutOffsetPlot(points, DOCKED, { clock: 'utc' });
    expect(L.placed.map((p) => p.point.attemptId)).not.toContain('a99');
    expect(L.placed.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(L.xTicks.every((t) => Number.isFinite(t.x))).toBe(true);
  });

  it('points listed out of order (a merged HAR) are placed, and walked by the keyboard, in time order', () => {
    const points = [point(0, Date.UTC(2026, 10, 1, 9, 5)), point(1, Date.UTC(2026, 10, 1, 9, 0)), point(2, Date.UTC(2026, 10, 1, 9, 10))];
    const L = layoutOffsetPlot(points, DOCKED, { clock: 'utc' });
    expect(L.placed.map((p) => p.point.attemptId)).toEqual(['a1', 'a0', 'a2']);
  });

  it('the HTML export puts the date under the time where the day changes and says UTC once', () => {
    const svg = renderOffsetPlotSvg(session(Date.UTC(2026, 10, 1, 22, 0, 0), 601, 60_000), null);
    expect(svg).toContain('>2026-11-02</tspan>');
    expect(svg.match(/UTC/g)).toHaveLength(1);
  });
});

describe('the local clock', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('over the night the clocks go back (Europe/Berlin, 2026-10-25) hourly ticks stay on the hour, each drawn once, and the zone names both offsets', () => {
    process.env.TZ = 'Europe/Berlin';
    const x0 = Date.UTC(2026, 9, 24, 20, 0, 0);
    const x1 = Date.UTC(2026, 9, 25, 6, 0, 0);
    const ticks = timeTicks(x0, x1, 12, 'local');
    const at = ticks.map((t) => t.at);
    expect(new Set(at).size).toBe(at.length);
    for (let i = 1; i < at.length; i++) expect(at[i]!).toBeGreaterThan(at[i - 1]!);
    expect(ticks.every((t) => /^\d\d:00$/.test(t.label))).toBe(true);
    expect(ticks.find((t) => t.date === '2026-10-25')?.label).toBe('00:00');
    expect(zoneLabel(x0, x1, 'local')).toBe('local time (Europe/Berlin, UTC+02:00 → UTC+01:00)');
  });

  it('a page clock on UTC is named once, not "UTC, UTC+00:00"', () => {
    process.env.TZ = 'UTC';
    expect(zoneLabel(0, 86_400_000, 'local')).toBe('local time (UTC)');
  });
});
