/**
 * The one end-to-end fixture: a page server, Chromium with the extension, and Zoom's hosts routed,
 * set up once per test file (vitest `scope: 'file'`, on first use) and closed after its last test.
 *
 *   const test = extensionTest({ name: 'client-view', serve: (s) => s.setPage('/client.html', clientViewPage()) });
 *   test('…', async ({ b, server, zoom }) => { … });
 *   test.beforeAll(async ({ b, server }) => { … });   // file-scoped fixtures reach beforeAll too
 *
 * `plain` (on first use) is a second Chromium without the extension, Zoom's hosts routed the same
 * way, for a file that compares what a page sees with and without it (transparency).
 *
 * Zoom's CDN and hosts, when a file needs more than wc/info:
 *   extensionTest({ …, cdn: { dateOffsetMs, age } })   // `cdn`: source.zoom.us routed with a CDN hit's Date and Age
 *   extensionTest({ …, zoomHosts: { cdnDateOffsetMs } }) // `hosts`: a local HTTPS stand-in reached through
 *                                                     // Chromium's resolver, no routing, so the HTTP cache works
 * Two `extensionTest`s in one file are two browsers (zoom-clock: routed CDN, then real cache).
 *
 * `labTest(name)` is the same for the lab's own server and browser (lab.e2e, session-secret).
 * `webTest(setup)` is the triage page (`npm run build:web`) served as a static folder, with `plain`.
 *
 * The routing is installed with the browser, before any test navigates, whether or not a test
 * asks for `zoom`: nothing outside loopback is ever reached (with `zoomHosts`, Zoom's names
 * resolve to loopback instead).
 */
import { test as base } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { extensionDir, tmpDir } from './paths';
import { findChromium } from '../../../lab/find-chromium';
import { launchLabBrowser } from '../../../lab/launch';
import { startLabServer } from '../../../lab/server';
import { serveWeb } from '../../../scripts/serve-web.mjs';
import { startPageServer, type PageServer } from './page-server';
import { routeZoom, type ZoomStandIn } from './zoom-route';
import { routeZoomCdn, startZoomHosts, zoomHostArgs, type CdnStandIn, type ZoomHosts } from './zoom-cdn';
import { buildWebPage, webFiles } from './triage-web';

export interface ExtensionTestSetup {
  /** The profile folder under tmp/e2e-profiles. */
  name: string;
  /** Opens DevTools for every tab, so the real panel can be shown. */
  devtools?: boolean;
  /** Another unpacked build than the globalSetup's (called once, before the browser starts). */
  extension?: () => string;
  /** Extra folders the page server mounts (beside the SDK's /sdk, /lib, /ui). */
  mounts?: Record<string, string>;
  /** The file's pages and handlers. */
  serve?: (server: PageServer) => void;
  /**
   * How Zoom's hosts are answered; default routeZoom (every wc/info join: 3712). `false` installs
   * no routing at all (a file whose requests must reach loopback exactly as without Playwright).
   */
  route?: ((context: BrowserContext) => Promise<ZoomStandIn>) | false;
  /** Zoom's CDN as a CDN hit answers it (routed after wc/info, so it wins for source.zoom.us): the `cdn` fixture. */
  cdn?: { dateOffsetMs: number; age: number };
  /**
   * Zoom's hosts answered by a local HTTPS stand-in (startZoomHosts) that Chromium reaches through
   * its own resolver, started before the browser: the `hosts` fixture. No routing is installed
   * (routing turns Chromium's HTTP cache off, and the cache is what such a file tests).
   */
  zoomHosts?: { cdnDateOffsetMs: number };
  /** Extra Chromium switches (e.g. --enable-unsafe-extension-debugging for CDP Extensions.triggerAction). */
  args?: string[];
}

export function extensionTest(setup: ExtensionTestSetup) {
  const route = setup.zoomHosts ? false : (setup.route ?? ((c: BrowserContext) => routeZoom(c)));
  return base
    .extend('server', { scope: 'file' }, async ({}, { onCleanup }) => {
      const server = await startPageServer({ mounts: setup.mounts });
      onCleanup(() => server.close());
      setup.serve?.(server);
      return server;
    })
    .extend('zoomHosts', { scope: 'file' }, async ({}, { onCleanup }): Promise<ZoomHosts | null> => {
      if (!setup.zoomHosts) return null;
      const hosts = await startZoomHosts(setup.zoomHosts);
      onCleanup(() => hosts.close());
      return hosts;
    })
    .extend('launched', { scope: 'file' }, async ({ zoomHosts }, { onCleanup }) => {
      const args = [...(setup.args ?? []), ...(zoomHosts ? zoomHostArgs(zoomHosts) : [])];
      const b: ExtensionBrowser = await launchWithExtension({ name: setup.name, devtools: setup.devtools, extension: setup.extension?.(), args });
      onCleanup(() => b.close());
      const zoom = route === false ? null : await route(b.context);
      const cdn = setup.cdn && route !== false ? await routeZoomCdn(b.context, setup.cdn) : null;
      return { b, zoom, cdn };
    })
    .extend('b', { scope: 'file' }, ({ launched }) => launched.b)
    .extend('zoom', { scope: 'file' }, ({ launched }): ZoomStandIn => {
      if (!launched.zoom) throw new Error(`${setup.name}: this file routes no Zoom hosts (route: false or zoomHosts)`);
      return launched.zoom;
    })
    .extend('cdn', { scope: 'file' }, ({ launched }): CdnStandIn => {
      if (!launched.cdn) throw new Error(`${setup.name}: this file routes no Zoom CDN (set cdn, with routing on)`);
      return launched.cdn;
    })
    .extend('hosts', { scope: 'file' }, ({ zoomHosts }): ZoomHosts => {
      if (!zoomHosts) throw new Error(`${setup.name}: this file starts no Zoom host stand-in (set zoomHosts)`);
      return zoomHosts;
    })
    .extend('plain', { scope: 'file' }, async ({}, { onCleanup }): Promise<PlainBrowser> => {
      const plain = await launchPlain();
      onCleanup(() => plain.browser.close());
      if (route !== false) await route(plain.context);
      return plain;
    });
}

/** Chromium without the extension: no background traffic, so both browsers see only the test's pages. */
const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface PlainBrowser {
  browser: Browser;
  context: BrowserContext;
}

async function launchPlain(contextOptions: BrowserContextOptions = {}): Promise<PlainBrowser> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: PLAIN_ARGS });
  const context = await browser.newContext(contextOptions);
  // The SDK pages are heavy (13 MB bundles) and the machine is shared: as patient as the extension's context.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(60_000);
  return { browser, context };
}

export interface WebTestSetup {
  /** The build's folder under tmp/ (its own, so parallel files never share one). */
  name: string;
  /** false: served without the page's CSP and COOP/COEP headers, a plain static host (serveWeb's isolated option). */
  isolated?: boolean;
  /** The plain browser's context (viewport…); downloads are accepted. */
  context?: BrowserContextOptions;
}

/** The triage page as built and served: its folder, every file in it, and the origin it is served from. */
export interface TriageWeb {
  dir: string;
  files: Set<string>;
  origin: string;
}

/**
 * The triage page (`npm run build:web`, tmp/<name>) served on loopback by scripts/serve-web.mjs,
 * and `plain`, Chromium without the extension and without any routing: what a support engineer
 * opens. The build takes a while: warm `web` up in a `beforeAll` (hook timeout) rather than in a test.
 */
export function webTest(setup: WebTestSetup) {
  return base
    .extend('web', { scope: 'file' }, async ({}, { onCleanup }): Promise<TriageWeb> => {
      const dir = await buildWebPage(setup.name);
      const server = await serveWeb(dir, 0, { isolated: setup.isolated !== false });
      onCleanup(() => server.close());
      return { dir, files: await webFiles(dir), origin: server.origin };
    })
    .extend('plain', { scope: 'file' }, async ({}, { onCleanup }): Promise<PlainBrowser> => {
      const plain = await launchPlain({ acceptDownloads: true, ...setup.context });
      onCleanup(() => plain.browser.close());
      return plain;
    });
}

/**
 * The same fixture around the lab itself: the lab server (page, endpoints, Zoom's judges) and
 * Chromium launched the way `npm run lab` launches it, with the e2e build and its own profile.
 */
export function labTest(name: string) {
  return base
    .extend('server', { scope: 'file' }, async ({}, { onCleanup }) => {
      const server = await startLabServer();
      onCleanup(() => server.close());
      return server;
    })
    .extend('b', { scope: 'file' }, async ({ server }, { onCleanup }) => {
      const b = await launchLabBrowser({ executable: findChromium(), extensionDir: extensionDir(), profileDir: tmpDir('e2e-profiles', name), headless: true, server });
      onCleanup(() => b.close());
      return b;
    });
}
