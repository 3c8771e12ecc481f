/**
 * The panel's join log renders only the rows in view (and starts scrolled to the newest, as the
 * Network panel does). A test that wants a row of a long session (the lab's 100 Java joins and
 * more) scrolls the log the way a person would: from the top down, a screen at a time, until
 * `found` says the row it wants is rendered.
 */
import type { Page } from 'playwright-core';

export async function scrollLogUntil(panel: Page, found: () => Promise<boolean>): Promise<boolean> {
  if (await found()) return true;
  const log = panel.locator('[data-testid="join-log"]');
  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 200; i++) {
    // React renders the rows of the new scroll position on the scroll event: give it a frame.
    await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (await found()) return true;
    const atEnd = await log.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += Math.max(1, el.clientHeight - 40);
      return el.scrollTop === before;
    });
    if (atEnd) return false;
  }
  return false;
}
