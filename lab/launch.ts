/**
 * Launches Chromium for the lab with the built extension loaded and DevTools opened for the lab
 * tab, and routes the browser's requests to Zoom hosts to the lab's stand-in (everything else
 * outside 127.0.0.1 is blocked: the lab needs no network).
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdir, rm } from 'node:fs/promises';
import type { LabServer } from './server';
import { liveExtensionWorker } from './extension-worker';

export interface LabBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  blocked: string[];
  close(): Promise<void>;
}

const isLoopback = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
const isZoom = (u: URL) => /(^|\.)zoom\.us$/.test(u.hostname);

export async function launchLabBrowser(opts: { executable: string; extensionDir: string; profileDir: string; headless: boolean; server: LabServer }): Promise<LabBrowser> {
  await rm(opts.profileDir, { recursive: true, force: true });
  await mkdir(opts.profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(opts.profileDir, {
    executablePath: opts.executable,
    headless: opts.headless,
    viewport: opts.headless ? { width: 1280, height: 800 } : null,
    args: [
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
      '--auto-open-devtools-for-tabs',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...(opts.headless ? ['--disable-gpu'] : []),
    ],
  });
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const req = route.request();
    let url: URL;
    try {
      url = new URL(req.url());
    } catch {
      return route.continue();
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || isLoopback(url)) return route.continue();
    if (!isZoom(url)) {
      blocked.push(req.url());
      return route.abort('blockedbyclient');
    }
    const a = opts.server.answerZoom({ method: req.method(), url: req.url(), postData: req.postData(), origin: req.headers().origin ?? null });
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...a.headers, 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' } });
    return route.fulfill({ status: a.status, headers: a.headers, body: a.body });
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    blocked,
    worker: () => liveExtensionWorker(context, extensionId),
    close: () => context.close(),
  };
}
