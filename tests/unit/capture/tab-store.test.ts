import { describe, expect, it } from 'vitest';
import { TabStore } from '../../../entrypoints/background/tab-store';
import { memoryArea } from './memory-area';
import { applyBatch } from '../../../lib/capture/merge';
import { GOOD, batch } from './fixtures';

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
