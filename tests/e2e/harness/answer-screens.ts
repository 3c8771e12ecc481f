/**
 * The answer at first sight (issue 21): the panel page opened for a lab tab at the docked (409,
 * 550 px) and undocked (1400 px) widths, light and dark, a row selected, its first screen taken and
 * checked. Used by answer-screens.e2e (its own small sessions) and lab.e2e (the Java screens, on
 * the lab's 100-join Java session, so the 128 s spread of Java joins runs once per `npm test`).
 *
 * Screenshots go to tmp/answer-screens/ (tests/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { LabBrowser } from '../../../lab/launch';
import { repoRoot, tmpDir } from './paths';
import { scrollLogUntil } from './panel-log';
import { showTheme } from './theme';

export const ANSWER_OUT = process.env.UPDATE_SCREENSHOTS ? path.join(repoRoot, 'tests/screenshots') : tmpDir('answer-screens');
const WIDTHS = [409, 550, 1400] as const;
const THEMES = ['light', 'dark'] as const;
export const ANSWER_HEIGHT = 760;

/** The browser and the lab tab whose capture the panel shows (read at call time: set by a test). */
export interface AnswerScreensOf {
  b: () => LabBrowser;
  tabId: () => number;
}

export function answerScreens(of: AnswerScreensOf) {
  mkdirSync(ANSWER_OUT, { recursive: true });

  async function openPanel(width: number, theme: 'light' | 'dark', atLeast: number): Promise<Page> {
    const b = of.b();
    const panel = await b.context.newPage();
    await panel.setViewportSize({ width, height: ANSWER_HEIGHT });
    await panel.goto(`chrome-extension://${b.extensionId}/devtools-panel.html?tabId=${of.tabId()}`);
    await showTheme(panel, theme);
    await panel.waitForFunction((n) => Number(document.querySelector('[data-testid="attempt-count"]')?.textContent ?? '0') >= n, atLeast, { timeout: 30_000 });
    return panel;
  }

  async function selectRow(panel: Page, selector: string): Promise<string> {
    const row = panel.locator(`[data-testid="attempt-row"]${selector}`).first();
    // A long session's row may be outside the rows the log renders: scroll to it.
    await panel.locator('[data-testid="join-log"]').waitFor({ timeout: 10_000 });
    await scrollLogUntil(panel, async () => (await row.count()) > 0);
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
          await panel.screenshot({ path: path.join(ANSWER_OUT, `${name}-${width}-${theme}.png`) });
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

  return { openPanel, selectRow, screens, clearLog };
}

/** The answer must be on the first screen: its top inside the viewport, above the findings. */
export async function answerAboveFindings(panel: Page): Promise<void> {
  const box = await panel.locator('[data-testid="answer"]').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + 20).toBeLessThan(ANSWER_HEIGHT);
  const findings = await panel.locator('[data-section="findings"]').boundingBox();
  if (findings) expect(box!.y).toBeLessThan(findings.y);
}
