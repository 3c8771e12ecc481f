/**
 * The extension service worker's JS heap, from CDP (Runtime.getHeapUsage after a forced garbage
 * collection) over the worker target's own DevTools socket: what the worker really keeps in memory.
 */
import WebSocket from 'ws';
import type { ExtensionBrowser } from './browser';

export async function workerHeapBytes(b: ExtensionBrowser): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${b.cdpPort}/json/list`)).json()) as Array<{ type: string; url: string; webSocketDebuggerUrl?: string }>;
  const sw = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${b.extensionId}/`));
  if (!sw?.webSocketDebuggerUrl) throw new Error('extension service worker target not found');
  const ws = new WebSocket(sw.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let id = 0;
  const send = (method: string, params: object = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        if (m.id !== mine) return;
        ws.off('message', onMessage);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result ?? {});
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    return (await send('Runtime.getHeapUsage')).usedSize as number;
  } finally {
    ws.close();
  }
}
