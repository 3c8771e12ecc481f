/**
 * Issue 10 §4–5 with the real SDK 6.2.0 (client view by script tag, component view where it
 * matters) in headless Chromium with the extension and DevTools open: the COOP/COEP matrix
 * (isolated or not × video_webrtc_mode 0/1), and each asset failure: a lib/av wasm that 404s, one
 * served as text/html, a CSP that blocks wasm, and an ad blocker (CDP Network.setBlockedURLs,
 * which fails the request with net::ERR_BLOCKED_BY_CLIENT). Each case must give exactly its page
 * and asset finding ids, and a clean join none.
 */
import { afterAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { setSettleTimeout, clientViewPage, componentViewPage, extensionTest, openPanelAsTab, routeZoom, sampleSignature, sdkDist, waitFor, waitForDevToolsTarget, type ExtensionBrowser, type PageServer, type ZoomStandIn, screenshotDir } from './harness';
import { acceptedJoinAnswer, routeMeetingServer } from '../../lab/meeting-server-stand-in';
import { analyseAttempt } from '../../lib/attempt-context';
import type { JoinAttempt } from '../../lib/model/attempt';

const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
// The helpers below reach the file's browser, pages and Zoom stand-in through these.
let b: ExtensionBrowser;
let server: PageServer;
let page: Page;
let zoom: ZoomStandIn;
const measured: string[] = [];

/** Serves `html` at `p` with extra headers (COOP/COEP, CSP). */
function servePage(p: string, html: string, headers: Record<string, string> = {}) {
  server.setHandler(p, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(html);
  });
}

/** A client view whose lib path is `/<lib>` instead of `/lib` (to break single files there). */
const clientViewWithLib = (lib: string) => clientViewPage().replace("location.origin + '/lib', '/av'", `location.origin + '/${lib}', '/av'`);

const lib = `${sdkDist}/lib`;
const it = extensionTest({
  name: 'page-and-assets',
  devtools: true,
  mounts: { '/lib404': lib, '/libhtml': lib, '/libblock': lib },
  route: async (context) => {
    const standIn = await routeZoom(context);
    // Only joins Zoom accepts reach the meeting server (the Preserve-log case): it lets them in.
    await routeMeetingServer(context, { result: 0 });
    return standIn;
  },
});

it.beforeAll(async ({ b: browser, server: pages, zoom: standIn }) => {
  b = browser;
  server = pages;
  zoom = standIn;
  page = b.context.pages()[0] ?? (await b.context.newPage());
  await waitForDevToolsTarget(b);
}, 120_000);

afterAll(() => {
  console.log(`page and assets (case → finding ids):\n${measured.join('\n')}`);
});

/**
 * Loads the page and joins. Without its media files the SDK never answers the join (no callback):
 * `settles: false` starts the join without waiting and lets the hook's shortened timeout end it.
 * `seenWhen`: the page fact the case is about has reached the join (the devtools page reports a
 * failed file when its request finished, which may be after the join's answer).
 */
async function joinOn(path: string, claims: Record<string, unknown> = {}, settles = true, seenWhen: (a: JoinAttempt) => unknown = () => true): Promise<{ attempt: JoinAttempt; ids: string[]; seen: unknown }> {
  await page.goto(server.url(path), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 90_000 });
  const token = sampleSignature(claims);
  if (!settles) await setSettleTimeout(b, path, 20_000);
  const seen = settles
    ? await page.evaluate((sig) => (window as any).joinNow(sig), token)
    : await page.evaluate((sig) => {
        void (window as any).joinNow(sig);
        return 'not awaited';
      }, token);
  const s = await waitFor(`the settled attempt for ${path}`, async () => {
    const st = await b.tabState(path);
    return st && st.attempts.length > 0 && st.attempts.every((a) => a.outcome.kind !== 'pending') && seenWhen(st.attempts.at(-1)!) ? st : null;
  }, 60_000);
  const attempt = s.attempts.at(-1)!;
  const ids = analyseAttempt(attempt).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id).sort();
  measured.push(`${path.padEnd(28)} ${JSON.stringify(claims).padEnd(26)} → [${ids.join(', ')}]  page=${JSON.stringify(attempt.page ?? null).slice(0, 400)}`);
  return { attempt, ids, seen };
}

const hasAssetFailure = (a: JoinAttempt) => a.page?.assetFailures?.length;

describe('COOP/COEP × video_webrtc_mode (client view)', () => {
  it('isolated page, video_webrtc_mode 0: no finding (SharedArrayBuffer is there)', async () => {
    servePage('/iso.html', clientViewPage(), ISOLATION);
    const r = await joinOn('/iso.html', { video_webrtc_mode: 0 });
    expect(r.attempt.page?.crossOriginIsolated).toBe(true);
    expect(r.ids).toEqual([]);
  });
  it('isolated page, video_webrtc_mode 1: no finding', async () => {
    servePage('/iso1.html', clientViewPage(), ISOLATION);
    expect((await joinOn('/iso1.html', { video_webrtc_mode: 1 })).ids).toEqual([]);
  });
  it('gallery view missing because the page is not cross-origin isolated (video_webrtc_mode 0)', async () => {
    servePage('/plain.html', clientViewPage());
    const r = await joinOn('/plain.html', { video_webrtc_mode: 0 });
    expect(r.attempt.page?.crossOriginIsolated).toBe(false);
    expect(r.ids).toEqual(['page-not-isolated']);
  });
  it('not isolated but video_webrtc_mode 1 (WebRTC video): no finding', async () => {
    servePage('/plain1.html', clientViewPage());
    expect((await joinOn('/plain1.html', { video_webrtc_mode: 1 })).ids).toEqual([]);
  });
  it('component view, not isolated, no video_webrtc_mode: page-not-isolated', async () => {
    servePage('/plain-component.html', componentViewPage());
    expect((await joinOn('/plain-component.html')).ids).toEqual(['page-not-isolated']);
  });
});

describe('asset failures (isolated page, video_webrtc_mode 1, so only the asset finding remains)', () => {
  const WASM = 'av/audio.simd.wasm'; // requested by every 6.2.0 client-view join here (measured)
  it('a lib/av wasm answered 404', { timeout: 240_000 }, async () => {
    server.setHandler(`/lib404/${WASM}`, (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>404</title>');
    });
    servePage('/wasm404.html', clientViewWithLib('lib404'), ISOLATION);
    const r = await joinOn('/wasm404.html', { video_webrtc_mode: 1 }, false, hasAssetFailure);
    expect(r.ids).toEqual(['asset-http-error']);
    expect(r.attempt.page?.assetFailures?.[0]).toMatchObject({ url: server.url(`/lib404/${WASM}`), status: 404, problem: 'http-error' });
    // Where users meet it: the join log's row leads with the asset cause.
    const st = (await b.tabState('/wasm404.html'))!;
    const panel = await openPanelAsTab(b, st.tabId);
    const row = panel.locator('[data-testid="attempt-row"]').first();
    await waitFor('the row in the panel', () => row.count());
    const top = await waitFor('its top finding', () => row.locator('[data-testid="top-finding"]').getAttribute('data-rule-id'));
    measured.push(`/wasm404.html panel top finding: ${top}; row text: ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
    expect(top).toBe('asset-http-error');
    await panel.close();
  });
  it("a lib/av wasm served as text/html (the site's index.html fallback)", async () => {
    server.setHandler(`/libhtml/${WASM}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body>app</body></html>');
    });
    servePage('/wasmhtml.html', clientViewWithLib('libhtml'), ISOLATION);
    const r = await joinOn('/wasmhtml.html', { video_webrtc_mode: 1 }, true, hasAssetFailure);
    expect(r.ids).toEqual(['asset-wrong-mime']);
    expect(analyseAttempt(r.attempt).findings.find((f) => f.id === 'asset-wrong-mime')?.severity).toBe('error');
  });
  it("a CSP without 'wasm-unsafe-eval' blocks the SDK's wasm", async () => {
    servePage('/csp.html', clientViewPage(), { ...ISOLATION, 'content-security-policy': "script-src 'self' 'unsafe-inline'" });
    const r = await joinOn('/csp.html', { video_webrtc_mode: 1 }, true, (a) => a.page?.cspViolations?.some((v) => v.blocked === 'wasm-eval'));
    // script-src also governs workers when there is no worker-src: the SDK's blob: workers are refused too (measured).
    expect(r.ids).toEqual(['csp-blocks-zoom', 'csp-wasm-blocked']);
    expect(r.attempt.page?.cspViolations?.map((v) => `${v.directive} ${v.blocked}`)).toContain('script-src wasm-eval');
  });
  it('ad blocker blocked lib/av/… (the request fails in the browser with net::ERR_BLOCKED_BY_CLIENT)', { timeout: 240_000 }, async () => {
    // Tried first: CDP Network.setBlockedURLs blocked the file (the server never saw it), yet no
    // asset failure reached the join (measured once, not investigated further). Request
    // interception failing it with `blockedbyclient` gives the net error an extension blocker
    // gives (seen: "net::ERR_BLOCKED_BY_CLIENT.Inspector").
    const pattern = `**/libblock/${WASM}`;
    await page.route(pattern, (route) => route.abort('blockedbyclient'));
    try {
      servePage('/blocked.html', clientViewWithLib('libblock'), ISOLATION);
      const r = await joinOn('/blocked.html', { video_webrtc_mode: 1 }, false, hasAssetFailure);
      expect(r.ids).toEqual(['asset-blocked-by-client']);
      expect(r.attempt.page?.assetFailures?.[0]?.failureText).toContain('ERR_BLOCKED_BY_CLIENT');
    } finally {
      await page.unroute(pattern);
    }
  });
});

describe('asset failures in the component view (it loads only lib/av/js_media.min.js before joining, measured)', () => {
  const JS = 'av/js_media.min.js';
  /** A component view whose assetPath is `/<lib>/av` instead of `/lib/av`. */
  const componentViewWithLib = (lib: string) => componentViewPage().replace("'/lib/av'", `'/${lib}/av'`);

  it('assetPath points at a folder where js_media.min.js answers 404: the SDK refuses with 5001 before asking Zoom, and the asset is named', async () => {
    server.setHandler(`/lib404/${JS}`, (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>404</title>');
    });
    servePage('/c-js404.html', componentViewWithLib('lib404'), ISOLATION);
    const r = await joinOn('/c-js404.html', {}, true, hasAssetFailure);
    expect(r.seen).toEqual({ ok: false, value: { type: 'INVALID_PARAMETERS', reason: 'dependent assets are not accessible', errorCode: 5001 } });
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 5001 });
    expect(r.ids).toEqual(['asset-http-error']);
    expect(r.attempt.page?.assetFailures?.[0]).toMatchObject({ url: server.url(`/lib404/${JS}`), status: 404 });
    const all = analyseAttempt(r.attempt);
    measured.push(`/c-js404.html all findings: ${all.findings.map((f) => f.id).join(', ')}`);
    expect(all.findings.map((f) => f.id)).toContain('answer-sdk-refused');
    // The row leads with the file, not with the code that only says assets were missing.
    expect(all.findings[0]?.id).toBe('asset-http-error');
  });

  it("js_media.min.js served as text/html (an SPA's index.html fallback under assetPath)", async () => {
    server.setHandler(`/libhtml/${JS}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body>app</body></html>');
    });
    servePage('/c-jshtml.html', componentViewWithLib('libhtml'), ISOLATION);
    const r = await joinOn('/c-jshtml.html', {}, true, hasAssetFailure);
    expect(r.ids).toEqual(['asset-wrong-mime']);
  });

  it("a CSP without blob: workers: the component view's media worker is refused", async () => {
    servePage('/c-csp.html', componentViewPage(), { ...ISOLATION, 'content-security-policy': "script-src 'self' 'unsafe-inline'" });
    const r = await joinOn('/c-csp.html', {}, true, (a) => a.page?.cspViolations?.length);
    measured.push(`/c-csp.html csp: ${JSON.stringify(r.attempt.page?.cspViolations ?? null).slice(0, 300)}`);
    expect(r.ids).toContain('csp-blocks-zoom');
  });
});

describe('Preserve log: page and asset findings stay with the document they came from', () => {
  it('a join Zoom accepts and the meeting server lets in, then the same tab opens a page whose wasm 404s: the first row stays a success without asset-http-error', { timeout: 300_000 }, async () => {
    const WASM = 'av/audio.simd.wasm';
    server.setHandler(`/lib404/${WASM}`, (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>404</title>');
    });
    servePage('/joined.html', clientViewPage({ init: 'disablePreview: true' }), ISOLATION);
    servePage('/later-wasm404.html', clientViewWithLib('lib404'), ISOLATION);
    const before = zoom.answer;
    zoom.answer = (req) => ({ body: acceptedJoinAnswer(req.fields, 0) });
    let first: JoinAttempt;
    let tabId: number;
    try {
      await page.goto(server.url('/joined.html'), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 90_000 });
      const seen = await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature({ video_webrtc_mode: 1 }));
      measured.push(`/joined.html page saw: ${JSON.stringify(seen).slice(0, 200)}`);
      const st = await waitFor('the joined attempt', async () => {
        const x = await b.tabState('/joined.html');
        return x?.attempts[0]?.outcome.kind === 'success' ? x : null;
      }, 90_000);
      first = st.attempts[0]!;
      tabId = st.tabId;
    } finally {
      zoom.answer = before;
    }
    expect(first.page?.assetFailures).toBeUndefined();

    // Preserve log, as a user does before following the app to its next page.
    const panel = await openPanelAsTab(b, tabId);
    if (!(await panel.locator('[data-testid="preserve-log"]').isVisible())) await panel.locator('[data-testid="toolbar-overflow"]').click();
    await panel.locator('[data-testid="preserve-log"]').check();
    await waitFor('preserve log stored', async () => ((await b.tabState('/joined.html'))?.preserveLog ? true : null));

    await setSettleTimeout(b, '/later-wasm404.html', 20_000);
    await page.goto(server.url('/later-wasm404.html'), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 90_000 });
    await page.evaluate((sig) => void (window as any).joinNow(sig), sampleSignature({ video_webrtc_mode: 1 }));
    // The event this case is about: the later page's wasm 404 reached the background, and its join settled.
    const st = await waitFor('the later page: its 404 recorded and its join settled', async () => {
      const x = await b.tabState('/later-wasm404.html');
      const later = x?.attempts.find((a) => a.pageUrl?.includes('/later-wasm404.html'));
      return x && later && later.outcome.kind !== 'pending' && x.page?.assets.some((f) => f.url.endsWith(`/lib404/${WASM}`)) ? x : null;
    }, 120_000);
    const [joined, later] = [st.attempts.find((a) => a.id === first.id)!, st.attempts.find((a) => a.pageUrl?.includes('/later-wasm404.html'))!];
    const idsOf = (a: JoinAttempt) => analyseAttempt(a).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id);
    measured.push(`preserve log: first ${JSON.stringify(joined.outcome)} [${idsOf(joined).join(', ')}]; later ${JSON.stringify(later.outcome).slice(0, 120)} [${idsOf(later).join(', ')}]`);
    expect(joined.outcome.kind).toBe('success');
    expect(joined.page?.assetFailures).toBeUndefined();
    expect(idsOf(joined)).not.toContain('asset-http-error');
    expect(idsOf(later)).toContain('asset-http-error');

    // Where users meet it: the first row in the panel is still a success.
    await panel.reload();
    const row = panel.locator(`[data-testid="attempt-row"][data-attempt-id="${first.id}"]`);
    await waitFor('the first row', () => row.count());
    expect(await row.getAttribute('data-outcome')).toBe('success');
    await panel.screenshot({ path: path.join(screenshotDir(), 'preserve-log-wasm404-after-success.png') });
    await panel.close();
  });
});
