import type { BrowserContext, Worker } from 'playwright-core';
import { SETTLE_TIMEOUT_OVERRIDES_KEY } from '../lib/capture/settle-timer';

/**
 * The extension's live service worker. MV3 stops an idle worker and starts a new one on the next
 * event, so when none is alive we wake it by opening an extension page and wait for the new one.
 * Shared by the lab and the browser tests, which both reach the background through it.
 */
export async function liveExtensionWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const alive = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (alive.length) return alive[alive.length - 1]!;
  const waker = await context.newPage();
  const next = context.waitForEvent('serviceworker', { timeout: 20_000 });
  await waker.goto(`chrome-extension://${extensionId}/devtools-panel.html?tabId=-1`).catch(() => undefined);
  const worker = await next;
  await waker.close();
  return worker;
}

/**
 * Shortens (or, with `ms` null, restores) the relay's unsettled-join timeout for pages whose URL
 * contains `urlPart`, through storage.local, which pages cannot read (lib/capture/settle-timer.ts).
 * Read when each join starts.
 */
export async function setSettleTimeout(b: { worker(): Promise<Worker> }, urlPart: string, ms: number | null): Promise<void> {
  const w = await b.worker();
  await w.evaluate(
    async ([key, part, value]) => {
      const store = (globalThis as any).chrome.storage.local;
      const all = { ...((await store.get(key))[key] ?? {}) };
      if (value === null) delete all[part];
      else all[part] = value;
      await store.set({ [key]: all });
    },
    [SETTLE_TIMEOUT_OVERRIDES_KEY, urlPart, ms] as const,
  );
}
