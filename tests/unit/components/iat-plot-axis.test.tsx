// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { OffsetPoint } from '../../../lib/correlate';
import { IatOffsetPlot } from '../../../components/IatOffsetPlot';
import { render, type Rendered } from './render';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

/** An imported HAR's joins, one every 10 min from 22:00 to 08:00 the next day (page clock). */
const NIGHT: OffsetPoint[] = Array.from({ length: 61 }, (_, i) => {
  const calledAt = new Date(2026, 10, 1, 22, 0, 0).getTime() + i * 600_000;
  return { attemptId: `n${i}`, calledAt, iat: Math.floor(calledAt / 1000) - 30, offset: -30, outcome: 'success', referenceCorrected: false, quantized: false };
});

describe('the panel’s iat − join time plot over a night', () => {
  it('puts each day’s date under its first time label, and states the time zone once', async () => {
    r = await render(<IatOffsetPlot points={NIGHT} />);
    const labels = [...r.container.querySelectorAll('[data-testid="plot-x-label"]')];
    expect(labels[0]?.textContent).toBe('22:002026-11-01');
    expect([...r.container.querySelectorAll('[data-testid="plot-x-date"]')].map((d) => d.textContent)).toEqual(['2026-11-01', '2026-11-02']);
    const zone = r.container.querySelectorAll('[data-testid="plot-time-zone"]');
    expect(zone).toHaveLength(1);
    expect(zone[0]!.textContent).toMatch(/^x: join time, local time \((UTC|.*UTC[+−]\d\d:\d\d)\)$/);
  });
});
