/**
 * The background's store against a page that floods storage.session (issue 20 §1: one hostile
 * tab filled 10,476,192 of the 10,485,760 bytes and a second tab then kept 3–6 of its 50 joins;
 * the worker kept 26.8 MB in memory after its writes failed). A storage area with Chromium's
 * quota accounting stands in for storage.session; the budgets are scaled down so tests stay fast.
 */
import { describe, expect, it } from 'vitest';
import { TabStore, type SessionArea, type StoreBudgets } from '../../../entrypoints/background/tab-store';
import { applyBatch } from '../../../lib/capture/merge';
import { noteJoins } from '../../../lib/capture/session-links';
import { itemBytes } from '../../../lib/capture/storage-size';
import type { TabState } from '../../../lib/capture/tab-state';
import { GOOD, batch, clientError3712 } from './fixtures';

const BUDGETS: StoreBudgets = { tab: 200_000, links: 50_000, total: 500_000 };
const QUOTA_ERROR = 'Session storage quota bytes exceeded. Values were not stored.';

/** storage.session with its quota, counted as Chromium counts it; `failNext` fails the next set like a full store. */
function quotaArea(quota = 10_485_760) {
  const data: Record<string, unknown> = {};
  const ctl = { failNext: false, sets: 0 };
  const used = (d: Record<string, unknown>) => Object.entries(d).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  const area: SessionArea = {
    async get(k) {
      const keys = k === null ? Object.keys(data) : Array.isArray(k) ? k : [k];
      return Object.fromEntries(keys.filter((x) => x in data).map((x) => [x, structuredClone(data[x])]));
    },
    async set(items) {
      ctl.sets++;
      const next = { ...data, ...structuredClone(items) };
      if (ctl.failNext || used(next) > quota) {
        ctl.failNext = false;
        throw new Error(QUOTA_ERROR);
      }
      Object.assign(data, next);
    },
    async remove(k) {
      for (const x of Array.isArray(k) ? k : [k]) delete data[x];
    },
  };
  return { area, data, ctl, used: () => used(data) };
}

let n = 0;
/** One join (call + 3712) from the tab's page; `pad` makes its signature large like a flood's. */
const joinBatch = (pad = 0) => {
  const id = `doc:${++n}`;
  return batch([{ t: 'call', id, method: 'ZoomMtg.join', sig: GOOD + 'A'.repeat(pad), at: n }, { t: 'settle', id, ok: false, res: clientError3712, at: n + 1 }], { relayId: 'doc' });
};
const join = (store: TabStore, tabId: number, pad = 0) => store.update(tabId, (s) => ({ state: applyBatch(s, joinBatch(pad)).state, result: null }));
const stored = (data: Record<string, unknown>, tabId: number) => data[`tab:${tabId}`] as TabState;

describe('storage budgets against a page flooding its tab', () => {
  it('a flooding tab stays inside its budget, oldest joins dropped and counted; the quiet tab keeps all 50', async () => {
    const { area, data, used } = quotaArea();
    const store = new TabStore(area, BUDGETS);
    for (let i = 0; i < 50; i++) {
      await join(store, 2);
      await join(store, 1, 15_000);
      await join(store, 1, 15_000);
    }
    const flood = stored(data, 1);
    expect(itemBytes('tab:1', flood)).toBeLessThanOrEqual(BUDGETS.tab);
    expect(flood.dropped).toBeGreaterThan(50);
    expect(flood.dropped + flood.attempts.length).toBe(100);
    expect(stored(data, 2).attempts).toHaveLength(50);
    expect(stored(data, 2).dropped).toBe(0);
    expect(used()).toBeLessThanOrEqual(BUDGETS.total);
    expect(store.bytesInUse()).toBe(used());
  });

  it('several flooding tabs over the total: the largest gives way, the quiet tab loses nothing', async () => {
    const { area, data, used } = quotaArea();
    const store = new TabStore(area, BUDGETS);
    for (let i = 0; i < 10; i++) await join(store, 9);
    for (let i = 0; i < 20; i++) for (const tab of [1, 2, 3, 4]) await join(store, tab, 15_000);
    expect(used()).toBeLessThanOrEqual(BUDGETS.total);
    expect(stored(data, 9).attempts).toHaveLength(10);
    expect(stored(data, 9).dropped).toBe(0);
    for (const tab of [1, 2, 3, 4]) expect(stored(data, tab).dropped).toBeGreaterThan(0);
  });

  it('a restarted worker knows what every stored tab costs before its first write', async () => {
    const { area, data, used } = quotaArea();
    const before = new TabStore(area, BUDGETS);
    for (let i = 0; i < 12; i++) for (const tab of [1, 2, 3]) await join(before, tab, 15_000);
    const after = new TabStore(area, BUDGETS);
    for (let i = 0; i < 12; i++) await join(after, 4, 15_000);
    expect(used()).toBeLessThanOrEqual(BUDGETS.total);
    expect(stored(data, 4).attempts.length).toBeGreaterThan(0);
  });

  it('a write that storage refuses (quota) leaves the worker with exactly what storage holds', async () => {
    const { area, data, ctl } = quotaArea();
    const store = new TabStore(area, BUDGETS);
    await join(store, 1);
    ctl.failNext = true;
    await expect(join(store, 1)).rejects.toThrow(QUOTA_ERROR);
    // In memory as in storage: one join, not the refused second.
    expect((await store.read(1)).attempts.map((a) => a.id)).toEqual(stored(data, 1).attempts.map((a) => a.id));
    expect((await store.read(1)).attempts).toHaveLength(1);
    expect((await store.readAll()).tabs.find((t) => t.tabId === 1)!.attempts).toHaveLength(1);
    await join(store, 1);
    expect(stored(data, 1).attempts).toHaveLength(2);
  });

  it('a link-index write that fails is forgotten too; the index is read back from storage', async () => {
    const { area, ctl } = quotaArea();
    const store = new TabStore(area, BUDGETS);
    await join(store, 1);
    ctl.failNext = true;
    const write = store.session([1], (links, tabs) => ({ result: noteJoins(links, 1, tabs.get(1)!.attempts), touched: [] }));
    await expect(write).rejects.toThrow(QUOTA_ERROR);
    expect(Object.keys((await store.readAll()).links.tokens)).toHaveLength(0);
  });

  it('the session link index is kept inside its own budget, oldest tokens first', async () => {
    const { area, data } = quotaArea();
    const store = new TabStore(area, { ...BUDGETS, links: 20_000 });
    const many = Array.from({ length: 400 }, (_, i) => ({ signature: `${GOOD}${i}` }));
    await store.session([], (links) => ({ result: noteJoins(links, 1, many as never), touched: [] }));
    expect(itemBytes('links', data.links)).toBeLessThanOrEqual(20_000);
    const kept = (data.links as { order: string[] }).order;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(400);
  });

  it('a closed tab leaves the link index with its joins', async () => {
    const { area, data } = quotaArea();
    const store = new TabStore(area, BUDGETS);
    await join(store, 1);
    await store.session([1], (links, tabs) => ({ result: noteJoins(links, 1, tabs.get(1)!.attempts), touched: [] }));
    expect(Object.keys((data.links as { tokens: object }).tokens)).toHaveLength(1);
    await store.remove(1);
    expect(data['tab:1']).toBeUndefined();
    expect(Object.keys((data.links as { tokens: object }).tokens)).toHaveLength(0);
    expect(store.bytesInUse()).toBe(itemBytes('links', data.links));
  });
});
