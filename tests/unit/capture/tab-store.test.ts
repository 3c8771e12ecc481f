import { describe, expect, it } from 'vitest';
import { TabStore, type SessionArea } from '../../../entrypoints/background/tab-store';
import { applyBatch } from '../../../lib/capture/merge';
import { GOOD, batch } from './fixtures';

/** storage.session stand-in with a delay, so interleavings would show. */
function memoryArea(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const tick = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  return {
    data,
    async get(k) {
      await tick();
      const keys = Array.isArray(k) ? k : [k];
      return Object.fromEntries(keys.filter((x) => x in data).map((x) => [x, structuredClone(data[x])]));
    },
    async set(items) {
      await tick();
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
    async remove(k) {
      for (const x of Array.isArray(k) ? k : [k]) delete data[x];
    },
  };
}

describe('per-tab store in storage.session', () => {
  it('concurrent batches are applied one after another, none overwriting another', async () => {
    const area = memoryArea();
    const store = new TabStore(area);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update(3, (s) => ({ state: applyBatch(s, batch([{ t: 'call', id: `c:${i}`, method: 'ZoomMtg.join', sig: GOOD, at: i }], { relayId: `r${i}` })).state, result: null })),
      ),
    );
    expect((area.data['tab:3'] as { attempts: unknown[] }).attempts).toHaveLength(50);
  });

  it('a restarted worker (new store, empty cache) continues from what storage.session holds', async () => {
    const area = memoryArea();
    await new TabStore(area).update(3, (s) => ({ state: applyBatch(s, batch([{ t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: GOOD, at: 1 }])).state, result: null }));
    const after = new TabStore(area);
    await after.update(3, (s) => ({ state: applyBatch(s, batch([{ t: 'call', id: 'x:2', method: 'ZoomMtg.join', sig: GOOD, at: 2 }], { relayId: 'r2' })).state, result: null }));
    expect((await after.read(3)).attempts.map((a) => a.id)).toEqual(['x:1', 'x:2']);
  });

  it('a failing update does not block the ones after it', async () => {
    const store = new TabStore(memoryArea());
    const bad = store.update(1, () => {
      throw new Error('boom');
    });
    await expect(bad).rejects.toThrow('boom');
    await expect(store.update(1, (s) => ({ state: s, result: 'ok' }))).resolves.toBe('ok');
  });
});
