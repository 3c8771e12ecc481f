/**
 * Geometry of the "iat − join time" plot, shared by the panel (React SVG) and the HTML export, so
 * both read the same way: time on the x axis, and a symmetric-log y axis. One expired token at
 * −9732 s next to a +53 s future iat would squash a linear axis flat; on a symlog axis the band
 * around zero stays linear (|y| ≤ LINEAR_S) and everything further is compressed logarithmically,
 * so the outlier and the near-zero split are both visible. Pure: no DOM.
 */
import type { OffsetPoint } from '../correlate/types';
import { timeTicks, zoneLabel, type AxisClock } from './time-axis';

/** Below this many seconds from zero the axis is linear. */
export const LINEAR_S = 10;

export interface PlotBox {
  width: number;
  height: number;
  margin: { l: number; r: number; t: number; b: number };
}

export interface PlacedPoint {
  point: OffsetPoint;
  x: number;
  y: number;
}

export interface AxisTick {
  value: number;
  y: number;
  label: string;
}

export interface TimeTick {
  x: number;
  /** Time of day ("14:30"), or the date when the ticks are whole days. */
  label: string;
  /** A second line with the date, where the day changes on an axis that crosses midnight. */
  date: string | null;
  /** Middle, except where a centred label would run off the picture's edge. */
  anchor: 'start' | 'middle' | 'end';
}

export interface OffsetPlotLayout {
  placed: PlacedPoint[];
  yTicks: AxisTick[];
  xTicks: TimeTick[];
  zeroY: number;
  /** y of the failure/success threshold, when there is one. */
  thresholdY: number | null;
  /** Span of the x axis, ms. */
  spanMs: number;
  /** The clock the x labels are on, said once beside the plot: "UTC", "local time (Europe/Berlin, UTC+01:00)". */
  zone: string;
}

/** Room one x label needs, px: "2026-11-02" at the plots' 10–11 px font, plus a gap. */
const X_LABEL_GAP = 80;
/** Approximate width of one label character at those sizes, px (for keeping labels inside the picture). */
const CHAR_W = 6.2;

/** The symlog transform: linear within ±LINEAR_S, log10 beyond, continuous at the joint. */
export function symlog(v: number): number {
  const a = Math.abs(v);
  const t = a <= LINEAR_S ? a / LINEAR_S : 1 + Math.log10(a / LINEAR_S);
  return v < 0 ? -t : t;
}

const CANDIDATE_TICKS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21600, 86400, 604800];

export function secondsLabel(v: number): string {
  const a = Math.abs(v);
  const sign = v > 0 ? '+' : v < 0 ? '−' : '';
  if (a >= 86400 && a % 86400 === 0) return `${sign}${a / 86400} d`;
  if (a >= 3600 && a % 3600 === 0) return `${sign}${a / 3600} h`;
  if (a >= 60 && a % 60 === 0) return `${sign}${a / 60} min`;
  return `${sign}${a} s`;
}

/**
 * Points whose join time is unknown (a HAR entry without a usable startedDateTime) have no place on
 * a time axis and are left out; the rest are placed left to right in time, so ← → in the panel walk
 * the session in order even when a HAR listed its entries out of order.
 */
function inTimeOrder(points: readonly OffsetPoint[]): readonly OffsetPoint[] {
  let timed: OffsetPoint[] | null = null;
  let sorted = true;
  let prev = -Infinity;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!Number.isFinite(p.calledAt)) {
      timed ??= points.slice(0, i);
      continue;
    }
    timed?.push(p);
    if (p.calledAt < prev) sorted = false;
    prev = p.calledAt;
  }
  const out = timed ?? points;
  return sorted ? out : [...out].sort((a, b) => a.calledAt - b.calledAt);
}

export function layoutOffsetPlot(all: readonly OffsetPoint[], box: PlotBox, opts: { threshold?: number | null; clock?: AxisClock } = {}): OffsetPlotLayout {
  const { width: W, height: H, margin: M } = box;
  const clock = opts.clock ?? 'local';
  const points = inTimeOrder(all);
  let x0 = Infinity;
  let x1 = -Infinity;
  let lo = 0;
  let hi = 0;
  for (const p of points) {
    x0 = Math.min(x0, p.calledAt);
    x1 = Math.max(x1, p.calledAt);
    lo = Math.min(lo, symlog(p.offset));
    hi = Math.max(hi, symlog(p.offset));
  }
  if (!Number.isFinite(x0)) {
    x0 = 0;
    x1 = 60_000;
  }
  if (x1 - x0 < 60_000) {
    // One join, or a burst: spread a minute around them so points do not sit on the axis.
    const mid = (x0 + x1) / 2;
    x0 = mid - 30_000;
    x1 = mid + 30_000;
  }
  // Always show at least ±LINEAR_S so the zero band has room, plus a margin.
  lo = Math.min(lo, -1) - 0.15;
  hi = Math.max(hi, 1) + 0.15;
  const plotW = Math.max(1, W - M.l - M.r);
  const plotH = Math.max(1, H - M.t - M.b);
  const sx = (x: number) => M.l + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (v: number) => M.t + (1 - (symlog(v) - lo) / (hi - lo)) * plotH;

  // Ticks: 0 and ±candidates inside the range, dropped when closer than a label's height to one kept.
  const yTicks: AxisTick[] = [{ value: 0, y: sy(0), label: '0 s' }];
  for (const sign of [1, -1]) {
    for (const c of CANDIDATE_TICKS) {
      const v = sign * c;
      const t = symlog(v);
      if (t < lo || t > hi) continue;
      const y = sy(v);
      if (yTicks.some((k) => Math.abs(k.y - y) < 13)) continue;
      yTicks.push({ value: v, y, label: secondsLabel(v) });
    }
  }
  yTicks.sort((a, b) => a.y - b.y);

  // Round wall-clock instants (lib/report/time-axis.ts), not equal fractions of the span: those,
  // labelled hh:mm:ss, read backwards once the span is a few days (08:00:00, 06:13:16, …).
  const xTicks: TimeTick[] = timeTicks(x0, x1, Math.max(2, Math.floor(plotW / X_LABEL_GAP) + 1), clock).map((t) => {
    const x = sx(t.at);
    const half = (Math.max(t.label.length, t.date?.length ?? 0) * CHAR_W) / 2;
    return { x, label: t.label, date: t.date, anchor: x - half < 0 ? 'start' : x + half > W ? 'end' : 'middle' };
  });

  return {
    placed: points.map((point) => ({ point, x: sx(point.calledAt), y: sy(point.offset) })),
    yTicks,
    xTicks,
    zeroY: sy(0),
    thresholdY: opts.threshold === null || opts.threshold === undefined ? null : sy(opts.threshold),
    spanMs: x1 - x0,
    zone: zoneLabel(x0, x1, clock),
  };
}
