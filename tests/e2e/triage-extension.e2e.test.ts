/**
 * The installed extension's toolbar button opens the triage page (triage.html, the same code as
 * `npm run build:web`) in a new tab, where a HAR gets the same headline as `join-doctor har`:
 * an installed user triages a customer's file without opening DevTools on any tab. The click is
 * Chromium's own (CDP Extensions.triggerAction runs the action as a toolbar click does; it needs
 * --enable-unsafe-extension-debugging).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { repoRoot } from './harness/paths';
import { dropFile, pageVerdict } from './harness/triage-web';
import { readHarFile } from '../../lib/har/read-file';
import { diagnoseHar } from '../../lib/cli/commands/har';

const HAR = path.join(repoRoot, 'tests/unit/har/fixtures/client-3707.har');

let b: ExtensionBrowser;

beforeAll(async () => {
  b = await launchWithExtension({ name: 'triage-action', args: ['--enable-unsafe-extension-debugging'] });
}, 180_000);

afterAll(async () => {
  await b?.close();
});

describe('the toolbar button', () => {
  it('opens the triage page as an extension page, and a dropped HAR gets the headline join-doctor har gives it', async () => {
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
