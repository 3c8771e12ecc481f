/**
 * The answer at first sight (issue 21), in the real extension in real Chromium, on the lab's own
 * backends: the first screen a new user sees docked at 409 and 550 px and undocked (1400 px), light
 * and dark, for a backend with key and secret swapped, Java Math.round(long), a mixed session, and
 * a successful join followed (Preserve log) by a page whose wasm 404s. What each screen must say is
 * asserted: the verdict word follows the outcome, the cause and its fix sit above the findings, the
 * secret field is right there when the token looks valid, and the Java fix leads with Java.
 *
 * Screenshots go to tmp/answer-screens/ (tests/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extensionDir, repoRoot, tmpDir } from './harness/paths';
import { startLabServer, type LabServer } from '../../lab/server';
import { launchLabBrowser, type LabBrowser } from '../../lab/launch';
import { findChromium } from '../../lab/find-chromium';
import { capturedAttempts, openLabPage, runJoins, waitForSettled } from '../../lab/run';

const OUT = process.env.UPDATE_SCREENSHOTS ? path.join(repoRoot, 'tests/screenshots') : tmpDir('answer-screens');
const WIDTHS = [409, 550, 1400] as const;
const THEMES = ['light', 'dark'] as const;
const HEIGHT = 760;

let server: LabServer;
let b: LabBrowser;
let lab: Page;
let tabId: number;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startLabServer();
  b = await launchLabBrowser({ executable: findChromium(), extensionDir: extensionDir(), profileDir: tmpDir('e2e-profiles', 'answer-screens'), headless: true, server });
  lab = await openLabPage(b, server, 'swapped');
}, 300_000);

afterAll(async () => {
  await b?.close();
  await server?.close();
});

async function openPanel(width: number, theme: 'light' | 'dark', atLeast: number): Promise<Page> {
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width, height: HEIGHT });
  await panel.emulateMedia({ colorScheme: theme });
  await panel.goto(`chrome-extension://${b.extensionId}/devtools-panel.html?tabId=${tabId}`);
  await panel.waitForFunction((n) => Number(document.querySelector('[data-testid="attempt-count"]')?.textContent ?? '0') >= n, atLeast, { timeout: 30_000 });
  return panel;
}

async function selectRow(panel: Page, selector: string): Promise<string> {
  const row = panel.locator(`[data-testid="attempt-row"]${selector}`).first();
  await row.waitFor({ timeout: 10_000 });
  await row.dispatchEvent('mousedown');
  await row.click();
  const id = (await row.getAttribute('data-attempt-id'))!;
  await panel.locator(`[data-testid="token-inspector"][data-attempt-id="${id}"]`).waitFor();
  return id;
}

/** Takes the first screen at every width and theme after `prepare` selected what to show. */
async function screens(name: string, atLeast: number, prepare: (p: Page) => Promise<void>, check: (p: Page, width: number) => Promise<void>): Promise<void> {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const panel = await openPanel(width, theme, atLeast);
      try {
        await prepare(panel);
        await panel.waitForTimeout(300);
        await panel.screenshot({ path: path.join(OUT, `${name}-${width}-${theme}.png`) });
        await check(panel, width);
      } finally {
        await panel.close();
      }
    }
  }
}

async function clearLog(): Promise<void> {
  const panel = await openPanel(1400, 'light', 0);
  await panel.locator('[data-testid="clear-log"]').click();
  await panel.waitForFunction(() => document.querySelector('[data-testid="attempt-count"]')?.textContent === '0');
  await panel.close();
}

/** The answer must be on the first screen: its top inside the viewport, above the findings. */
async function answerAboveFindings(panel: Page): Promise<void> {
  const box = await panel.locator('[data-testid="answer"]').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + 20).toBeLessThan(HEIGHT);
  const findings = await panel.locator('[data-section="findings"]').boundingBox();
  if (findings) expect(box!.y).toBeLessThan(findings.y);
}

describe('the answer at first sight, docked and undocked, light and dark', () => {
  it('key and secret swapped: FAIL, "Token looks valid: check the secret", the secret field right there (answer-swapped-*.png)', async () => {
    await runJoins(lab, 'swapped', 2, 'simulated');
    tabId = (await waitForSettled(b, server.origin, 2, 60_000)).tabId;
    await screens('answer-swapped', 2, (p) => selectRow(p, '[data-code="3712"]').then(() => undefined), async (panel) => {
      const answer = panel.locator('[data-testid="answer"]');
      expect(await answer.getAttribute('data-verdict')).toBe('FAIL');
      expect(await answer.getAttribute('data-kind')).toBe('check-secret');
      expect(await panel.locator('[data-testid="answer-cause"]').textContent()).toBe('Token looks valid: check the secret');
      expect(await answer.locator('[data-testid="secret-input"]').isVisible()).toBe(true);
      await answerAboveFindings(panel);
      // The log row says the same cause.
      const row = panel.locator('[data-testid="attempt-row"][aria-selected="true"] [data-testid="top-finding"]');
      if (await row.count()) expect(await row.getAttribute('data-kind')).toBe('check-secret');
    });
  }, 300_000);

  it('Java Math.round in a mixed session: the cause names Java and the fix leads with the Java line (answer-java-*.png, answer-mixed-*.png)', async () => {
    await clearLog();
    let total = 0;
    for (const [scenario, n, spreadMs] of [['java-round', 12, 128_000], ['clock-ahead', 2, 0], ['swapped', 2, 0], ['good', 3, 0]] as const) {
      await runJoins(lab, scenario, n, 'simulated', spreadMs);
      total += n;
    }
    const st = await waitForSettled(b, server.origin, total, 90_000);
    tabId = st.tabId;
    const javaFailures = st.attempts.filter((a) => a.outcome.kind === 'failure' && /java/i.test(a.issuer?.url ?? ''));
    if (javaFailures.length === 0) throw new Error('no Java failure in 12 joins spread over 128 s: rerun');
    const javaId = javaFailures[0]!.id;
    await screens('answer-java', total, (p) => selectRow(p, `[data-attempt-id="${javaId}"]`).then(() => undefined), async (panel) => {
      const answer = panel.locator('[data-testid="answer"]');
      expect(await answer.getAttribute('data-verdict')).toBe('FAIL');
      expect(await panel.locator('[data-testid="answer-cause"]').textContent()).toMatch(/Java Math\.round/);
      expect(await answer.locator('[data-testid="answer-fix"]').getAttribute('data-lang')).toBe('java');
      expect(await answer.locator('[data-testid="fix-line"] code').first().textContent()).toContain('Math.round');
      await answerAboveFindings(panel);
    });
    await screens(
      'answer-mixed',
      total,
      async (p) => {
        await p.locator('[data-testid="tab-correlation"]').click();
        await p.locator('[data-testid="correlation-view"]').waitFor();
      },
      async (panel) => {
        expect(await panel.locator('[data-testid="cause-headline"]').textContent()).toMatch(/Java Math\.round/);
      },
    );
  }, 600_000);

  it('a successful join, then (Preserve log) a page whose wasm 404s: the success stays OK (answer-wasm404-after-success-*.png)', async () => {
    await clearLog();
    await runJoins(lab, 'good', 1, 'simulated');
    tabId = (await waitForSettled(b, server.origin, 1, 60_000)).tabId;
    const toggle = await openPanel(1400, 'light', 1);
    await toggle.locator('[data-testid="preserve-log"]').check();
    await toggle.waitForTimeout(300);
    await toggle.close();
    await lab.goto(`${server.origin}/join/wasm-404/client?lab=1`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await lab.waitForFunction(() => typeof (window as any).labJoin === 'function', undefined, { timeout: 90_000 });
    await lab.evaluate(() => void Promise.resolve().then(() => (window as any).labJoin()).catch(() => undefined));
    const deadline = Date.now() + 90_000;
    for (;;) {
      const st = await capturedAttempts(b, server.origin).catch(() => null);
      if (st && st.attempts.length >= 2 && st.attempts.every((a) => a.outcome.kind !== 'pending')) break;
      if (Date.now() > deadline) throw new Error(`the wasm-404 page's join did not settle: ${JSON.stringify(st?.attempts.map((a) => a.outcome))}`);
      await lab.waitForTimeout(500);
    }
    await lab.waitForTimeout(3000); // media files keep loading after the answer
    const st = (await capturedAttempts(b, server.origin))!;
    const success = st.attempts.find((a) => a.outcome.kind === 'success')!;
    await screens('answer-wasm404-after-success', 2, (p) => selectRow(p, `[data-attempt-id="${success.id}"]`).then(() => undefined), async (panel) => {
      expect(await panel.locator('[data-testid="answer"]').getAttribute('data-verdict')).toBe('OK');
      expect(await panel.locator('[data-testid="finding"][data-rule-id="asset-http-error"][data-severity="error"]').count()).toBe(0);
    });
  }, 400_000);
});
