/**
 * The triage page (issue 22) in real Chromium: built with `npm run build:web`, served by
 * scripts/serve-web.mjs on loopback, used as a support engineer uses it. Each recorded HAR fixture
 * dropped on it gets the headline `join-doctor har` gives the same file (the CLI's own functions
 * run here); exports, a Join Doctor export and a pasted token open; the secret stays in memory;
 * a 30 MB HAR shows its progress and cancels. Screenshots (550 and 1400 px, light and dark) go to
 * tmp/triage-screens/. The request-recording tests (Chromium and Firefox) are in
 * triage-requests.e2e.test.ts, the toolbar page in triage-extension.e2e.test.ts.
 */
import { describe, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readHarFile } from '../../lib/har/read-file';
import { diagnoseHar } from '../../lib/cli/commands/har';
import { isJoinDoctorError } from '../../lib/errors';
import { parseExport, serializeExport } from '../../lib/report';
import { generateBenchHar } from '../bench/har-generate';
import { dropFile, pageVerdict } from './harness/triage-web';
import { repoRoot, tmpDir } from './harness/paths';
import { signJwt } from './harness/signatures';
import { webTest, type TriageWeb } from './harness/fixture';
import { readHar } from '../../lib/har';

const FIXTURES = path.join(repoRoot, 'tests/unit/har/fixtures');
const SCREENS = tmpDir('triage-screens');

const it = webTest({ name: 'e2e-web', context: { viewport: { width: 1400, height: 900 } } });

let context: BrowserContext;
let page: Page;
let server: TriageWeb;

// The build runs here, under the hook's timeout; every test then shares the page a person keeps open.
it.beforeAll(async ({ web, plain }) => {
  server = web;
  context = plain.context;
  page = await context.newPage();
  await page.goto(server.origin + '/');
  await page.waitForSelector('[data-testid="triage-page"]');
}, 180_000);

/** What `join-doctor har FILE` says about a file: its headline and attempts, or the error it stops with. */
async function cliVerdict(file: string): Promise<{ attempts: number; headline: string | null; error: string | null }> {
  try {
    const exp = diagnoseHar(await readHarFile(file));
    return { attempts: exp.items.length, headline: exp.correlation.headline, error: null };
  } catch (e) {
    if (!isJoinDoctorError(e)) throw e;
    return { attempts: 0, headline: null, error: e.message };
  }
}

/** Drops a file on the page (from the log view, so Correlation is computed afresh) and reads its Correlation verdict. */
async function openAndJudge(p: Page, name: string, content: string | Buffer) {
  await p.click('[data-testid="tab-log"]');
  await dropFile(p, name, content);
  await p.waitForFunction(
    (n) => document.querySelector('[data-testid="import-har-error"]') || document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n,
    name,
    { timeout: 60_000 },
  );
  await p.click('[data-testid="tab-correlation"]');
  const handle = await p.waitForFunction(pageVerdict, name, { timeout: 60_000 });
  return (await handle.jsonValue())!;
}

describe('the triage page, served as a static folder', () => {
  it("each recorded HAR fixture dropped on the page gets the headline `join-doctor har` gives it (one engine, not a second opinion)", async () => {
    const names = (await readdir(FIXTURES)).filter((f) => f.endsWith('.har')).sort();
    expect(names.length).toBeGreaterThanOrEqual(10);
    const rows: string[] = [];
    for (const name of names) {
      const file = path.join(FIXTURES, name);
      const cli = await cliVerdict(file);
      const seen = await openAndJudge(page, name, await readFile(file));
      rows.push(`${name}: ${cli.error ?? `${cli.attempts} attempt(s), ${cli.headline}`}`);
      if (cli.error) {
        expect(seen.error, name).toContain(cli.error);
        continue;
      }
      expect(seen.error, name).toBeNull();
      expect(seen.attempts, name).toBe(cli.attempts);
      // A file without joins shows the empty Correlation; the CLI then says "No failed joins."
      if (cli.attempts === 0) expect(seen.headline, name).toBeNull();
      else expect(seen.headline, name).toBe(cli.headline);
    }
    console.log(`triage page = join-doctor har on ${names.length} fixtures:\n  ${rows.join('\n  ')}`);
  });

  it('the exports a support engineer downloads are the panel\'s four, redacted, with the same headline', async () => {
    const file = path.join(FIXTURES, 'client-3712.har');
    const cli = await cliVerdict(file);
    await openAndJudge(page, 'client-3712.har', await readFile(file));
    const token = (await readFile(file, 'utf8')).match(/eyJ[\w-]+\.eyJ[\w-]+\.([\w-]{20,})/)!;
    const texts: Record<string, string> = {};
    for (const f of ['json', 'markdown', 'html', 'csv'] as const) {
      if (!(await page.locator('[data-testid="export-dialog"]').isVisible())) await page.click('[data-testid="export-button"]');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="export-${f}"]`)]);
      const saved = tmpDir('e2e-web-downloads', download.suggestedFilename());
      await download.saveAs(saved);
      texts[f] = await readFile(saved, 'utf8');
      // Redacted by default: the token's HMAC segment is in no export.
      expect(texts[f], f).not.toContain(token[1]);
    }
    expect(parseExport(texts.json!).correlation.headline).toBe(cli.headline);
    expect(texts.markdown).toContain(cli.headline!);
    expect(texts.html).toMatch(/^<!doctype html>/i);
    expect(texts.csv!.split('\r\n').length).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
  });

  it('a Join Doctor export (from `join-doctor har --json`) opens with the headline it was written with', async () => {
    const file = path.join(FIXTURES, 'java-endpoint.har');
    const exp = diagnoseHar(await readHarFile(file));
    const seen = await openAndJudge(page, 'java-endpoint.export.json', serializeExport(exp));
    expect(seen.error).toBeNull();
    expect(seen.attempts).toBe(exp.items.length);
    expect(seen.headline).toBe(exp.correlation.headline);
    expect(await page.locator('[data-testid="source-imported"] .imported-tag').textContent()).toBe('export');
  });

  it('a pasted token with the wrong meeting number says so, and the secret verifies in memory only (no storage of any kind)', async () => {
    const iat = Math.floor(Date.now() / 1000) - 30;
    const token = signJwt({ appKey: 'pasteKey', sdkKey: 'pasteKey', mn: '111222333', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 }, 'paste-secret');
    await page.click('[data-testid="tab-log"]');
    await page.click('[data-testid="paste-toggle"]');
    await page.fill('[data-testid="paste-token"]', `${token}\n`);
    await page.fill('[data-testid="paste-meeting"]', '999888777');
    await page.fill('[data-testid="paste-sdk-key"]', 'pasteKey');
    await page.click('[data-testid="paste-check"]');
    await page.waitForSelector('[data-testid="token-inspector"][data-attempt-id="token-1"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="source-imported"] .imported-tag').textContent()).toBe('token');
    await page.waitForFunction(() => /mn-mismatch/.test(document.body.textContent ?? ''), undefined, { timeout: 30_000 });
    // The form is emptied once read: the token is a credential.
    expect(await page.locator('[data-testid="token-form"]').count()).toBe(0);

    const secretInput = page.locator('[data-testid="secret-input"]').first();
    await secretInput.fill('paste-secret');
    await page.locator('[data-testid="verify-button"]').first().click();
    await page.waitForSelector('[data-testid="verification-result"][data-verifies="true"]', { timeout: 30_000 });
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      cookies: document.cookie,
      secretInDom: document.documentElement.outerHTML.includes('paste-secret'),
    }));
    expect(stored).toEqual({ local: 0, session: 0, idb: 0, caches: 0, cookies: '', secretInDom: false });
    await page.locator('[data-testid="forget-secret"]').first().click();
  });

  it('a 30 MB HAR shows its progress while a worker reads it, and Cancel stops it with nothing half-read shown', async () => {
    const big = tmpDir('e2e-web-big', 'joins-2000-30mb.har');
    await generateBenchHar(big, 2000, 30 * 1024 * 1024);
    await page.click('[data-testid="tab-log"]');
    const before = await page.locator('[data-testid="source-imported"] .file-name').textContent();
    await page.setInputFiles('[data-testid="open-file-input"]', big);
    await page.waitForSelector('[data-testid="reading-progress"]');
    // Read the count and press Cancel in the page's own task as soon as progress shows: a click sent
    // from here after a wait can land after a fast worker has read all 31 MB (seen under load).
    const count = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const started = Date.now();
          const tick = () => {
            const bar = document.querySelector<HTMLProgressElement>('[data-testid="reading-bar"]');
            if (bar && Number(bar.value) > 0) {
              const text = document.querySelector('[data-testid="reading-count"]')?.textContent ?? '';
              document.querySelector<HTMLButtonElement>('[data-testid="reading-cancel"]')!.click();
              resolve(text);
            } else if (Date.now() - started > 60_000) reject(new Error('no reading progress within 60 s'));
            else setTimeout(tick, 0);
          };
          tick();
        }),
    );
    expect(count).toMatch(/^[\d.]+ of 31 MB$/);
    await page.waitForSelector('[data-testid="reading-progress"]', { state: 'detached' });
    expect(await page.locator('[data-testid="import-har-error"]').count()).toBe(0);
    expect(await page.locator('[data-testid="source-imported"] .file-name').textContent()).toBe(before);

    // Read to the end, the same file gives the CLI's headline.
    const cli = await cliVerdict(big);
    await page.click('[data-testid="tab-log"]');
    await page.setInputFiles('[data-testid="open-file-input"]', big);
    await page.waitForFunction((n) => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n, 'joins-2000-30mb.har', { timeout: 120_000 });
    await page.click('[data-testid="tab-correlation"]');
    const seen = (await (await page.waitForFunction(pageVerdict, 'joins-2000-30mb.har', { timeout: 120_000 })).jsonValue())!;
    expect(seen).toEqual({ file: 'joins-2000-30mb.har', attempts: cli.attempts, headline: cli.headline, error: null });
    await rm(big, { force: true });
  }, 300_000);

  it('Sanitize HAR saves a copy without the token\'s HMAC that the page and the CLI diagnose as the original', async () => {
    const file = path.join(FIXTURES, 'java-endpoint.har');
    const original = await readFile(file, 'utf8');
    const hmacs = [...original.matchAll(/eyJ[\w-]+\.eyJ[\w-]+\.([\w-]{20,})/g)].map((m) => m[1]!);
    expect(hmacs.length).toBeGreaterThan(0);
    await page.click('[data-testid="tab-log"]');
    await page.setInputFiles('[data-testid="open-file-input"]', file);
    await page.waitForFunction(() => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === 'java-endpoint.har');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="sanitize-har"]')]);
    expect(download.suggestedFilename()).toBe('java-endpoint.sanitized.har');
    const saved = tmpDir('e2e-web-downloads', download.suggestedFilename());
    await download.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    for (const h of hmacs) expect(text).not.toContain(h);
    expect(await page.locator('[data-testid="sanitize-result"]').textContent()).toMatch(/^Saved java-endpoint\.sanitized\.har: \d+ values? removed/);
    const before = diagnoseHar(await readHar(original)).correlation.headline;
    expect(diagnoseHar(await readHar(text)).correlation.headline).toBe(before);
    const seen = await openAndJudge(page, 'java-endpoint.sanitized.har', text);
    expect(seen.headline).toBe(before);
  });

  it('works offline once loaded: the network goes away, a HAR still opens', async () => {
    const p = await context.newPage();
    await p.goto(server.origin + '/');
    await p.waitForSelector('[data-testid="triage-page"]');
    // Let the page start its HAR worker while the network is there.
    await p.waitForTimeout(500);
    await context.setOffline(true);
    try {
      const file = path.join(FIXTURES, 'component-3712.har');
      const cli = await cliVerdict(file);
      const seen = await openAndJudge(p, 'component-3712.har', await readFile(file));
      expect(seen.headline).toBe(cli.headline);
    } finally {
      await context.setOffline(false);
      await p.close();
    }
  });
});

describe('the triage page at 550 and 1400 px, light and dark', () => {
  it('screenshots of the empty page, the token form, a HAR in the log with its inspector, and Correlation', async () => {
    await mkdir(SCREENS, { recursive: true });
    const har = await readFile(path.join(FIXTURES, 'java-endpoint.har'));
    const written: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [550, 1400]) {
        const p = await context.newPage();
        await p.setViewportSize({ width, height: 900 });
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(server.origin + '/');
        await p.waitForSelector('[data-testid="empty-log"]');
        expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        const shot = async (scene: string) => {
          const out = path.join(SCREENS, `triage-${width}-${scheme}-${scene}.png`);
          await p.screenshot({ path: out });
          written.push(out);
        };
        await shot('empty');
        await p.click('[data-testid="paste-toggle"]');
        await shot('paste');
        await p.click('[data-testid="paste-toggle"]');
        await dropFile(p, 'java-endpoint.har', har);
        await p.waitForSelector('[data-testid="attempt-row"]');
        await p.locator('[data-testid="attempt-row"]').first().click();
        await p.waitForTimeout(300);
        await shot('log');
        await p.click('[data-testid="tab-correlation"]');
        await p.waitForSelector('[data-testid="cause-headline"]');
        await shot('correlation');
        // Nothing scrolls sideways at either width.
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await p.close();
      }
    }
    console.log(`triage screenshots:\n  ${written.join('\n  ')}`);
    await writeFile(path.join(SCREENS, 'README.txt'), 'Written by tests/e2e/triage-page.e2e.test.ts\n');
  });
});
