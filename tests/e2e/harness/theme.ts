import type { Page } from 'playwright-core';

/**
 * Shows the panel in the given theme and proves it: the browser profile that auto-opens DevTools
 * overrides `emulateMedia`, so a "dark" screenshot came out light (byte-identical to the light one)
 * and nobody saw the dark theme. Sets what the panel's theme detection sets (the DevTools theme
 * arrives as `data-theme`), emulates the OS preference too (the triage page and Firefox follow it),
 * and fails when the page's background does not have the theme's lightness.
 */
export async function showTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  const luminance = await page.evaluate(() => {
    const bg = getComputedStyle(document.body).backgroundColor;
    const [r, g, b] = (bg.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
  if (theme === 'dark' ? luminance > 0.35 : luminance < 0.65) {
    throw new Error(`showTheme: asked for ${theme}, the page's background has luminance ${luminance.toFixed(2)}`);
  }
}
