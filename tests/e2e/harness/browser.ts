/**
 * Launches Chromium (headless; lab/launch.ts's launchExtensionContext, findChromium's browser) with
 * the built extension, a fresh profile under tmp/e2e-profiles/<name>, and a CDP port for the
 * DevTools/worker plumbing.
 *
 *   const b = await launchWithExtension({ name: 'burst' });          // devtools: true opens DevTools for each tab
 *   const page = await b.context.newPage();
 *   const sw = await b.worker();                                       // current service worker (waits for a restart)
 *   const state = await b.tabState(pageUrlPart);                      // what the background stored for that tab
 *   await b.reconnectCdp();                                            // before openDevToolsPanel for a tab opened later
 *   await b.close();
 */
import { chromium, type BrowserContext, type Worker, type Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extensionDir, tmpDir } from './paths';
import type { TabState } from '../../../lib/capture/tab-state';
import { launchExtensionContext } from '../../../lab/launch';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  cdpPort: number;
  /** The extension's service worker; waits for a new one if it was stopped. */
  worker(): Promise<Worker>;
  /** A Playwright Browser connected over CDP to the same Chromium (for DevTools targets). */
  cdp(): Promise<Browser>;
  /**
   * Connects over CDP again and makes that connection the one `cdp()` returns: a connection lists
   * only the DevTools windows that were pages when it attached, so a tab opened later needs a new
   * one to find its DevTools. Earlier connections stay open (frames found through them keep
   * working) until `close()`.
   */
  reconnectCdp(): Promise<Browser>;
  /** Background's stored state for the tab whose page URL contains `urlPart`. */
  tabState(urlPart: string): Promise<(TabState & { tabId: number }) | null>;
  /**
   * Stops the extension's service worker (CDP Target.closeTarget) and waits until its target is
   * gone. Chrome restarts it on the next event. Playwright keeps the same Worker object across
   * the restart, so tests tell the new instance by a global they set in the old one.
   */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  name: string;
  devtools?: boolean;
  extension?: string;
  /** Extra Chromium switches (e.g. --host-resolver-rules for a local stand-in of Zoom's hosts). */
  args?: string[];
}

export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const profileDir = tmpDir('e2e-profiles', opts.name);
  const { context, extensionId, worker } = await launchExtensionContext({
    extensionDir: opts.extension ?? extensionDir(),
    profileDir,
    headless: true,
    devtools: opts.devtools,
    noSandbox: true,
    args: ['--remote-debugging-port=0', ...(opts.args ?? [])],
  });
  // The machine is shared and the SDK pages are heavy (13 MB bundles): be patient.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(60_000);
  const cdpPort = Number((await readFile(path.join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]);
  let cdpBrowser: Browser | null = null;
  const connections: Browser[] = [];
  const connect = async () => {
    const c = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
    connections.push(c);
    return c;
  };
  const cdp = async () => (cdpBrowser ??= await connect());

  return {
    context,
    extensionId,
    profileDir,
    cdpPort,
    worker,
    cdp,
    async reconnectCdp() {
      cdpBrowser = await connect();
      return cdpBrowser;
    },
    async tabState(urlPart) {
      const w = await worker();
      const all = (await w.evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, TabState>;
      const hit = Object.values(all).find((s) => s && typeof s.pageUrl === 'string' && s.pageUrl.includes(urlPart));
      return hit ? (hit as TabState & { tabId: number }) : null;
    },
    async stopWorker() {
      // Mark the running instance; a stopped-and-restarted worker has a fresh global.
      const w = await worker();
      await w.evaluate(() => ((globalThis as any).__joinDoctorE2eAlive = true));
      const b = await cdp();
      const session = await b.newBrowserCDPSession();
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (!target) throw new Error('extension service worker target not found');
      await session.send('Target.closeTarget', { targetId: target.targetId });
      await session.detach();
      // Stopped once the old instance is gone: either nothing answers yet, or a new instance
      // (Chrome restarts it at once when content scripts keep sending) answers without the mark.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const alive = await Promise.race([
          w.evaluate(() => (globalThis as any).__joinDoctorE2eAlive === true).catch(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
        ]);
        if (!alive) return;
        if (Date.now() > deadline) throw new Error('extension service worker did not stop');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      for (const c of connections) await c.close().catch(() => undefined);
      await context.close();
    },
  };
}
