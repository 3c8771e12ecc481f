/**
 * Records the HAR fixtures in tests/unit/har/fixtures from the real @zoom/meetingsdk 6.2.0 in
 * headless Chromium (Playwright `recordHar`), with Zoom's wc/info answered by the e2e harness's
 * stand-in and the signature served by a local "customer backend". Regenerate: `npm run fixtures:har`.
 *
 * Fixtures stay small: recordHar's urlFilter keeps only the page, the signature endpoint and
 * wc/info (no SDK scripts). Signatures use the harness's made-up secret, never real credentials.
 *
 *   client-3712.har        client view, Node-style endpoint, Zoom answers "Invalid signature."
 *   component-3712.har     component view, same answer (the page sees JOIN_MEETING_FAILED 3712)
 *   jsonp-retry.har        Zoom answers HTTP 500, the SDK retries as JSONP GET; Zoom's clock 7 s behind
 *   java-endpoint.har      iat from Java's Math.round(long) (float, 128 s steps); Zoom rejects iat in
 *                          its future, accepts the rest (success body is a stand-in's guess)
 *   no-bodies.har          client view again, recorded with content: 'omit'
 *   truncated.har          the first 60% of client-3712.har
 *   asset-404.har          client view on a COOP/COEP page whose lib/av/audio.simd.wasm answers 404
 *                          (the join never answers: no wc/info)
 *   csp-wasm.har           client view on a COOP/COEP page whose CSP lacks 'wasm-unsafe-eval' and blob:
 *
 * Zoom's answers beyond the signature (issue 10), each recorded from its own real join:
 *   client-3707.har        client view, Zoom: 200 "The meeting number is not found." → 3707
 *   component-3001.har     component view, Zoom: 3001 "Meeting does not exist" → 200 with Zoom's words
 *   client-3711-host.har   client view, a role 1 signature and no zak, Zoom: "Can not be host in other
 *                          account's meeting." → 3711
 *   client-3004-passcode.har client view, passWord "Pa%40ss" (copied from a URL), Zoom: 3004; the SDK
 *                          opens its passcode dialog and calls nothing
 *   client-silent.har      client view, wc/info never answered (a proxy that swallows it)
 *   component-js404.har    component view whose assetPath 404s js_media.min.js: 5001, no wc/info
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../lab/find-chromium';
import { startPageServer, type PageServer } from '../e2e/harness/page-server';
import { sdkDist } from '../e2e/harness/paths';
import { routeZoom, INVALID_SIGNATURE, type WcInfoRequest, type WcInfoAnswer } from '../e2e/harness/zoom-route';
import { clientViewPage, componentViewPage } from '../e2e/harness/sdk-pages';
import { signJwt, MEETING_NUMBER } from '../e2e/harness/signatures';

const OUT = fileURLToPath(new URL('../unit/har/fixtures/', import.meta.url));
const KEEP = /\/wc\/info|\/api\/signature|\.html/;
const JOIN_TIMEOUT_MS = 30_000;

/** What the auth endpoint sample does: floor(now/1000), 2 h. */
function nodeStyleSignature(role = 0): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ appKey: 'e2eAppKey', sdkKey: 'e2eAppKey', mn: MEETING_NUMBER, role, iat, exp: iat + 7200, tokenExp: iat + 7200 });
}

/**
 * Java's `Math.round(System.currentTimeMillis() / 1000)`: the long quotient widens to float
 * (24-bit mantissa: 128 s steps at today's epoch) before rounding, so iat snaps to a multiple of 128.
 */
function javaStyleSignature(): string {
  const iat = Math.fround(Math.floor(Date.now() / 1000));
  return signJwt({ appKey: 'e2eAppKey', mn: MEETING_NUMBER, role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 });
}

function iatOf(signature: string | undefined): number | null {
  try {
    const p = JSON.parse(Buffer.from(signature!.split('.')[1]!, 'base64url').toString()) as { iat?: unknown };
    return typeof p.iat === 'number' ? p.iat : null;
  } catch {
    return null;
  }
}

/** Zoom as seen by the tests: rejects iat in its own future, accepts the rest. */
function strictClockAnswer(zoomClockOffsetMs: number) {
  return (req: WcInfoRequest): WcInfoAnswer => {
    const iat = iatOf(req.fields.signature);
    const zoomNow = (Date.now() + zoomClockOffsetMs) / 1000;
    if (iat === null || iat > zoomNow) return { body: INVALID_SIGNATURE, dateOffsetMs: zoomClockOffsetMs };
    return { body: { status: true, errorCode: 0, errorMessage: null, result: { mid: 'stand-in' } }, dateOffsetMs: zoomClockOffsetMs };
  };
}

interface Session {
  context: BrowserContext;
  zoom: Awaited<ReturnType<typeof routeZoom>>;
}

async function session(browser: Browser, file: string, content: 'embed' | 'omit', urlFilter: RegExp = KEEP): Promise<Session> {
  const context = await browser.newContext({ recordHar: { path: path.join(OUT, file), content, mode: 'full', urlFilter } });
  const zoom = await routeZoom(context);
  return { context, zoom };
}

/** Loads the page, fetches a signature from the page's own endpoint (so the HAR has the issuance), joins. */
async function joinOnce(context: BrowserContext, server: PageServer, pagePath: string, opts: { extra?: Record<string, unknown>; timeoutMs?: number } = {}): Promise<unknown> {
  const page: Page = await context.newPage();
  await page.goto(server.url(pagePath), { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 120_000 });
  const seen = await page.evaluate(async ([timeout, extra]) => {
    const r = await fetch('/api/signature', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meetingNumber: '123456789', role: 0 }) });
    const { signature } = await r.json();
    return Promise.race([(window as any).joinNow(signature, extra), new Promise((res) => setTimeout(() => res({ ok: null, value: 'timeout' }), timeout))]);
  }, [opts.timeoutMs ?? JOIN_TIMEOUT_MS, opts.extra ?? {}] as const);
  // Playwright reads response bodies for the HAR lazily; closing at once can lose the last one.
  await page.waitForTimeout(1500);
  await page.close();
  return seen;
}

function serveSignatures(server: PageServer, make: () => string): void {
  server.setHandler('/api/signature', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ signature: make(), sdkKey: 'e2eAppKey' }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const phase = () => Math.floor(Date.now() / 1000) % 128;

/** `npm run fixtures:har -- jsonp-retry.har` re-records only the named fixtures. */
const only = new Set(process.argv.slice(2));
const wanted = (file: string) => only.size === 0 || only.has(file);

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startPageServer({ mounts: { '/lib404': path.join(sdkDist, 'lib') } });
  server.setPage('/client.html', clientViewPage());
  server.setPage('/component.html', componentViewPage());
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    serveSignatures(server, nodeStyleSignature);
    for (const [file, content] of [['client-3712.har', 'embed'], ['no-bodies.har', 'omit']] as const) {
      if (!wanted(file)) continue;
      const s = await session(browser, file, content);
      console.log(file, JSON.stringify(await joinOnce(s.context, server, '/client.html')));
      await s.context.close();
    }
    if (wanted('component-3712.har')) {
      const s = await session(browser, 'component-3712.har', 'embed');
      console.log('component-3712.har', JSON.stringify(await joinOnce(s.context, server, '/component.html')));
      await s.context.close();
    }
    if (wanted('jsonp-retry.har')) {
      const s = await session(browser, 'jsonp-retry.har', 'embed');
      s.zoom.answer = (req) => (req.jsonp ? { body: INVALID_SIGNATURE, dateOffsetMs: -7000 } : { status: 500, dateOffsetMs: -7000 });
      console.log('jsonp-retry.har', JSON.stringify(await joinOnce(s.context, server, '/client.html')));
      await s.context.close();
    }
    // Page and assets (issue 10 §4–5): isolated pages, so only the asset or CSP cause remains.
    const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    const servePage = (p: string, html: string, headers: Record<string, string>) =>
      server.setHandler(p, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
        res.end(html);
      });
    if (wanted('asset-404.har')) {
      server.setHandler('/lib404/av/audio.simd.wasm', (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>404</title>');
      });
      servePage('/iso-404.html', clientViewPage().replace("location.origin + '/lib', '/av'", "location.origin + '/lib404', '/av'"), isolation);
      const s = await session(browser, 'asset-404.har', 'embed', /\/wc\/info|\/api\/signature|\.html|audio\.simd\.wasm/);
      console.log('asset-404.har', JSON.stringify(await joinOnce(s.context, server, '/iso-404.html')));
      await s.context.close();
    }
    if (wanted('csp-wasm.har')) {
      servePage('/iso-csp.html', clientViewPage(), { ...isolation, 'content-security-policy': "script-src 'self' 'unsafe-inline'" });
      const s = await session(browser, 'csp-wasm.har', 'embed');
      console.log('csp-wasm.har', JSON.stringify(await joinOnce(s.context, server, '/iso-csp.html')));
      await s.context.close();
    }
    // Zoom's answers beyond the signature: one real join each, the answer chosen per fixture.
    const answered = async (file: string, pagePath: string, answer: WcInfoAnswer, opts: Parameters<typeof joinOnce>[3] = {}, keep: RegExp = KEEP) => {
      if (!wanted(file)) return;
      const s = await session(browser, file, 'embed', keep);
      s.zoom.answer = () => answer;
      console.log(file, JSON.stringify(await joinOnce(s.context, server, pagePath, opts)));
      await s.context.close();
    };
    const refuse = (errorCode: number, errorMessage: string): WcInfoAnswer => ({ body: { status: false, errorCode, errorMessage } });
    await answered('client-3707.har', '/client.html', refuse(200, 'The meeting number is not found.'));
    await answered('component-3001.har', '/component.html', refuse(3001, 'Meeting does not exist'));
    // 3004 opens the SDK's own passcode dialog and calls nothing: the join is left after 12 s.
    await answered('client-3004-passcode.har', '/client.html', refuse(3004, 'Wrong passcode'), { extra: { passWord: 'Pa%40ss' }, timeoutMs: 12_000 });
    await answered('client-silent.har', '/client.html', 'hang', { timeoutMs: 12_000 });
    if (wanted('client-3711-host.har')) {
      serveSignatures(server, () => nodeStyleSignature(1));
      await answered('client-3711-host.har', '/client.html', refuse(200, "Can not be host in other account's meeting."));
      serveSignatures(server, nodeStyleSignature);
    }
    if (wanted('component-js404.har')) {
      server.setHandler('/lib404/av/js_media.min.js', (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>404</title>');
      });
      servePage('/component-js404.html', componentViewPage().replace("'/lib/av'", "'/lib404/av'"), isolation);
      await answered('component-js404.har', '/component-js404.html', { body: INVALID_SIGNATURE }, {}, /\/wc\/info|\/api\/signature|\.html|js_media\.min\.js/);
    }
    if (wanted('java-endpoint.har')) {
      serveSignatures(server, javaStyleSignature);
      const s = await session(browser, 'java-endpoint.har', 'embed');
      s.zoom.answer = strictClockAnswer(0);
      let fails = 0;
      let oks = 0;
      // iat rounds up into the future when now mod 128 > 64: join in both halves of the cycle.
      for (let n = 0; n < 10 && (fails < 2 || oks < 3); n++) {
        const wantFail = fails < 2 && (oks >= 3 || phase() > 64);
        while (wantFail ? !(phase() > 66 && phase() < 118) : !(phase() > 1 && phase() < 52)) await sleep(500);
        const seen = (await joinOnce(s.context, server, '/client.html')) as { ok: boolean | null; value: unknown };
        const failed = JSON.stringify(seen.value).includes('3712');
        if (failed) fails++;
        else oks++;
        console.log('java-endpoint.har', phase(), failed ? 'fail' : 'ok', JSON.stringify(seen).slice(0, 160));
      }
      await s.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (!wanted('client-3712.har') && !wanted('truncated.har')) return;
  const full = await readFile(path.join(OUT, 'client-3712.har'), 'utf8');
  await writeFile(path.join(OUT, 'truncated.har'), full.slice(0, Math.floor(full.length * 0.6)));
  console.log('fixtures written to', OUT);
}

await main();
