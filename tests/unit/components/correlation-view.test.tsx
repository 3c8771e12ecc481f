// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import { seedSession } from './fixtures';
import { $, render, type Rendered } from './render';

let r: Rendered | undefined;
afterEach(() => r?.unmount());

async function waitFor<T>(fn: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = fn();
    if (v) return v;
    await r!.act(() => new Promise((res) => setTimeout(res, 10)));
  }
  throw new Error('timed out');
}

describe('correlation view', () => {
  it("the seed's Java endpoint: iat-future ranks first, failures sit above zero, java fails and node does not", async () => {
    const attempts = await seedSession(40);
    const store = createPanelStore();
    store.getState().loadSnapshot({ tabId: 1, pageUrl: null, preserveLog: false, attempts, stats: EMPTY_STATS, issuances: [], clock: null });
    store.getState().setView('correlation');
    r = await render(<App />, store);
    const view = await waitFor(() => $(r!.container, 'correlation-view'));
    const first = view.querySelector('[data-testid="likely-cause"][data-rank="1"]');
    expect(first?.getAttribute('data-rule-id')).toBe('iat-future');
    const failures = attempts.filter((a) => a.outcome.kind === 'failure').length;
    expect(first?.textContent).toContain(`${failures} of ${failures}`);

    const zeroY = Number(view.querySelector('line.zero')!.getAttribute('y1'));
    for (const c of view.querySelectorAll('circle[data-outcome="failure-3712"]')) expect(Number(c.getAttribute('cy'))).toBeLessThan(zeroY);
    for (const c of view.querySelectorAll('circle[data-outcome="success"]')) expect(Number(c.getAttribute('cy'))).toBeGreaterThanOrEqual(zeroY);

    const rate = (part: string) => Number([...view.querySelectorAll<HTMLElement>('[data-testid="endpoint-rate"]')].find((e) => e.dataset.endpoint?.includes(part))?.dataset.rate);
    expect(rate('/java/')).toBeGreaterThan(0);
    expect(rate('/node/')).toBe(0);
  });

  it('clicking a point opens that attempt in the join log', async () => {
    const attempts = await seedSession(10);
    const store = createPanelStore();
    store.getState().loadSnapshot({ tabId: 1, pageUrl: null, preserveLog: false, attempts, stats: EMPTY_STATS, issuances: [], clock: null });
    store.getState().setView('correlation');
    r = await render(<App />, store);
    const dot = await waitFor(() => r!.container.querySelector('circle[data-attempt-id="seed-3"]'));
    await r.act(() => void dot.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(store.getState().view).toBe('log');
    expect($(r.container, 'token-inspector')?.dataset.attemptId).toBe('seed-3');
  });

  it('with no attempts it says how to get some', async () => {
    const store = createPanelStore();
    store.getState().setView('correlation');
    r = await render(<App />, store);
    expect($(r.container, 'correlation-empty')?.textContent).toMatch(/reload the page with DevTools open/i);
  });
});
