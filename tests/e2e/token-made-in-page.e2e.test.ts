/**
 * A page that signs its own token (Zoom's samples do, for development: the SDK secret in browser
 * code) used to read "the signature request happened before DevTools was open": with DevTools open
 * from the start, what was seen is that no response carried the token. Real @zoom/meetingsdk 6.2.0,
 * client view, DevTools open for the tab before the page loads; the page makes its token with
 * WebCrypto HMAC-SHA256 as Zoom's sample does with jsrsasign. Beside it, a page that fetches its
 * token from its backend keeps its endpoint.
 */
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { clientViewPage, extensionTest, MEETING_NUMBER, openPanelAsTab, sampleSignature, screenshotDir, waitFor, waitForDevToolsTarget, type ExtensionBrowser, type PageServer } from './harness';

/** Signs in the page, as the sample's generateSignature() does (secret and all in the browser). */
const SIGN_IN_PAGE = `<script>
window.signInPage = async () => {
  const enc = (o) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
  const iat = Math.round(Date.now() / 1000) - 30;
  const head = enc({ alg: 'HS256', typ: 'JWT' }) + '.' + enc({ appKey: 'e2eAppKey', sdkKey: 'e2eAppKey', mn: '${MEETING_NUMBER}', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 });
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('the-sdk-secret-in-the-page'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(head)));
  return head + '.' + btoa(String.fromCharCode(...mac)).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
};
</script>`;

const it = extensionTest({
  name: 'token-made-in-page',
  devtools: true,
  serve: (s) => {
    s.setPage('/made.html', clientViewPage({ head: SIGN_IN_PAGE }));
    s.setPage('/fetched.html', clientViewPage());
    s.setHandler('/api/signature', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
      res.end(JSON.stringify({ signature: sampleSignature() }));
    });
  },
});

/** The tab DevTools was opened for (--auto-open-devtools-for-tabs: the first one), once its DevTools is up. */
async function inspectedPage(b: ExtensionBrowser): Promise<Page> {
  const page = b.context.pages()[0] ?? (await b.context.newPage());
  await waitForDevToolsTarget(b);
  return page;
}

async function joinOn(b: ExtensionBrowser, server: PageServer, page: Page, p: string, token: () => Promise<string>) {
  await page.goto(server.url(p), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 90_000 });
  const sig = await token();
  await page.evaluate((s) => (window as any).joinNow(s), sig);
  return waitFor(`the settled join on ${p}`, async () => {
    const st = await b.tabState(p);
    const a = st?.attempts[0];
    return st && a && a.outcome.kind !== 'pending' ? st : null;
  }, 60_000);
}

describe('token made in the page (real SDK, DevTools open from the start)', () => {
  it('a page that fetches its token keeps its endpoint', { timeout: 180_000 }, async ({ b, server }) => {
    const page = await inspectedPage(b);
    await joinOn(b, server, page, '/fetched.html', () => page.evaluate(async () => (await (await fetch('/api/signature', { method: 'POST' })).json()).signature as string));
    const a = await waitFor('its issuer', async () => ((await b.tabState('/fetched.html'))?.attempts[0]?.issuer ? (await b.tabState('/fetched.html'))!.attempts[0] : null));
    expect(a.issuer?.url).toBe(server.url('/api/signature'));
  });

  it('a page that signs its token itself: Correlation says "made in the page" and that the secret ships to every visitor, not "before DevTools was open"', { timeout: 180_000 }, async ({ b, server }) => {
    const page = await inspectedPage(b);
    const st = await joinOn(b, server, page, '/made.html', () => page.evaluate(() => (window as any).signInPage() as Promise<string>));
    const a = st.attempts[0]!;
    expect(a.outcome).toMatchObject({ kind: 'failure', code: 3712 });
    expect(a.issuer ?? null).toBeNull();
    expect(a.pageWatchedFrom).toEqual(expect.any(Number));
    expect(a.pageWatchedFrom!).toBeLessThanOrEqual(a.calledAt);

    const panel = await openPanelAsTab(b, st.tabId);
    await panel.locator('[data-testid="tab-correlation"]').click();
    const table = panel.locator('[data-testid="endpoint-rates"]');
    await table.waitFor();
    const rows = await panel.locator('[data-testid="endpoint-rate"]').evaluateAll((r) => r.map((x) => x.getAttribute('data-endpoint')));
    expect(rows).toEqual(['(made in page)']);
    const text = await table.innerText();
    expect(text).toMatch(/made in the page/);
    expect(text).toMatch(/SDK secret is in the page's code and ships to every visitor/);
    expect(text).not.toMatch(/before DevTools was open/);
    await table.screenshot({ path: path.join(screenshotDir(), 'token-made-in-page.png') });
    await panel.close();
  });
});
