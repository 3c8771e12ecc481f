/**
 * Every text in the panel reads at WCAG AA (4.5:1) in both themes, measured where users meet it: in
 * real Chromium, from the computed styles of each element that holds text, against the background
 * it actually sits on (ancestors' backgrounds composited, translucent text blended). Light
 * `--fg-faint` (3.5–3.7:1), red on a selected row (3.7–3.8:1) and the error banner (4.05:1) failed
 * this before. States covered: a customer's HAR of the Java endpoint in the log with a failure
 * selected and the log focused, a refused import's error banner, the Correlation tab; plus the
 * keyboard: tabs move with arrow keys and every focused control shows a 2 px outline.
 */
import { describe, expect } from 'vitest';
import path from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { repoRoot, tmpDir } from './harness/paths';
import { labTest } from './harness/fixture';
import type { LabBrowser } from '../../lab/launch';

const HAR = path.join(repoRoot, 'tests/unit/har/fixtures/java-endpoint.har');
const OUT = tmpDir('panel-contrast');
let b: LabBrowser;

const it = labTest('contrast');

it.beforeAll(async ({ b: browser }) => {
  mkdirSync(OUT, { recursive: true });
  b = browser;
}, 300_000);

interface LowContrast {
  text: string;
  ratio: number;
  fg: string;
  bg: string;
  where: string;
}

/** Runs in the panel: every visible element with its own text, and its contrast ratio. */
function measureContrast(): LowContrast[] {
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
  };
  const over = (top: number[], under: number[]): number[] => {
    const a = top[3]!;
    return [top[0]! * a + under[0]! * (1 - a), top[1]! * a + under[1]! * (1 - a), top[2]! * a + under[2]! * (1 - a), 1];
  };
  const lum = (c: number[]) => {
    const ch = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  };
  const background = (el: Element | null): number[] => {
    const layers: number[][] = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3]! > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    let bg = [255, 255, 255, 1];
    if (layers.length === 0 || layers[layers.length - 1]![3]! < 1) bg = parse(getComputedStyle(document.body).backgroundColor);
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i]!, bg);
    return bg;
  };
  const out: LowContrast[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    if (!own) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') continue;
    // WCAG exempts inactive controls.
    if (el.closest(':disabled, [aria-disabled="true"]')) continue;
    const bg = background(el);
    const fg = over(parse(cs.color), bg);
    const l1 = lum(fg);
    const l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) {
      out.push({ text: (el.textContent ?? '').trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, fg: cs.color, bg: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, where: `${el.tagName.toLowerCase()}.${el.className}` });
    }
  }
  return out;
}

async function openPanel(theme: 'light' | 'dark', width = 1000): Promise<Page> {
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width, height: 760 });
  // No inspected tab: the panel says so in its error banner, one more text to measure.
  await panel.goto(`chrome-extension://${b.extensionId}/devtools-panel.html?tabId=2147483000`);
  await panel.locator('[data-testid="panel-app"]').waitFor();
  // DevTools auto-opened in this profile overrides media emulation: set what the theme detection sets.
  await panel.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  return panel;
}

describe('every text reads at 4.5:1 or more, light and dark', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: log with a failure selected and focused, the inspector, an import error, Correlation`, async () => {
      const panel = await openPanel(theme);
      const low: Array<LowContrast & { state: string }> = [];
      const check = async (state: string) => {
        await panel.waitForTimeout(150);
        for (const x of await panel.evaluate(measureContrast)) low.push({ ...x, state });
      };
      try {
        await panel.locator('[data-testid="import-har-file"]').setInputFiles(HAR);
        await panel.locator('[data-testid="source-imported"]').waitFor();
        const failed = panel.locator('[data-testid="attempt-row"][data-outcome="failure"]').first();
        await failed.dispatchEvent('mousedown');
        await failed.click();
        await panel.locator('[data-testid="join-log"]').focus();
        await check('log, failure selected and focused');
        await panel.screenshot({ path: path.join(OUT, `contrast-${theme}-log.png`) });
        await panel.locator('[data-testid="import-har-file"]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"a har"}') });
        await panel.locator('[data-testid="import-har-error"]').waitFor();
        await check('import error banner');
        await panel.screenshot({ path: path.join(OUT, `contrast-${theme}-error.png`) });
        await panel.locator('[data-testid="tab-correlation"]').click();
        await panel.locator('[data-testid="correlation-view"]').waitFor();
        await check('correlation');
        await panel.screenshot({ path: path.join(OUT, `contrast-${theme}-correlation.png`) });
      } finally {
        writeFileSync(path.join(OUT, `low-contrast-${theme}.json`), JSON.stringify(low, null, 1));
        await panel.close();
      }
      expect(low).toEqual([]);
    });
  }
});

describe('keyboard: tabs, the grid, visible focus', () => {
  it('arrow keys move between the tabs, each tab controls its tabpanel, and focus is a 2 px outline', async () => {
    const panel = await openPanel('light');
    try {
      await panel.locator('[data-testid="import-har-file"]').setInputFiles(HAR);
      await panel.locator('[data-testid="source-imported"]').waitFor();
      await panel.locator('[data-testid="tab-log"]').focus();
      await panel.keyboard.press('ArrowRight');
      expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-correlation');
      expect(await panel.locator('[role="tabpanel"]').getAttribute('aria-labelledby')).toBe('jd-tab-correlation');
      const outline = await panel.evaluate(() => {
        const cs = getComputedStyle(document.activeElement!);
        return { style: cs.outlineStyle, width: cs.outlineWidth };
      });
      expect(outline).toEqual({ style: 'solid', width: '2px' });
      await panel.keyboard.press('ArrowLeft');
      expect(await panel.locator('[role="tabpanel"]').getAttribute('aria-labelledby')).toBe('jd-tab-log');
      // The log is a grid: every cell sits under a column header.
      const grid = panel.locator('[role="grid"]');
      const headers = await grid.locator('[role="columnheader"]').count();
      const firstRowCells = await grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').count();
      expect(headers).toBeGreaterThan(2);
      expect(firstRowCells).toBe(headers);
      // Sorting from the keyboard: the Outcome header is a button.
      await panel.locator('[data-testid="sort-outcome"]').focus();
      await panel.keyboard.press('Enter');
      expect(await panel.locator('[role="columnheader"][data-column="outcome"]').getAttribute('aria-sort')).toBe('ascending');
    } finally {
      await panel.close();
    }
  });
});

describe('an imported HAR keeps the tab strip on one line, docked narrow', () => {
  for (const width of [550, 409]) {
    it(`${width} px: one line, and Live stays reachable beside the imported file`, async () => {
      const panel = await openPanel('light', width);
      try {
        await panel.locator('[data-testid="import-har-file"]').setInputFiles(HAR);
        await panel.locator('[data-testid="source-imported"]').waitFor();
        const tabs = await panel.locator('.tabs').boundingBox();
        expect(tabs!.height).toBeLessThan(30);
        // Import is on the toolbar itself, not under "»".
        expect(await panel.locator('[data-testid="import-har"]').isVisible()).toBe(true);
        await panel.screenshot({ path: path.join(OUT, `imported-${width}.png`) });
        await panel.locator('[data-testid="source-live"]').click({ timeout: 5000 });
        expect(await panel.locator('[data-testid="source-live"]').getAttribute('aria-pressed')).toBe('true');
      } finally {
        await panel.close();
      }
    });
  }
});
