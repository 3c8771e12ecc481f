/**
 * The triage page in browser tests: `npm run build:web` into tmp/<name> (its own
 * JOIN_DOCTOR_WEB_OUT_DIR, so parallel runs never share a folder), the list of files it holds,
 * and dropping a file onto the page as a person's drag from the file manager does (a DataTransfer
 * holding a File, dispatched as dragover then drop).
 *
 *   const dir = await buildWebPage('e2e-web');
 *   const server = await serveWeb(dir, 0);
 *   await dropFile(page, 'client-3712.har', await readFile(fixture));
 *   const headline = await correlationHeadline(page);
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { repoRoot, tmpDir } from './paths';

const run = promisify(execFile);

export async function buildWebPage(name: string): Promise<string> {
  const out = tmpDir(name);
  await run(path.join(repoRoot, 'node_modules/.bin/vite'), ['build', '--config', 'scripts/web.vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, JOIN_DOCTOR_WEB_OUT_DIR: path.relative(repoRoot, out) },
    maxBuffer: 16 * 1024 * 1024,
  });
  return out;
}

/** Every file of the build as a URL path ("/index.html", "/assets/har.worker-….js"). */
export async function webFiles(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.add('/' + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  }
  return out;
}

/** Runs in the page (Playwright's or puppeteer's evaluate): drops `b64` as a file named `name` onto `selector`. */
export function dropInPage({ name, b64, selector }: { name: string; b64: string; selector: string }): void {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], name, { type: 'application/json' }));
  const target = document.querySelector(selector);
  if (!target) throw new Error(`drop target ${selector} not found`);
  target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

/** A Playwright or a puppeteer page: both evaluate a function with one serialisable argument alike. */
export async function dropFile(page: PlaywrightPage | PuppeteerPage, name: string, content: string | Buffer, selector = '[data-testid="panel-app"]'): Promise<void> {
  await (page as PlaywrightPage).evaluate(dropInPage, { name, b64: Buffer.from(content).toString('base64'), selector });
}

/**
 * What the page shows after a file was opened, read in the page (Playwright's waitForFunction or
 * puppeteer's): the opened file's name with its attempt count and the Correlation headline, an
 * import error, or null while it is still reading or analysing.
 */
export function pageVerdict(fileName: string): { file: string; attempts: number; headline: string | null; error: string | null } | null {
  const error = document.querySelector('[data-testid="import-har-error"]')?.textContent ?? null;
  if (error) return { file: fileName, attempts: 0, headline: null, error };
  const opened = document.querySelector('[data-testid="source-imported"]');
  if (opened?.querySelector('.file-name')?.textContent !== fileName) return null;
  const n = Number(opened.querySelector('.source-n')?.textContent ?? 'NaN');
  if (document.querySelector('[data-testid="correlation-empty"]')) return { file: fileName, attempts: n, headline: null, error: null };
  const headline = document.querySelector('[data-testid="cause-headline"] b')?.textContent ?? null;
  return headline === null ? null : { file: fileName, attempts: n, headline, error: null };
}
