/**
 * The panel's store hands each new attempts list's changes to the session index instead of
 * rebuilding it from 100,000 joins per appended join. An index that moved on wrongly would show
 * stale outcome counts on the chips, lose the selected join, or analyse a repeated join without
 * its previous one (args-join-repeated silently gone). So: random appends and settles through
 * the real store, each step compared with an index built from scratch for the same list, and the
 * panel's correlation compared with correlate() over the same list.
 */
import { describe, expect, it } from 'vitest';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import { joinTimeRange, outcomeCounts, positionOf, sessionIndex } from '../../../components/state/session-index';
import { correlationOf, correlationItems } from '../../../components/state/correlation';
import { previousJoins } from '../../../lib/capture/previous-join';
import { correlate } from '../../../lib/correlate';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import { seedSession } from './fixtures';
import { prng } from '../seeded-random';

const SETTLED: Outcome[] = [{ kind: 'success' }, { kind: 'failure', code: 3712, message: 'Signature is invalid.' }, { kind: 'timeout', afterMs: 30_000 }];
const PAGES = ['https://app.example.test/a', 'https://app.example.test/b'];

describe('the session index the store keeps as joins arrive', () => {
  it.each([1, 2, 3])('matches an index built from scratch after every append and settle, so chips, selection and repeated-join analysis stay right (seed %i)', async (seed) => {
    const random = prng(seed);
    const tpl = await seedSession(12);
    const store = createPanelStore();
    store.getState().loadSnapshot({ tabId: 1, pageUrl: PAGES[0]!, preserveLog: false, attempts: [], stats: EMPTY_STATS, issuances: [], clock: null });
    let n = 0;
    for (let step = 0; step < 120; step++) {
      const before = store.getState().live.attempts;
      sessionIndex(before); // someone (the log) has indexed the current list
      const batch: JoinAttempt[] = [];
      const size = 1 + Math.floor(random() * 3);
      for (let k = 0; k < size; k++) {
        if (before.length > 0 && random() < 0.4) {
          const old = before[Math.floor(random() * before.length)]!;
          // A pending join settling; now and then its time or page changes too (a re-paired wire answer).
          const moved = random() < 0.15;
          batch.push({ ...old, outcome: SETTLED[Math.floor(random() * SETTLED.length)]!, ...(moved ? { calledAt: old.calledAt + 5000, pageUrl: PAGES[1] } : {}) });
        } else {
          const t = tpl[n % tpl.length]!;
          n++;
          batch.push({ ...t, id: `j${n}`, calledAt: t.calledAt + Math.floor(random() * 20_000), pageUrl: PAGES[Math.floor(random() * 2)]!, outcome: { kind: 'pending' } });
        }
      }
      store.getState().upsertAttempts(batch);
      const list = store.getState().live.attempts;
      const fresh = { outcomes: { success: 0, failure: 0, 'silent-refusal': 0, timeout: 0, superseded: 0, pending: 0 } as Record<string, number> };
      for (const a of list) fresh.outcomes[a.outcome.kind]! += 1;
      expect(outcomeCounts(list)).toEqual(fresh.outcomes);
      for (const [i, a] of list.entries()) expect(positionOf(list, a.id)).toBe(i);
      const times = list.map((a) => a.calledAt);
      expect(joinTimeRange(list)).toEqual(list.length ? [Math.min(...times), Math.max(...times)] : []);
      const want = previousJoins(list);
      const idx = sessionIndex(list);
      for (const a of list) expect(idx.previous.get(a)).toBe(want.get(a));
      // The links are strong Maps (no WeakMap ephemerons for the collector): a settled join's
      // replaced object must leave them, or a session open for days keeps every version alive.
      const members = new Set(list);
      for (const links of [idx.previous, idx.chainPrev, idx.chainNext]) for (const k of links.keys()) expect(members.has(k)).toBe(true);
    }
  });

  it('the panel correlation after each appended join equals correlate() over the whole list (no join counted twice or missed)', async () => {
    const tpl = await seedSession(40);
    const store = createPanelStore();
    store.getState().loadSnapshot({ tabId: 1, pageUrl: null, preserveLog: false, attempts: tpl.slice(0, 10), stats: EMPTY_STATS, issuances: [], clock: null });
    correlationOf(store.getState().live.attempts);
    for (let i = 10; i < 40; i++) {
      const pending = { ...tpl[i]!, outcome: { kind: 'pending' } as Outcome };
      store.getState().upsertAttempts([pending]);
      expect(correlationOf(store.getState().live.attempts)).toEqual(correlate(correlationItems(store.getState().live.attempts)));
      store.getState().upsertAttempts([tpl[i]!]);
      expect(correlationOf(store.getState().live.attempts)).toEqual(correlate(correlationItems(store.getState().live.attempts)));
    }
  });
});
