/**
 * Geometry of the "iat − join time" plot, shared by the panel (React SVG) and the HTML export, so
 * both read the same way: time on the x axis, and a symmetric-log y axis. One expired token at
 * −9732 s next to a +53 s future iat would squash a linear axis flat; on a symlog axis the band
 * around zero stays linear (|y| ≤ LINEAR_S) and everything further is compressed logarithmically,
 * so the outlier and the near-zero split are both visible. Pure: no DOM.
 */
import type { OffsetPoint } from '../correlate/types';

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
  label: string;
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
}

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

const pad = (n: number) => String(n).padStart(2, '0');
/** Time of day on the given clock ('local' for the panel, 'utc' for exports read elsewhere). */
export function hms(ms: number, clock: 'local' | 'utc'): string {
  const d = new Date(ms);
  return clock === 'utc'
    ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
    : `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function layoutOffsetPlot(points: readonly OffsetPoint[], box: PlotBox, opts: { threshold?: number | null; clock?: 'local' | 'utc' } = {}): OffsetPlotLayout {
  const { width: W, height: H, margin: M } = box;
  const clock = opts.clock ?? 'local';
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

  const xTicks: TimeTick[] = [];
  const n = Math.max(2, Math.min(6, Math.floor(plotW / 110)));
  for (let i = 0; i < n; i++) {
    const t = x0 + ((x1 - x0) * i) / (n - 1);
    xTicks.push({ x: sx(t), label: hms(t, clock) });
  }

  return {
    placed: points.map((point) => ({ point, x: sx(point.calledAt), y: sy(point.offset) })),
    yTicks,
    xTicks,
    zeroY: sy(0),
    thresholdY: opts.threshold === null || opts.threshold === undefined ? null : sy(opts.threshold),
    spanMs: x1 - x0,
  };
}
