import type { BrowserContext, Worker } from 'playwright-core';

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
