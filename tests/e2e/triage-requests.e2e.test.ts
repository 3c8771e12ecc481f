/**
 * "Nothing leaves the browser", proved in real Chromium and real Firefox ESR: every request the
 * triage page makes, from loading to analysing a HAR, opening the inspector and Correlation,
 * exporting, checking a pasted token with a secret and opening the rules page, is recorded, and
 * none goes anywhere but the page's own files. Served by a plain static server (no CSP header, no
 * COOP/COEP) so the page's own meta CSP is all that protects it, and it reports no violation:
 * nothing even tried. Also checks that the CSP is really in force (a fetch from the page fails).
 */
import { describe, expect } from 'vitest';
import puppeteer from 'puppeteer-core';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readHarFile } from '../../lib/har/read-file';
import { diagnoseHar } from '../../lib/cli/commands/har';
import { dropFile, pageVerdict } from './harness/triage-web';
import { repoRoot, tmpDir } from './harness/paths';
import { signJwt } from './harness/signatures';
import { webTest, type TriageWeb } from './harness/fixture';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const HAR = path.join(repoRoot, 'tests/unit/har/fixtures/java-endpoint.har');

// A plain static server: no CSP header, no COOP/COEP, so the page's own meta CSP is all there is.
const it = webTest({ name: 'e2e-web-requests', isolated: false, context: { viewport: { width: 1400, height: 900 } } });

let files: Set<string>;
let server: TriageWeb;
let expected: string;

// The build runs here, under the hook's timeout.
it.beforeAll(async ({ web }) => {
  server = web;
  files = web.files;
  expected = diagnoseHar(await readHarFile(HAR)).correlation.headline;
}, 180_000);

/** The same walk through the page in either browser, in the page's own JS (so it reads the same in both drivers). */
function exerciseScript(token: string): string {
  return `(async () => {
    const $ = (id) => document.querySelector('[data-testid="' + id + '"]');
    const until = async (f) => { for (let i = 0; i < 300; i++) { const v = f(); if (v) return v; await new Promise((r) => setTimeout(r, 100)); } throw new Error('timed out'); };
    const setValue = (el, v) => { const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype; Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v); el.dispatchEvent(new Event('input', { bubbles: true })); };
    // A row selects on mousedown, as the Network panel's do.
    (await until(() => document.querySelector('[data-testid="attempt-row"]'))).dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await until(() => $('token-inspector'));
    for (const f of ['json', 'markdown', 'html', 'csv']) {
      if (!$('export-dialog')) $('export-button').click();
      (await until(() => $('export-' + f))).click();
    }
    $('tab-log').click();
    $('paste-toggle').click();
    setValue(await until(() => $('paste-token')), ${JSON.stringify(token)});
    setValue($('paste-meeting'), '999888777');
    await until(() => !$('paste-check').disabled);
    $('paste-check').click();
    const secret = await until(() => $('secret-input'));
    setValue(secret, 'request-secret');
    await until(() => !$('verify-button').disabled);
    $('verify-button').click();
    await until(() => $('verification-result'));
    // The secret is for the whole session: forget it, so the HAR below is judged without it.
    $('forget-secret').click();
    $('tab-correlation').click();
    return true;
  })()`;
}

/** A fetch from inside the page: refused by connect-src 'none' (the CSP really applies). */
const TRY_FETCH = `fetch(location.origin + '/index.html').then(() => 'fetched', (e) => 'refused: ' + e.name)`;

function judge(requests: string[], origin: string): { foreign: string[]; unknown: string[] } {
  const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:' + origin) && !u.startsWith('data:'));
  const unknown = requests
    .filter((u) => u.startsWith(origin + '/'))
    .map((u) => new URL(u).pathname)
    .map((p) => (p === '/' ? '/index.html' : p))
    .filter((p) => !files.has(p));
  return { foreign, unknown };
}

/** For the log: each URL once, data: URLs (Firefox's own built-in fonts) cut short. */
const distinct = (requests: string[]) => [...new Set(requests.map((u) => (u.startsWith('data:') ? `${u.slice(0, 24)}…` : u.replace(server.origin, ''))))].join(' ');

/**
 * What both browsers must show at the end of the walk: no CSP violation, the CSP in force (a fetch
 * is refused), and every request one of the page's own files. Either driver's page evaluates alike.
 */
async function expectOnlyOwnFiles(browser: string, page: { evaluate(f: string | (() => unknown)): Promise<unknown> }, requests: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(await page.evaluate(TRY_FETCH)).toMatch(/^refused/);
  const { foreign, unknown } = judge(requests, server.origin);
  console.log(`${browser}: ${requests.length} requests, ${new Set(requests).size} distinct: ${distinct(requests)}`);
  expect(foreign).toEqual([]);
  expect(unknown).toEqual([]);
}

const token = () => {
  const iat = Math.floor(Date.now() / 1000) - 30;
  return signJwt({ appKey: 'reqKey', mn: '111222333', role: 0, iat, exp: iat + 7200 }, 'request-secret');
};

describe('the triage page sends nothing anywhere', () => {
  it('Chromium: every request while a HAR is analysed, exported and a token checked is one of the page\'s own files; no CSP violation', async ({ plain }) => {
    const { context } = plain;
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    // Service workers and workers' own requests count too: Playwright reports them on the context.
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await page.evaluate(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await dropFile(page, 'java-endpoint.har', await readFile(HAR));
    await page.evaluate(exerciseScript(token()));
    const seen = (await (await page.waitForFunction(pageVerdict, 'Pasted tokens', { timeout: 60_000 }).catch(() => null))?.jsonValue()) ?? null;
    expect(seen?.attempts).toBe(1);
    // Back to the HAR's verdict: the engine ran on it in this page.
    await page.click('[data-testid="tab-log"]');
    await dropFile(page, 'java-endpoint.har', await readFile(HAR));
    await page.waitForFunction((n) => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n, 'java-endpoint.har');
    await page.click('[data-testid="tab-correlation"]');
    const verdict = (await (await page.waitForFunction(pageVerdict, 'java-endpoint.har')).jsonValue())!;
    expect(verdict.headline).toBe(expected);
    // The rules page, linked from the page, is one of its files too.
    const [rules] = await Promise.all([context.waitForEvent('page'), page.click('[data-testid="panel-version"]')]);
    await rules.waitForLoadState('load');
    await expectOnlyOwnFiles('Chromium', page, requests);
    expect(requests.some((u) => /har\.worker-[\w-]+\.js$/.test(u))).toBe(true);
  });

  it('Firefox ESR: the same walk, the same verdict, and only the page\'s own files requested', async () => {
    const profile = tmpDir('e2e-profiles', 'firefox-triage');
    await rm(profile, { recursive: true, force: true });
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      protocolTimeout: 120_000,
      extraPrefsFirefox: {
        'browser.download.folderList': 2,
        'browser.download.dir': tmpDir('e2e-web-downloads-firefox'),
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
    try {
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(server.origin + '/', { waitUntil: 'load' });
      await page.waitForSelector('[data-testid="triage-page"]');
      await page.evaluate(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await dropFile(page, 'java-endpoint.har', await readFile(HAR));
      await page.evaluate(exerciseScript(token()));
      await page.click('[data-testid="tab-log"]');
      await dropFile(page, 'java-endpoint.har', await readFile(HAR));
      await page.waitForFunction((n: string) => document.querySelector('[data-testid="source-imported"] .file-name')?.textContent === n, { timeout: 60_000 }, 'java-endpoint.har');
      await page.click('[data-testid="tab-correlation"]');
      const verdict = await (await page.waitForFunction(pageVerdict, { timeout: 60_000 }, 'java-endpoint.har')).jsonValue();
      expect(verdict?.headline).toBe(expected);
      await expectOnlyOwnFiles('Firefox', page, requests);
    } finally {
      await browser.close();
    }
  });
});
