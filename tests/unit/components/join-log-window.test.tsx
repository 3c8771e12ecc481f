// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { JoinLog, ROW_HEIGHT } from '../../../components/JoinLog';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { makeAttempt } from './fixtures';
import { $, render, type Rendered } from './render';

let r: Rendered | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
});

/** 2,000 joins; every 40th is for meeting 111, so "meeting:111" leaves 50 rows. */
function longSession(): JoinAttempt[] {
  return Array.from({ length: 2000 }, (_, i) => makeAttempt('not-a-jwt', { id: `j${i}`, meetingNumber: i % 40 === 0 ? '111' : '85746352163' }));
}

function storeWith(attempts: JoinAttempt[]) {
  const store = createPanelStore();
  store.getState().loadSnapshot({ tabId: 1, pageUrl: 'https://app.example.test/', preserveLog: false, attempts, stats: { ...EMPTY_STATS, attempts: attempts.length }, issuances: [], clock: null });
  return store;
}

const shownIds = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('[data-testid="attempt-row"]')].map((x) => x.id);

describe('the join log’s virtual window', () => {
  it('a filter typed into a log scrolled far down shows the remaining rows in the same render, not a blank frame until the next scroll', async () => {
    r = await render(<JoinLog />, storeWith(longSession()));
    const viewport = $(r.container, 'join-log')!;
    // Scroll to row 1,800 of 2,000, as a user reading the end of a long imported HAR would.
    await r.act(() => {
      viewport.scrollTop = 1800 * ROW_HEIGHT;
      viewport.dispatchEvent(new Event('scroll'));
    });
    expect(shownIds(r.container)).toContain('attempt-j1800');
    // The filter leaves 50 rows; no scroll event follows (the browser's clamp is reported a frame late, or never).
    await r.act(() => r!.store.getState().setFilter({ text: 'meeting:111' }));
    expect(viewport.dataset.visibleRows).toBe('50');
    const shown = shownIds(r.container);
    expect(shown.length).toBeGreaterThan(0);
    // The window is clamped to the new end: the last matching row is drawn.
    expect(shown).toContain('attempt-j1960');
  });
});
