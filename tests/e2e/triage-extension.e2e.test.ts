/**
 * The installed extension's toolbar button opens the triage page (triage.html, the same code as
 * `npm run build:web`) in a new tab, where a HAR gets the same headline as `join-doctor har`:
 * an installed user triages a customer's file without opening DevTools on any tab. The click is
 * Chromium's own (CDP Extensions.triggerAction runs the action as a toolbar click does; it needs
 * --enable-unsafe-extension-debugging). In Firefox ESR the same page, opened from the installed
 * add-on, reads the HAR in its module worker under the add-on's CSP and the page's own.
 */
import { describe, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { rm } from 'node:fs/promises';
import { extensionTest } from './harness/fixture';
import { firefoxExtensionDir, repoRoot, tmpDir } from './harness/paths';
import { waitFor } from './harness/wait';
import { dropFile, pageVerdict } from './harness/triage-web';
import { readHarFile } from '../../lib/har/read-file';
import { diagnoseHar } from '../../lib/cli/commands/har';

const HAR = path.join(repoRoot, 'tests/unit/har/fixtures/client-3707.har');

// No Zoom routing: the triage page asks nothing of Zoom, and its requests are counted as the browser makes them.
const it = extensionTest({ name: 'triage-action', args: ['--enable-unsafe-extension-debugging'], route: false });

describe('the toolbar button', () => {
  it('opens the triage page as an extension page, and a dropped HAR gets the headline join-doctor har gives it', async ({ b }) => {
    const tab = await b.context.newPage();
    await tab.goto('about:blank');
    const session = await (await b.cdp()).newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: Array<{ targetId: string; type: string }> };
    const target = targetInfos.find((t) => t.type === 'tab');
    expect(target).toBeDefined();
    const opened = b.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`chrome-extension://${b.extensionId}/`) });
    await session.send('Extensions.triggerAction' as never, { id: b.extensionId, targetId: target!.targetId } as never);
    const page: Page = await opened;
    expect(page.url()).toBe(`chrome-extension://${b.extensionId}/triage.html`);
    await page.waitForSelector('[data-testid="triage-page"]');
    // The page's own CSP travels with it into the extension.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("connect-src 'none'");
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    await dropFile(page, 'client-3707.har', await readFile(HAR));
    await page.waitForFunction((n) => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n, 'client-3707.har');
    await page.click('[data-testid="tab-correlation"]');
    const seen = (await (await page.waitForFunction(pageVerdict, 'client-3707.har')).jsonValue())!;
    const cli = diagnoseHar(await readHarFile(HAR));
    expect(seen).toEqual({ file: 'client-3707.har', attempts: cli.items.length, headline: cli.correlation.headline, error: null });
    // Read by the page's worker, a file of the extension.
    expect(requests.filter((u) => !u.startsWith(`chrome-extension://${b.extensionId}/`))).toEqual([]);
    expect(requests.some((u) => /har\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    // No panel-only controls: nothing here talks to a background or sends requests.
    expect(await page.locator('[data-testid="tab-reproduce"]').count()).toBe(0);
    expect(await page.locator('[data-testid="source-live"]').count()).toBe(0);
  });
});

describe('the same page in the Firefox add-on', () => {
  const GECKO_ID = 'join-doctor@join-doctor.dev';
  const EXT_UUID = '3c1f0a52-7d8e-4b9a-8f61-2a4b6c8d0e1f';

  it('moz-extension://…/triage.html reads a dropped HAR in its worker to the headline join-doctor har gives it', async () => {
    const profile = tmpDir('e2e-profiles', 'firefox-triage-ext');
    await rm(profile, { recursive: true, force: true });
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
      protocolTimeout: 120_000,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }) },
    });
    try {
      expect(await browser.installExtension(firefoxExtensionDir())).toBe(GECKO_ID);
      const page = await browser.newPage();
      void page.goto(`moz-extension://${EXT_UUID}/triage.html`).catch(() => undefined); // never "finishes" for puppeteer: poll
      await waitFor('the triage page in the add-on', () => page.evaluate(() => document.querySelector('[data-testid="triage-page"]') !== null).catch(() => false), 60_000, 250);
      await dropFile(page, 'client-3707.har', await readFile(HAR));
      await waitFor('the HAR opened', () => page.evaluate((n) => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n || document.querySelector('[data-testid="import-har-error"]')?.textContent, 'client-3707.har'), 60_000, 250);
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="tab-correlation"]')!.click());
      const seen = await waitFor('its Correlation headline', () => page.evaluate(pageVerdict, 'client-3707.har'), 60_000, 250);
      const cli = diagnoseHar(await readHarFile(HAR));
      expect(seen).toEqual({ file: 'client-3707.har', attempts: cli.items.length, headline: cli.correlation.headline, error: null });
    } finally {
      await browser.close();
    }
  });
});
