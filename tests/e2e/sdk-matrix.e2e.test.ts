/**
 * Every SDK line users still run, in one Chromium: @zoom/meetingsdk 6.2.0 (XHR POST wc/info),
 * 5.1.4 and 3.13.2 and @zoomus/websdk 2.18.3 (JSONP wc/info), each in the client view and the
 * component view loaded by <script> tag, plus the client view bundled by Vite from npm for 6.2.0
 * and 5.1.4 (the page holds the module's own reference: wire capture only). Every cell joins with
 * a token issued 300 s in the future; the page must get the SDK's own 3712, the background must
 * store it as a 3712 failure, and the panel must lead with iat-future.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import path from 'node:path';
import {
  buildModulePage,
  clientViewPage,
  componentViewPage,
  extensionTest,
  openPanelAsTab,
  repoRoot,
  sampleSignature,
  tmpDir,
  waitFor,
  type SdkLine,
} from './harness';

const IAT_AHEAD_S = 300;
const dist = (pkg: string) => path.join(repoRoot, 'node_modules', pkg, 'dist');

// 2.18.3's package ships its client view as zoom-meeting-2.18.2.min.js.
const LINES: Array<SdkLine & { pkg: string; cv: string }> = [
  { pkg: '@zoom/meetingsdk', prefix: '', version: '6.2.0', cv: '6.2.0' },
  { pkg: 'zoom-sdk-5', prefix: '/v5', version: '5.1.4', cv: '5.1.4' },
  { pkg: 'zoom-sdk-3', prefix: '/v3', version: '3.13.2', cv: '3.13.2' },
  { pkg: 'zoom-sdk-2', prefix: '/v2', version: '2.18.2', cv: '2.18.' },
];

interface Cell { name: string; path: string; sdkVersion: string; api: string; method: string; transport: 'post' | 'jsonp'; extra?: Record<string, unknown> }
const cells: Cell[] = [];
for (const l of LINES) {
  const transport = l.version.startsWith('6.') ? 'post' : 'jsonp';
  // 2.x and 3.x take the SDK key as a join argument beside the signature (4003 without it).
  const extra = /^[23]\./.test(l.version) ? { sdkKey: 'e2eAppKey' } : undefined;
  cells.push({ name: `${l.version} client view, script tag`, path: `${l.prefix || '/v6'}/client.html`, sdkVersion: l.cv, api: 'client-view', method: 'ZoomMtg.join', transport, extra });
  cells.push({ name: `${l.version} component view, script tag`, path: `${l.prefix || '/v6'}/component.html`, sdkVersion: l.cv, api: 'component-view', method: 'client.join', transport, extra });
}
cells.push({ name: '6.2.0 client view, Vite bundle', path: '/module/index.html', sdkVersion: '6.2.0', api: 'wire', method: 'wc/info', transport: 'post' });
cells.push({ name: '5.1.4 client view, Vite bundle', path: '/module-5/index.html', sdkVersion: '5.1.4', api: 'wire', method: 'wc/info (JSONP)', transport: 'jsonp' });

/**
 * 2.x's client view opens a camera preview after join() and waits for the user's own "Join" click
 * (offline and headless: "Requested device not found", no request, no callback). Apps on 2.x that
 * join at once pass `disablePreview: true` to init; then the JSONP wc/info goes out as usual.
 */
function withoutPreview(html: string): string {
  const out = html.replace('patchJsMedia: true,', 'patchJsMedia: true, disablePreview: true,');
  if (out === html) throw new Error('client view page changed: cannot add disablePreview to its init');
  return out;
}

const started = Date.now();
const table: string[] = [];

const mounts: Record<string, string> = { '/module': tmpDir('e2e-pages', 'module'), '/module-5': tmpDir('e2e-pages', 'module-5') };
for (const l of LINES.filter((x) => x.prefix)) {
  mounts[`${l.prefix}/sdk`] = dist(l.pkg);
  mounts[`${l.prefix}/lib`] = path.join(dist(l.pkg), 'lib');
  mounts[`${l.prefix}/ui`] = path.join(dist(l.pkg), 'ui');
}

const it = extensionTest({
  name: 'sdk-matrix',
  mounts,
  serve: (s) => {
    for (const l of LINES) {
      s.setPage(`${l.prefix || '/v6'}/client.html`, l.version.startsWith('2.') ? withoutPreview(clientViewPage({ sdk: l })) : clientViewPage({ sdk: l }));
      s.setPage(`${l.prefix || '/v6'}/component.html`, componentViewPage({ sdk: l }));
    }
  },
});

// The 6.2.0 bundle comes from the e2e globalSetup; 5.1.4's is built here, from the aliased package.
beforeAll(() => buildModulePage(tmpDir('e2e-pages', 'module-5'), repoRoot, { pkg: 'zoom-sdk-5', prefix: '/v5' }), 300_000);

afterAll(() => {
  console.log(`SDK matrix (${Math.round((Date.now() - started) / 1000)} s):\n${table.join('\n')}`);
});

describe('every SDK line, every view, CDN and bundled: a future iat is a 3712 with iat-future', () => {
  for (const cell of cells) {
    it(cell.name, async ({ b, server, zoom }) => {
      const page = await b.context.newPage();
      await page.goto(server.url(cell.path), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 60_000 });
      const iat = Math.floor(Date.now() / 1000) + IAT_AHEAD_S;
      const token = sampleSignature({ iat, exp: iat + 7200, tokenExp: iat + 7200 });
      const before = zoom.requests.length;
      const seen = (await page.evaluate(([sig, extra]) => (window as any).joinNow(sig, extra), [token, cell.extra] as const)) as { ok: boolean; value: any };
      const pageCode = seen.value?.errorCode ?? null;
      if (pageCode !== 3712) table.push(`${cell.name}: page saw ${JSON.stringify(seen).slice(0, 300)}`);
      expect(seen.ok).toBe(false);
      expect(pageCode).toBe(3712);
      const sent = zoom.requests.slice(before);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.at(-1)!.jsonp).toBe(cell.transport === 'jsonp');

      const s = await waitFor(`the settled attempt for ${cell.path}`, async () => {
        const st = await b.tabState(cell.path);
        return st && st.attempts.length > 0 && st.attempts.every((a) => a.outcome.kind !== 'pending' && a.settledAt) ? st : null;
      });
      expect(s.attempts).toHaveLength(1);
      const a = s.attempts[0]!;
      expect(a).toMatchObject({ api: cell.api, method: cell.method, signature: token });
      expect(a.sdkVersion ?? '').toContain(cell.sdkVersion);
      expect(a.outcome).toMatchObject({ kind: 'failure', code: 3712 });

      const panel = await openPanelAsTab(b, s.tabId);
      const row = panel.locator('[data-testid="attempt-row"]').first();
      await waitFor('the row in the panel', () => row.count());
      const finding = await waitFor('its top finding', () => row.locator('[data-testid="top-finding"]').getAttribute('data-rule-id'));
      table.push(`${cell.name.padEnd(36)} page ${pageCode}  captured ${a.outcome.kind === 'failure' ? a.outcome.code : '-'} (${a.api}, ${a.sdkVersion})  panel ${await row.getAttribute('data-code')} ${finding}`);
      expect(await row.getAttribute('data-code')).toBe('3712');
      expect(finding).toBe('iat-future');
      await panel.close();
      await page.close();
    });
  }

  it('needed nothing from outside: every non-loopback request was wc/info', ({ zoom }) => {
    expect(zoom.blocked.filter((u) => /zoom\.us/.test(u) && !/\.(css|woff2?|png|svg|mp3)(\?|$)/.test(u))).toEqual([]);
  });
});

describe('say only what was seen: Zoom accepting the signature is not a successful join', () => {
  const accepted = { status: true, errorCode: 0, result: { mid: 'e2e' } };
  const outcomeCell = (row: import('playwright-core').Locator) => row.locator('div[class^="o-"]').textContent();

  it('a bundled 6.2.0 page (wire only) whose wc/info answer says status:true reads "signature accepted by Zoom"', async ({ b, server, zoom }) => {
    zoom.answer = () => ({ body: accepted });
    try {
      const page = await b.context.newPage();
      await page.goto(server.url('/module/index.html?accepted'), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 60_000 });
      const seen = (await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature())) as { ok: boolean; value: any };
      // The real SDK does not join on a guessed answer: the page itself is told the join failed.
      expect(seen.ok).toBe(false);
      const s = await waitFor('the accepted wire attempt', async () => {
        const st = await b.tabState('/module/index.html?accepted');
        return st?.attempts[0]?.settledAt ? st : null;
      });
      expect(s.attempts[0]).toMatchObject({ api: 'wire', outcome: { kind: 'success', acceptedOnly: true } });
      const panel = await openPanelAsTab(b, s.tabId);
      const row = panel.locator('[data-testid="attempt-row"]').first();
      await waitFor('the row in the panel', () => row.count());
      expect(await outcomeCell(row)).toBe('signature accepted by Zoom');
      table.push(`6.2.0 Vite bundle, status:true answer: page ${JSON.stringify(seen.value).slice(0, 120)}; panel "${await outcomeCell(row)}"`);
      await panel.close();
      await page.close();
    } finally {
      zoom.answer = () => ({ body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } });
    }
  });

  it("the client view's own error callback after an accepted signature is shown as the failure", async ({ b, server, zoom }) => {
    zoom.answer = () => ({ body: accepted });
    try {
      const page = await b.context.newPage();
      await page.goto(server.url('/v6/client.html?accepted'), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 60_000 });
      const seen = (await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature())) as { ok: boolean; value: any };
      expect(seen.ok).toBe(false);
      const s = await waitFor('the settled client-view attempt', async () => {
        const st = await b.tabState('/v6/client.html?accepted');
        const a = st?.attempts[0];
        return a && a.outcome.kind === 'failure' ? st : null;
      });
      expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: seen.value.errorCode });
      table.push(`6.2.0 client view, status:true answer: page ${JSON.stringify(seen.value).slice(0, 120)}; captured ${JSON.stringify(s.attempts[0]!.outcome).slice(0, 120)}`);
      await page.close();
    } finally {
      zoom.answer = () => ({ body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } });
    }
  });
});
