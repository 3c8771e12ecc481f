/**
 * A headless lab run of one Video SDK scenario: the /video page joins N times with the real
 * @zoom/videosdk (one iframe each), then the extension's capture is read as for the Meeting SDK.
 */
import type { Page } from 'playwright-core';
import type { LabBrowser } from './launch';
import type { PageJoinResult } from './run';
import type { LabServer } from './server';
import type { VideoScenarioName } from './video-scenarios';

export async function openVideoLabPage(b: LabBrowser, server: LabServer, scenario?: VideoScenarioName): Promise<Page> {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await page.goto(`${server.origin}/video${scenario ? `?scenario=${scenario}` : ''}`);
  await page.waitForFunction(() => typeof (window as any).labVideoRun === 'function', undefined, { timeout: 60_000 });
  return page;
}

export async function runVideoJoins(page: Page, scenario: VideoScenarioName, joins: number): Promise<PageJoinResult[]> {
  return (await page.evaluate(([s, n]) => (window as any).labVideoRun(s, n), [scenario, joins] as const)) as PageJoinResult[];
}
