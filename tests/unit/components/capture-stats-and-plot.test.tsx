// @vitest-environment happy-dom
import type { OffsetPoint } from '../../../lib/correlate';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStatsNotice } from '../../../components/CaptureStatsNotice';
import { IatOffsetPlot } from '../../../components/IatOffsetPlot';
import { EMPTY_STATS } from '../../../components/state/store';
import { $, render, type Rendered } from './render';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

describe('capture stats notice', () => {
  it('stays hidden while nothing was lost, but keeps the counts readable for tests', async () => {
    r = await render(<CaptureStatsNotice />);
    const el = $(r.container, 'capture-stats')!;
    expect(el.hidden).toBe(true);
    expect(el.dataset.dropped).toBe('0');
    expect(el.dataset.rejected).toBe('0');
  });

  it('a hostile page posting forged messages shows how many were rejected and why', async () => {
    r = await render(<CaptureStatsNotice />);
    await r.act(() =>
      r!.store.getState().setStats({ ...EMPTY_STATS, dropped: 3, rejected: { forged: 5, 'too-large': 1 }, rejectedTotal: 6, hookErrors: 0 }),
    );
    const el = $(r.container, 'capture-stats')!;
    expect(el.hidden).toBe(false);
    expect(el.dataset.rejected).toBe('6');
    expect(el.dataset.dropped).toBe('3');
    expect(el.textContent).toContain('3 dropped');
    expect(el.textContent).toContain('5 forged');
    expect(el.textContent).toContain('1 too-large');
  });
});

/** The seed bug in two points: a success 30 s before the join, a 3712 with iat 20 s ahead and quantised. */
const SEED_POINTS: OffsetPoint[] = [
  { attemptId: 'ok', calledAt: 0, iat: 1, offset: -30, outcome: 'success', referenceCorrected: false, quantized: false },
  { attemptId: 'bad', calledAt: 60_000, iat: 2, offset: 20, outcome: 'failure-3712', referenceCorrected: false, quantized: true },
];

/** The plot of SEED_POINTS, and the attempt ids it was asked to open, in order. */
async function renderSeedPlot(): Promise<{ plot: Rendered; picked: string[] }> {
  const picked: string[] = [];
  const plot = await render(<IatOffsetPlot onPick={(id) => picked.push(id)} points={SEED_POINTS} />);
  r = plot;
  return { plot, picked };
}

describe('iat − join time plot', () => {
  it('draws the seed bug: failures above zero, successes below, each point clickable', async () => {
    const { plot, picked } = await renderSeedPlot();
    const ok = plot.container.querySelector('circle[data-attempt-id="ok"]')!;
    const bad = plot.container.querySelector('circle[data-attempt-id="bad"]')!;
    const zeroY = Number(plot.container.querySelector('line.zero')!.getAttribute('y1'));
    expect(Number(bad.getAttribute('cy'))).toBeLessThan(zeroY);
    expect(Number(ok.getAttribute('cy'))).toBeGreaterThan(zeroY);
    expect(bad.getAttribute('class')).toBe('pt-failure');
    expect(ok.getAttribute('class')).toBe('pt-success');
    await plot.act(() => void bad.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(picked).toEqual(['bad']);
  });

  it('a keyboard user reaches every point: one tab stop, → moves to the next point, Enter opens it', async () => {
    const { plot, picked } = await renderSeedPlot();
    const circles = [...plot.container.querySelectorAll('circle')];
    expect(circles.map((c) => c.getAttribute('tabindex'))).toEqual(['0', '-1']);
    expect(circles[1]!.getAttribute('aria-label')).toMatch(/iat \+20 s vs join, multiple of 128 \(failure-3712\)/);
    const svg = $(plot.container, 'iat-plot')!;
    await plot.act(() => void svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect([...plot.container.querySelectorAll('circle')].map((c) => c.getAttribute('tabindex'))).toEqual(['-1', '0']);
    await plot.act(() => void svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(picked).toEqual(['bad']);
  });

  it('says so instead of drawing an empty chart when no token had a numeric iat', async () => {
    r = await render(<IatOffsetPlot points={[]} />);
    expect($(r.container, 'iat-plot-empty')?.textContent).toMatch(/No attempt has a numeric iat/);
  });
});
