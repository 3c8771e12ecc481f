import type { SessionArea } from '../../../entrypoints/background/tab-store';

/** storage.session stand-in with a delay, so interleavings would show. */
export function memoryArea(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const tick = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  return {
    data,
    async get(k) {
      await tick();
      const keys = k === null ? Object.keys(data) : Array.isArray(k) ? k : [k];
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
