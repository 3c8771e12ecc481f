/**
 * The panel's Reproduce tab in real Chromium against a local Java-style signature endpoint
 * (iat = Math.round(long) through a float, so quantised to 128 s): enter the URL, ask for 20,
 * confirm, read the rule rates and the iat − server time distribution; then cancel a long run.
 *
 * A headless run cannot click the host-permission prompt, so this file builds its own extension
 * (tmp/e2e-ext-reproduce) with http://127.0.0.1/* granted at install (JOIN_DOCTOR_E2E_GRANT_LOOPBACK,
 * read by wxt.config.ts): the panel then finds the origin granted and never prompts. The endpoint
 * sends no CORS headers, so a fetch only succeeds through the extension's host permission, and
 * the Date header (not CORS-safelisted) is only readable that way too.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { javaRoundIat } from '../../lab/scenarios';
import { buildExtension } from '../../lab/build-extension';
import { extensionDir, extensionTest, MEETING_NUMBER, openPanelAsTab, signJwt, tmpDir, waitFor } from './harness';

let panel: Page;
let extDir: string;
const issued: number[] = [];

function answerJavaSignature(res: ServerResponse) {
  const iat = javaRoundIat(Date.now());
  issued.push(iat);
  const exp = iat + 7200;
  const signature = signJwt({ sdkKey: 'e2eAppKey', appKey: 'e2eAppKey', mn: MEETING_NUMBER, role: 0, iat, exp, tokenExp: exp });
  res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
  res.end(JSON.stringify({ signature, sdkKey: 'e2eAppKey' }));
}

const it = extensionTest({
  name: 'reproduce',
  extension: () => {
    process.env.JOIN_DOCTOR_E2E_GRANT_LOOPBACK = '1';
    try {
      return (extDir = buildExtension(tmpDir('e2e-ext-reproduce')));
    } finally {
      delete process.env.JOIN_DOCTOR_E2E_GRANT_LOOPBACK;
    }
  },
  serve: (s) => {
    s.setPage('/app.html', '<!doctype html><html><head><meta charset="utf-8"><title>app</title></head><body>app</body></html>');
    s.setHandler('/api/java/signature', (_req, res) => answerJavaSignature(res));
    // Slow enough that a 200-signature run is still going when Cancel is clicked.
    s.setHandler('/api/java/slow', (_req, res) => void setTimeout(() => answerJavaSignature(res), 300));
  },
  // The panel's own fetches to the loopback endpoint must not pass through Playwright's routing.
  route: false,
});

it.beforeAll(async ({ b, server }) => {
  const app = b.context.pages()[0] ?? (await b.context.newPage());
  await app.goto(server.url('/app.html'));
  const w = await b.worker();
  // The app is the only tab so far; no url filter, which would itself need the host permission.
  const tabId = await waitFor('the app tab id', () =>
    w.evaluate(async () => ((await (globalThis as any).chrome.tabs.query({ active: true })) as Array<{ id: number }>)[0]?.id),
  );
  panel = await openPanelAsTab(b, tabId);
  await panel.locator('[data-testid="tab-reproduce"]').click();
  await panel.locator('[data-testid="reproduce-view"]').waitFor();
});

async function startRun(url: string, n: number) {
  await panel.locator('[data-testid="reproduce-url"]').fill(url);
  await panel.locator('[data-testid="reproduce-count"]').fill(String(n));
  await panel.locator('[data-testid="reproduce-start"]').click();
  const confirm = panel.locator('[data-testid="reproduce-confirm"]');
  expect(await confirm.textContent()).toContain(`Send ${n} POST requests to ${url}`);
  await panel.locator('[data-testid="reproduce-confirm-yes"]').click();
}

describe('Reproduce tab against a Java Math.round(long) backend', () => {
  it('only the test build holds the loopback host permission; the default manifest asks for none', () => {
    const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    const defaultManifest = JSON.parse(readFileSync(path.join(extensionDir(), 'manifest.json'), 'utf8'));
    expect(defaultManifest.host_permissions).toBeUndefined();
  });

  it('20 signatures from a backend quantising iat to 128 s show iat-quantized at 100% and the iat − server time spread', async ({ server }) => {
    const url = server.url('/api/java/signature');
    const before = server.requests.filter((p) => p === '/api/java/signature').length;
    await startRun(url, 20);
    const result = panel.locator('[data-testid="reproduce-result"]');
    const message = panel.locator('[data-testid="reproduce-message"]');
    // A refused permission shows a message and no result: fail on it at once, with its text.
    await result.or(message).first().waitFor({ timeout: 60_000 });
    expect(await message.count(), (await message.allTextContents()).join(' ')).toBe(0);
    expect(server.requests.filter((p) => p === '/api/java/signature').length - before).toBe(20);

    expect(await result.locator('.section-title').textContent()).toBe('20 signatures');
    const quantized = result.locator('[data-testid="reproduce-rules"] tr[data-rule-id="iat-quantized"]');
    expect(await quantized.locator('td').allTextContents()).toEqual(['iat-quantized', '20', '100%']);

    // The endpoint's tokens were all a multiple of 128 and its Date header the reference, so
    // every offset lies in Java's window: 94 s in the past to 34 s in the future.
    expect(issued.length).toBeGreaterThanOrEqual(20);
    expect(issued.every((iat) => iat % 128 === 0)).toBe(true);
    const offsets = (await result.locator('[data-testid="reproduce-offsets"]').textContent()) ?? '';
    const m = /iat − server time: min (-?[\d.]+) s, median (-?[\d.]+) s, max (-?[\d.]+) s; (\d+)% in the future\./.exec(offsets);
    expect(m, offsets).not.toBeNull();
    const [min, median, max] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(min).toBeGreaterThanOrEqual(-95);
    expect(max).toBeLessThanOrEqual(35);
    expect(min <= median && median <= max).toBe(true);

    const bins = await result.locator('[data-testid="reproduce-histogram"] tr').evaluateAll((rows) =>
      rows.map((r) => Number(r.lastElementChild?.textContent?.trim())),
    );
    expect(bins.reduce((a, x) => a + x, 0)).toBe(20);

    // The Java pattern is named, with the back-date its Date headers imply.
    expect(await result.locator('[data-testid="reproduce-implied"]').textContent()).toContain('20 of 20 tokens have an iat that is a multiple of 128 s');

    await panel.setViewportSize({ width: 1100, height: 900 });
    await panel.screenshot({ path: path.join(tmpDir('screenshots'), 'reproduce.png'), fullPage: true });
  });

  it('Cancel mid-run stops sending and keeps the samples fetched so far', async ({ server }) => {
    const url = server.url('/api/java/slow');
    await startRun(url, 200);
    const progress = panel.locator('[data-testid="reproduce-progress"]');
    await waitFor('a few signatures fetched', async () => Number(/(\d+) of 200/.exec((await progress.textContent()) ?? '')?.[1] ?? 0) >= 4);
    await panel.locator('[data-testid="reproduce-cancel"]').click();

    await expect.poll(() => panel.locator('[data-testid="reproduce-message"]').textContent()).toContain('Cancelled');
    const sent = server.requests.filter((p) => p === '/api/java/slow').length;
    expect(sent).toBeGreaterThanOrEqual(4);
    expect(sent).toBeLessThan(200);
    const title = (await panel.locator('[data-testid="reproduce-result"] .section-title').textContent()) ?? '';
    const got = Number(/^(\d+) signatures?/.exec(title)?.[1]);
    expect(got).toBeGreaterThanOrEqual(4);
    expect(got).toBeLessThan(200);
    // Nothing more goes out after the cancel.
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.requests.filter((p) => p === '/api/java/slow').length).toBe(sent);
    expect(await panel.locator('[data-testid="reproduce-start"]').isEnabled()).toBe(true);
  });
});
