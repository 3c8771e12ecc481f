import type { OffsetPoint, OutcomeClass } from '../lib/correlate';
import { clockTime, formatNumber } from './state/format';

interface Props {
  /** From lib/correlate: x = calledAt (page clock, ms), y = iat − reference time (s). */
  points: readonly OffsetPoint[];
  onPick?(id: string): void;
}

const W = 640;
const H = 200;
const M = { l: 46, r: 10, t: 10, b: 24 };

const cls = (o: OutcomeClass) =>
  o === 'success' ? 'pt-success' : o === 'failure-3712' || o === 'failure-other' || o === 'silent-refusal' ? 'pt-failure' : 'pt-other';

/**
 * iat − join time per attempt over the session, coloured by outcome. The seed's bug draws as red
 * points above the dashed zero line and green ones below it.
 */
export function IatOffsetPlot({ points, onPick }: Props) {
  if (points.length === 0) {
    return <p className="note" data-testid="iat-plot-empty">No attempt has a numeric iat to plot.</p>;
  }
  let x0 = Infinity, x1 = -Infinity, y0 = 0, y1 = 0;
  for (const p of points) {
    x0 = Math.min(x0, p.calledAt);
    x1 = Math.max(x1, p.calledAt);
    y0 = Math.min(y0, p.offset);
    y1 = Math.max(y1, p.offset);
  }
  if (x1 - x0 < 60_000) {
    // One join, or a burst: spread a minute around them so points do not sit on the axis.
    const mid = (x0 + x1) / 2;
    x0 = mid - 30_000;
    x1 = mid + 30_000;
  }
  const pad = Math.max(1, (y1 - y0) * 0.08);
  y0 -= pad;
  y1 += pad;
  const sx = (x: number) => M.l + ((x - x0) / (x1 - x0)) * (W - M.l - M.r);
  const sy = (y: number) => M.t + (1 - (y - y0) / (y1 - y0)) * (H - M.t - M.b);
  const minutes = (x1 - x0) / 60000;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="iat minus join time per attempt" data-testid="iat-plot">
        <line className="axis" x1={M.l} x2={M.l} y1={M.t} y2={H - M.b} />
        <line className="axis" x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} />
        <line className="zero" x1={M.l} x2={W - M.r} y1={sy(0)} y2={sy(0)} />
        {sy(0) - sy(y1) > 14 && <text x={M.l - 4} y={sy(y1) + 8} textAnchor="end">{`${formatNumber(Math.round(y1))} s`}</text>}
        <text x={M.l - 4} y={sy(0) + 3} textAnchor="end">0 s</text>
        {sy(y0) - sy(0) > 14 && <text x={M.l - 4} y={sy(y0)} textAnchor="end">{`${formatNumber(Math.round(y0))} s`}</text>}
        <text x={M.l} y={H - 8}>{clockTime(x0).slice(0, 8)}</text>
        <text x={W - M.r} y={H - 8} textAnchor="end">{`${clockTime(x1).slice(0, 8)} (${formatNumber(Math.round(minutes * 10) / 10)} min)`}</text>
        {points.map((p) => (
          <circle
            key={p.attemptId}
            className={cls(p.outcome)}
            cx={sx(p.calledAt)}
            cy={sy(p.offset)}
            r={3}
            data-attempt-id={p.attemptId}
            data-outcome={p.outcome}
            style={{ cursor: onPick ? 'pointer' : undefined }}
            onClick={onPick ? () => onPick(p.attemptId) : undefined}
          >
            <title>{`${p.attemptId}: iat ${p.offset > 0 ? '+' : ''}${formatNumber(Math.round(p.offset * 10) / 10)} s vs join${p.referenceCorrected ? ' on Zoom\'s clock' : ''}${p.quantized ? ', multiple of 128' : ''} (${p.outcome})`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="legend">
        <span><i className="pt-dot" style={{ background: 'var(--success)' }} />success</span>
        <span><i style={{ background: 'var(--error)' }} />failure / silent refusal</span>
        <span><i style={{ background: 'var(--pending)' }} />timeout / pending</span>
        <span>above the dashed line: iat after the join (in the future)</span>
      </figcaption>
    </figure>
  );
}
