// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStatsNotice } from '../../../components/CaptureStatsNotice';
import { EMPTY_STATS } from '../../../components/state/store';
import { $, render, type Rendered } from './render';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

describe('capture stats notice after a storage flood', () => {
  it('a page that flooded its tab: the panel says how many joins and other records the budget dropped', async () => {
    r = await render(<CaptureStatsNotice />);
    await r.act(() => r!.store.getState().setStats({ ...EMPTY_STATS, dropped: 412, droppedOther: 2 }));
    const el = $(r.container, 'capture-stats')!;
    expect(el.hidden).toBe(false);
    expect(el.dataset.dropped).toBe('412');
    expect(el.dataset.droppedOther).toBe('2');
    expect(el.textContent).toContain('412 dropped (the oldest joins: this tab reached its storage budget)');
    expect(el.textContent).toContain('2 older records dropped');
  });
});
