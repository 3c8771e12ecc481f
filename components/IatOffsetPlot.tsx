import { useRef, useState, type KeyboardEvent } from 'react';
import type { OffsetPoint, OutcomeClass } from '../lib/correlate';
import { LINEAR_S, layoutOffsetPlot } from '../lib/report/offset-plot';
import { formatNumber } from './state/format';
import { useElementWidth } from './state/use-width';

interface Props {
  /** From lib/correlate: x = calledAt (page clock, ms), y = iat − reference time (s). */
  points: readonly OffsetPoint[];
  /** Names an attempt in tooltips ("#5 19:05:33 3712"). */
  labelOf?(id: string): string;
  onPick?(id: string): void;
}

const H = 232;
/** The bottom margin holds two lines of x labels: the time, and the date where the day changes. */
const M = { l: 52, r: 12, t: 10, b: 36 };

const cls = (o: OutcomeClass) =>
  o === 'success' ? 'pt-success' : o === 'failure-3712' || o === 'failure-other' || o === 'silent-refusal' ? 'pt-failure' : 'pt-other';

/**
 * iat − join time per attempt over the session, coloured by outcome, on a symmetric-log axis
 * (lib/report/offset-plot.ts) so an hours-old expired token and a +50 s future iat both read.
 * The SVG is drawn at the container's width, so it fills a wide panel and fits a narrow dock.
 */
export function IatOffsetPlot({ points, labelOf, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useElementWidth(box);
  const [focusIdx, setFocusIdx] = useState(0);
  if (points.length === 0) {
    return <p className="note" data-testid="iat-plot-empty">No attempt has a numeric iat to plot.</p>;
  }
  const W = Math.max(240, measured || 640);
  const L = layoutOffsetPlot(points, { width: W, height: H, margin: M });
  const describe = (p: (typeof L.placed)[number]['point']) =>
    `${labelOf?.(p.attemptId) ?? p.attemptId}: iat ${p.offset > 0 ? '+' : ''}${formatNumber(Math.round(p.offset * 10) / 10)} s vs join${p.referenceCorrected ? " on Zoom's clock" : ''}${p.quantized ? ', multiple of 128' : ''} (${p.outcome})`;
  // One tab stop for the whole plot; ← → Home End move between points, Enter opens one (roving tabindex).
  const current = Math.min(focusIdx, L.placed.length - 1);
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const n = L.placed.length;
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? Math.min(n - 1, current + 1) : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? Math.max(0, current - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next >= 0) {
      e.preventDefault();
      setFocusIdx(next);
      (e.currentTarget.querySelectorAll('circle')[next] as SVGElement | undefined)?.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && onPick) {
      e.preventDefault();
      const p = L.placed[current];
      if (p) onPick(p.point.attemptId);
    }
  };
  return (
    <figure style={{ margin: 0 }} ref={box}>
      <svg
        className="plot"
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label="iat minus join time per attempt over time; arrow keys move between points, Enter opens one"
        data-testid="iat-plot"
        onKeyDown={onKeyDown}
      >
        <line className="axis" x1={M.l} x2={M.l} y1={M.t} y2={H - M.b} />
        <line className="axis" x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} />
        {L.yTicks.map((t) => (
          <g key={t.value}>
            {t.value !== 0 && <line className="grid" x1={M.l} x2={W - M.r} y1={t.y} y2={t.y} />}
            <text x={M.l - 4} y={t.y + 3} textAnchor="end" data-testid="plot-y-label">
              {t.label}
            </text>
          </g>
        ))}
        <line className="zero" x1={M.l} x2={W - M.r} y1={L.zeroY} y2={L.zeroY} />
        {L.xTicks.map((t) => (
          <text key={t.x} x={t.x} y={H - M.b + 13} textAnchor={t.anchor} data-testid="plot-x-label">
            {t.label}
            {t.date && (
              <tspan x={t.x} dy={12} data-testid="plot-x-date">
                {t.date}
              </tspan>
            )}
          </text>
        ))}
        {L.placed.map(({ point: p, x, y }, i) => (
          <circle
            key={p.attemptId}
            tabIndex={i === current ? 0 : -1}
            role={onPick ? 'button' : 'img'}
            aria-label={describe(p)}
            onFocus={() => setFocusIdx(i)}
            className={cls(p.outcome)}
            cx={x}
            cy={y}
            r={3.5}
            data-attempt-id={p.attemptId}
            data-outcome={p.outcome}
            style={{ cursor: onPick ? 'pointer' : undefined }}
            onClick={onPick ? () => onPick(p.attemptId) : undefined}
          >
            <title>{describe(p)}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="legend">
        <span><i style={{ background: 'var(--success)' }} />success</span>
        <span><i style={{ background: 'var(--error)' }} />failure / silent refusal</span>
        <span><i style={{ background: 'var(--pending)' }} />timeout / pending</span>
        <span data-testid="plot-time-zone">x: join time, {L.zone}</span>
        <span>above 0: iat in the future · y axis linear within ±{LINEAR_S} s, logarithmic beyond · click a point (or Tab to the plot, ← →, Enter) to open it</span>
      </figcaption>
    </figure>
  );
}
