/**
 * One lab session in a launched browser: open the lab page, optionally run N joins against one
 * endpoint, wait until the extension has captured and settled them, then read what it stored
 * and write the Markdown report (lib/report, the renderer the panel's export uses) and a
 * screenshot of the panel's Correlation view.
 */
import { previousJoins } from '../lib/capture/previous-join';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { isSettled, type JoinAttempt } from '../lib/model/attempt';
import { analyseAttempt } from '../lib/attempt-context';
import { buildExport } from '../lib/report/build';
import { renderMarkdown } from '../lib/report/markdown';
import type { JoinDoctorExport } from '../lib/report/schema';
import { JoinDoctorError } from '../lib/errors';
import type { LabBrowser } from './launch';
import type { LabServer } from './server';
import { SCENARIOS, type ScenarioName } from './scenarios';

export type LabView = 'simulated' | 'component' | 'client';

export interface PageJoinResult {
  ok: boolean;
  value: unknown;
}

export async function openLabPage(b: LabBrowser, server: LabServer, scenario?: ScenarioName): Promise<Page> {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  // The page loads the real SDK (several MB of script): on a loaded machine "load" can take longer
  // than Playwright's 30 s default, so wait for the lab's own entry point instead.
  await page.goto(`${server.origin}/${scenario ? `?scenario=${scenario}` : ''}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.waitForFunction(() => typeof (window as any).labRun === 'function' && typeof (window as any).ZoomMtgEmbedded !== 'undefined', undefined, { timeout: 90_000 });
  return page;
}

/**
 * Runs joins in the lab page. A time-sampling scenario (java-round) spreads them evenly over
 * `spreadMs` of real time, so N joins sample every phase of Java's 128 s step as joins spread over
 * a day would, on the real clock that the page, the endpoint and the Zoom stand-in share.
 */
export async function runJoins(page: Page, scenario: ScenarioName, joins: number, view: LabView, spreadMs = 128_000): Promise<PageJoinResult[]> {
  const spread = SCENARIOS[scenario].sampleOverTime === true ? spreadMs : 0;
  return (await page.evaluate(([s, n, v, ms]) => (window as any).labRun(s, n, v, ms), [scenario, joins, view, spread] as const)) as PageJoinResult[];
}

interface StoredTab {
  tabId: number;
  pageUrl: string | null;
  attempts: JoinAttempt[];
}

/** The extension's stored capture for the lab tab (storage.session, read in its worker). */
export async function capturedAttempts(b: LabBrowser, origin: string): Promise<StoredTab | null> {
  const w = await b.worker();
  const all = (await w.evaluate(() => (globalThis as any).chrome.storage.session.get(null))) as Record<string, unknown>;
  for (const v of Object.values(all)) {
    const s = v as Partial<StoredTab> | null;
    if (s && typeof s.pageUrl === 'string' && s.pageUrl.startsWith(origin) && Array.isArray(s.attempts) && typeof s.tabId === 'number') return s as StoredTab;
  }
  return null;
}

/** Waits until at least `n` attempts are captured and none is pending. */
export async function waitForSettled(b: LabBrowser, origin: string, n: number, timeoutMs = 60_000): Promise<StoredTab> {
  const deadline = Date.now() + timeoutMs;
  let last: StoredTab | null = null;
  while (Date.now() < deadline) {
    last = await capturedAttempts(b, origin).catch(() => null);
    if (last && last.attempts.length >= n && last.attempts.every(isSettled)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new JoinDoctorError('ERR_PROBE_FAILED', `the extension captured ${last?.attempts.length ?? 0} settled joins of ${n} within ${timeoutMs / 1000} s`, {
    pending: last?.attempts.filter((a) => a.outcome.kind === 'pending').length ?? 0,
  });
}

export function labExport(attempts: readonly JoinAttempt[], pageUrl: string | null): JoinDoctorExport {
  let host: string | null = null;
  try {
    host = pageUrl ? new URL(pageUrl).host : null;
  } catch {
    host = null;
  }
  return buildExport(analyseAll(attempts), { source: 'lab', pageHost: host });
}

/** Each attempt with the analysis the panel and the report give it (the join before it in the session included). */
export function analyseAll(attempts: readonly JoinAttempt[]): Array<{ attempt: JoinAttempt; analysis: ReturnType<typeof analyseAttempt> }> {
  const prev = previousJoins(attempts);
  return attempts.map((attempt) => ({ attempt, analysis: analyseAttempt(attempt, { previous: prev.get(attempt) ?? null }) }));
}

/** Opens the panel page for the lab tab, shows the Correlation view and screenshots it. */
export async function screenshotPanel(b: LabBrowser, tabId: number, file: string, view: 'correlation' | 'log' = 'correlation'): Promise<Page> {
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width: 1280, height: 900 });
  await panel.goto(`chrome-extension://${b.extensionId}/devtools-panel.html?tabId=${tabId}`);
  await panel.waitForSelector('[data-testid="attempt-count"]', { timeout: 30_000 });
  await panel.waitForFunction(() => Number(document.querySelector('[data-testid="attempt-count"]')?.textContent ?? '0') > 0, undefined, { timeout: 30_000 });
  if (view === 'correlation') {
    const tab = panel.locator('[data-testid="tab-correlation"]');
    if (await tab.count()) await tab.click();
  }
  await panel.waitForTimeout(800);
  await mkdir(path.dirname(file), { recursive: true });
  await panel.screenshot({ path: file, fullPage: true });
  return panel;
}

export async function writeReport(dir: string, exp: JoinDoctorExport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'report.md');
  await writeFile(file, renderMarkdown(exp));
  return file;
}
