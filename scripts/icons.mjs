#!/usr/bin/env node
/**
 * Renders icons/join-doctor.svg into the PNGs the stores and the browsers want (public/icon/16, 32,
 * 48 and 128 px; WXT puts them in the manifest) and the stores' 440×280 promotional tile
 * (icons/tile-440x280.png) with the same Chromium the tests use, and writes tmp/icons-preview.png:
 * each size on a light and a dark toolbar, at 1× and 2×, to look at before committing. Run it after
 * changing the SVG: `npm run icons`.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'icons/join-doctor.svg'), 'utf8');
const SIZES = [16, 32, 48, 128];
const executablePath = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const out = path.join(root, 'public/icon');
  mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: path.join(out, `${size}.png`), omitBackground: true });
    await page.close();
  }
  const tile = await browser.newPage({ viewport: { width: 440, height: 280 }, deviceScaleFactor: 1 });
  await tile.setContent(`<html><body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box;background:#f4faf8;font-family:'DejaVu Sans',Arial,sans-serif;color:#10302b">
    ${svg.replace('<svg ', '<svg width="112" height="112" style="flex:none" ')}
    <div><div style="font-size:34px;font-weight:700;letter-spacing:-0.5px">Join Doctor</div>
    <div style="font-size:18px;line-height:1.4;margin-top:10px;white-space:nowrap">Why did the Zoom SDK<br>join fail? The cause,<br>in your DevTools.</div></div></body></html>`);
  await tile.screenshot({ path: path.join(root, 'icons/tile-440x280.png') });
  await tile.close();
  // Chrome's toolbar: light #f1f3f4 / dark #35363a; icons drawn at 16 px (1×) or 32 px (2×).
  const src = Object.fromEntries(SIZES.map((s) => [s, `data:image/png;base64,${readFileSync(path.join(out, `${s}.png`)).toString('base64')}`]));
  const toolbar = (bg, scale) =>
    `<div style="background:${bg};padding:${8 * scale}px;display:flex;gap:${12 * scale}px;align-items:center">` +
    SIZES.map((s) => `<img src="${src[s]}" width="${s * scale}" height="${s * scale}" style="image-rendering:pixelated">`).join('') +
    `<img src="${src[16]}" width="16" height="16"><img src="${src[32]}" width="16" height="16"></div>`;
  const page = await browser.newPage({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0">${toolbar('#f1f3f4', 1)}${toolbar('#35363a', 1)}${toolbar('#f1f3f4', 2)}${toolbar('#35363a', 2)}</body></html>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'tmp/icons-preview.png'), fullPage: true });
  console.log(`wrote public/icon/{${SIZES.join(',')}}.png, icons/tile-440x280.png and tmp/icons-preview.png`);
} finally {
  await browser.close();
}
