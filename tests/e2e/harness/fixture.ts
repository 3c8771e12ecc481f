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
 * `labTest(name)` is the same for the lab's own server and browser (lab.e2e, session-secret).
 *
 * The routing is installed with the browser, before any test navigates, whether or not a test
 * asks for `zoom`: nothing outside loopback is ever reached.
 */
import { test as base } from 'vitest';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { extensionDir, tmpDir } from './paths';
import { findChromium } from '../../../lab/find-chromium';
import { launchLabBrowser } from '../../../lab/launch';
import { startLabServer } from '../../../lab/server';
import { startPageServer, type PageServer } from './page-server';
import { routeZoom, type ZoomStandIn } from './zoom-route';

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
}

export function extensionTest(setup: ExtensionTestSetup) {
  return base
    .extend('server', { scope: 'file' }, async ({}, { onCleanup }) => {
      const server = await startPageServer({ mounts: setup.mounts });
      onCleanup(() => server.close());
      setup.serve?.(server);
      return server;
    })
    .extend('launched', { scope: 'file' }, async ({}, { onCleanup }) => {
      const b: ExtensionBrowser = await launchWithExtension({ name: setup.name, devtools: setup.devtools, extension: setup.extension?.() });
      onCleanup(() => b.close());
      const zoom = setup.route === false ? null : await (setup.route ?? ((c) => routeZoom(c)))(b.context);
      return { b, zoom };
    })
    .extend('b', { scope: 'file' }, ({ launched }) => launched.b)
    .extend('zoom', { scope: 'file' }, ({ launched }): ZoomStandIn => {
      if (!launched.zoom) throw new Error(`${setup.name}: this file routes no Zoom hosts (route: false)`);
      return launched.zoom;
    })
    .extend('plain', { scope: 'file' }, async ({}, { onCleanup }): Promise<PlainBrowser> => {
      const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: PLAIN_ARGS });
      onCleanup(() => browser.close());
      const context = await browser.newContext();
      // The SDK pages are heavy (13 MB bundles) and the machine is shared: as patient as the extension's context.
      context.setDefaultNavigationTimeout(90_000);
      context.setDefaultTimeout(60_000);
      if (setup.route !== false) await (setup.route ?? ((c) => routeZoom(c)))(context);
      return { browser, context };
    });
}

/** Chromium without the extension: no background traffic, so both browsers see only the test's pages. */
const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface PlainBrowser {
  browser: Browser;
  context: BrowserContext;
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
