/**
 * Launches Chromium with the built extension: `launchExtensionContext` for the lab and the browser
 * tests (tests/e2e/harness/browser.ts), and `launchLabBrowser`, which opens DevTools for the lab
 * tab and routes the browser's requests to Zoom hosts to the lab's stand-in (everything else
 * outside 127.0.0.1 is blocked: the lab needs no network).
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdir, rm } from 'node:fs/promises';
import type { LabServer } from './server';
import { liveExtensionWorker } from './extension-worker';
import { findChromium } from './find-chromium';
import { routeOffline } from './offline-route';
import { routeMeetingServer } from './meeting-server-stand-in';

export interface LabBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  blocked: string[];
  close(): Promise<void>;
}

/** A persistent Chromium context with the unpacked extension loaded and its id known. */
export interface ExtensionContext {
  context: BrowserContext;
  extensionId: string;
  /** The extension's live service worker (woken if MV3 stopped it). */
  worker(): Promise<Worker>;
}

export interface ExtensionLaunchOptions {
  extensionDir: string;
  /** Emptied first: every launch starts from a fresh profile. */
  profileDir: string;
  headless: boolean;
  /** Default: findChromium() ($CHROMIUM_PATH, Debian's /usr/bin/chromium, …). */
  executable?: string;
  /** Opens DevTools for every tab (--auto-open-devtools-for-tabs): the panel can then be shown. */
  devtools?: boolean;
  /** Always --no-sandbox (otherwise only when running as root, where Chromium refuses the sandbox). */
  noSandbox?: boolean;
  /** Playwright's viewport; left to Playwright's default when undefined. */
  viewport?: { width: number; height: number } | null;
  /** Extra Chromium switches. */
  args?: readonly string[];
}

/**
 * The one launcher: Chromium with the extension and the switches a machine without network
 * needs (no first-run, no background or component traffic, no QUIC).
 */
export async function launchExtensionContext(opts: ExtensionLaunchOptions): Promise<ExtensionContext> {
  await rm(opts.profileDir, { recursive: true, force: true });
  await mkdir(opts.profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(opts.profileDir, {
    executablePath: opts.executable ?? findChromium(),
    headless: opts.headless,
    ...(opts.viewport !== undefined ? { viewport: opts.viewport } : {}),
    args: [
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
      ...(opts.devtools ? ['--auto-open-devtools-for-tabs'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(opts.noSandbox || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...(opts.headless ? ['--disable-gpu'] : []),
      ...(opts.args ?? []),
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(sw.url()).host;
  return { context, extensionId, worker: () => liveExtensionWorker(context, extensionId) };
}

const isZoom = (u: URL) => /(^|\.)zoom\.us$/.test(u.hostname);

export async function launchLabBrowser(opts: { executable: string; extensionDir: string; profileDir: string; headless: boolean; server: LabServer }): Promise<LabBrowser> {
  const { context, extensionId, worker } = await launchExtensionContext({
    executable: opts.executable,
    extensionDir: opts.extensionDir,
    profileDir: opts.profileDir,
    headless: opts.headless,
    devtools: true,
    viewport: opts.headless ? { width: 1280, height: 800 } : null,
  });
  const blocked: string[] = [];
  await routeOffline(context, isZoom, async (route, req) => {
    // The page that asked: a join scenario's page gets its scenario's answer (the Referer of a
    // cross-origin XHR carries the origin only, so ask the frame).
    let pageUrl: string | null = null;
    try {
      pageUrl = req.frame().url();
    } catch {
      pageUrl = null; // a worker's request has no frame
    }
    const a = opts.server.answerZoom({ method: req.method(), url: req.url(), postData: req.postData(), origin: req.headers().origin ?? null, pageUrl });
    if (a.action === 'abort') return route.abort('failed');
    if (a.action === 'hang') return;
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...a.headers, 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' } });
    return route.fulfill({ status: a.status, headers: a.headers, body: a.body });
  }, blocked);
  // After routeOffline (Playwright matches the newest route first): the RWC ping and the meeting
  // server's WebSocket of joins the stand-in accepted; each join carries its own result.
  await routeMeetingServer(context, { result: 'silent' });
  return { context, extensionId, blocked, worker, close: () => context.close() };
}
