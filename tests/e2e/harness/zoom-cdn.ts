/**
 * Zoom's CDN (`https://source.zoom.us/6.2.0/…`) in browser tests, two ways:
 *
 *  - `routeZoomCdn(context, { dateOffsetMs, age })`: Playwright routing serves the SDK from
 *    node_modules with the Date and Age a CDN hit carries. Register it after `routeZoom` (the
 *    later route wins). Routing turns Chromium's HTTP cache off, so nothing is ever a cache hit.
 *  - `startZoomHosts()`: a local HTTPS server for source.zoom.us (cacheable assets, old Date) and
 *    zoom.us (`/api/v1/wc/info`), reached through Chromium's own resolver
 *    (`zoomHostArgs(hosts)` → --host-resolver-rules + --ignore-certificate-errors-spki-list), so
 *    the HTTP cache works as on a real page. The SPKI list (not --ignore-certificate-errors)
 *    matters: Chromium does not cache answers whose certificate has errors.
 *
 * `cdnClientViewPage()` is clientViewPage with every SDK file taken from the CDN URL.
 * `recordDevtoolsEntries(b)` installs a second chrome.devtools.network.onRequestFinished listener
 * in the extension's own devtools page, to see the entries exactly as the capture receives them.
 */
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame } from 'playwright-core';
import { sdkDist, tmpDir } from './paths';
import { MEETING_NUMBER } from './signatures';
import { INVALID_SIGNATURE, type WcInfoRequest } from './zoom-route';
import { VENDOR_SCRIPTS } from './sdk-pages';

export const CDN_BASE = 'https://source.zoom.us/6.2.0';

const TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

/** The dist file a CDN path names, or null (outside dist, or not a file). */
async function cdnFile(pathname: string): Promise<string | null> {
  const prefix = '/6.2.0/';
  if (!pathname.startsWith(prefix)) return null;
  const file = path.join(sdkDist, decodeURIComponent(pathname.slice(prefix.length)));
  if (!file.startsWith(sdkDist + path.sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** The client view loaded CDN style from `base` (the page itself is served from loopback). */
export function cdnClientViewPage(base = CDN_BASE): string {
  const vendor = VENDOR_SCRIPTS.map((s) => `<script src="${base}${s}"></script>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>client view from the CDN</title></head><body>
${vendor}
<script src="${base}/zoom-meeting-6.2.0.min.js"></script>
<script>
window.pageSaw = [];
ZoomMtg.setZoomJSLib('${base}/lib', '/av');
ZoomMtg.preLoadWasm();
ZoomMtg.prepareWebSDK();
window.joinNow = (signature) => new Promise((resolve) => {
  ZoomMtg.init({
    leaveUrl: location.origin, patchJsMedia: true,
    success: () => ZoomMtg.join({
      signature, meetingNumber: '${MEETING_NUMBER}', userName: 'e2e', passWord: '',
      success: (r) => { pageSaw.push({ cb: 'success', r }); resolve({ ok: true, value: r }); },
      error: (e) => { pageSaw.push({ cb: 'error', e }); resolve({ ok: false, value: e }); },
    }),
    error: (e) => { pageSaw.push({ cb: 'init-error', e }); resolve({ ok: false, value: e }); },
  });
});
</script></body></html>`;
}

export interface CdnStandIn {
  /** CDN paths served, in order. */
  served: string[];
}

/** Serves source.zoom.us/6.2.0 from node_modules through routing, every answer a CDN hit `age` s old. */
export async function routeZoomCdn(context: BrowserContext, opts: { dateOffsetMs: number; age: number }): Promise<CdnStandIn> {
  const cdn: CdnStandIn = { served: [] };
  await context.route('https://source.zoom.us/**', async (route) => {
    const url = new URL(route.request().url());
    const file = await cdnFile(url.pathname);
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    cdn.served.push(url.pathname);
    await route.fulfill({
      status: 200,
      headers: {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        date: new Date(Date.now() + opts.dateOffsetMs).toUTCString(),
        age: String(opts.age),
        'cache-control': 'public, max-age=86400',
        'access-control-allow-origin': '*',
      },
      body: await readFile(file),
    });
  });
  return cdn;
}

export interface ZoomHosts {
  port: number;
  /** SHA-256 of the certificate's SPKI, base64 (for --ignore-certificate-errors-spki-list). */
  spki: string;
  /** Date of the CDN's answers relative to now, ms (the assets' Date as first stored). */
  cdnDateOffsetMs: number;
  /** The wc/info answer: body, and the Date offset (null: no Date header at all). */
  wcInfo: { body: unknown; dateOffsetMs: number | null };
  /** Every CDN path that reached the server (a cache hit never does). */
  served: string[];
  joins: WcInfoRequest[];
  /** Requests the stand-in does not serve (host + path). */
  unexpected: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for Zoom's hosts, made once per checkout with openssl. */
function zoomCertificate(): { key: string; cert: string; spki: string } {
  const dir = tmpDir('e2e-certs');
  const key = path.join(dir, 'zoom-key.pem');
  const cert = path.join(dir, 'zoom-cert.pem');
  if (!existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=source.zoom.us', '-addext', 'subjectAltName=DNS:source.zoom.us,DNS:zoom.us,DNS:*.zoom.us'], { stdio: 'pipe' });
  }
  const pem = readFileSync(cert, 'utf8');
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { key: readFileSync(key, 'utf8'), cert: pem, spki: createHash('sha256').update(der).digest('base64') };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startZoomHosts(opts: { cdnDateOffsetMs: number }): Promise<ZoomHosts> {
  await mkdir(tmpDir('e2e-certs'), { recursive: true });
  const { key, cert, spki } = zoomCertificate();
  const hosts: Omit<ZoomHosts, 'port' | 'close'> = {
    spki,
    cdnDateOffsetMs: opts.cdnDateOffsetMs,
    wcInfo: { body: INVALID_SIGNATURE, dateOffsetMs: 0 },
    served: [],
    joins: [],
    unexpected: [],
  };
  const server = createServer({ key, cert }, async (req: IncomingMessage, res: ServerResponse) => {
    // Dates are set by hand: Node would stamp every answer with the true time.
    res.sendDate = false;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    if (host === 'source.zoom.us') {
      const file = await cdnFile(url.pathname);
      if (file) {
        hosts.served.push(url.pathname);
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          date: new Date(Date.now() + hosts.cdnDateOffsetMs).toUTCString(),
          'cache-control': 'public, max-age=86400',
          'access-control-allow-origin': '*',
        });
        return res.end(await readFile(file));
      }
    }
    if (url.pathname === '/api/v1/wc/info') {
      const origin = req.headers.origin ?? '*';
      const cors = { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...cors, 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*', 'access-control-allow-methods': 'GET, POST' });
        return res.end();
      }
      const text = await readBody(req);
      const jsonp = req.method === 'GET' && url.searchParams.has('callback');
      const fields = Object.fromEntries(jsonp ? url.searchParams : new URLSearchParams(text));
      hosts.joins.push({ method: req.method ?? 'GET', url: url.href, fields, jsonp });
      const head: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', ...cors };
      if (hosts.wcInfo.dateOffsetMs !== null) head.date = new Date(Date.now() + hosts.wcInfo.dateOffsetMs).toUTCString();
      res.writeHead(200, head);
      const body = JSON.stringify(hosts.wcInfo.body);
      return res.end(jsonp ? `${fields.callback}(${body})` : body);
    }
    hosts.unexpected.push(`${req.method} ${host}${url.pathname}`);
    res.writeHead(404, { 'content-type': 'text/plain', date: new Date().toUTCString() });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(hosts, {
    port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

/** Chromium switches that send Zoom's hosts to the stand-in and trust its certificate only. */
export function zoomHostArgs(h: Pick<ZoomHosts, 'port' | 'spki'>): string[] {
  return [
    `--host-resolver-rules=MAP source.zoom.us 127.0.0.1:${h.port}, MAP zoom.us 127.0.0.1:${h.port}, MAP *.zoom.us 127.0.0.1:${h.port}`,
    `--ignore-certificate-errors-spki-list=${h.spki}`,
  ];
}

/** One devtools.network entry as the capture's listener receives it (headers reduced). */
export interface SeenEntry {
  url: string;
  method: string;
  status: number;
  fromCache: unknown;
  date: string | null;
  age: string | null;
  startedDateTime: string;
}

/** The extension's devtools page (devtools.html) inside the DevTools window inspecting the page. */
export async function devtoolsPageFrame(panel: Frame): Promise<Frame> {
  const url = new URL(panel.url());
  const want = `${url.protocol}//${url.host}/devtools.html`;
  const frame = panel.page().frames().find((f) => f.url().startsWith(want));
  if (!frame) throw new Error(`no ${want} frame in the DevTools window`);
  return frame;
}

export interface DevtoolsRecorder {
  read(): Promise<SeenEntry[]>;
}

/** Starts recording the entries the devtools page receives; read them with `read()`. */
export async function recordDevtoolsEntries(devtoolsPage: Frame): Promise<DevtoolsRecorder> {
  await devtoolsPage.evaluate(() => {
    const w = globalThis as any;
    if (w.__jdSeen) return;
    w.__jdSeen = [];
    const h = (list: Array<{ name: string; value: string }>, n: string) => list.find((x) => x.name.toLowerCase() === n)?.value ?? null;
    w.chrome.devtools.network.onRequestFinished.addListener((e: any) => {
      w.__jdSeen.push({
        url: e.request.url,
        method: e.request.method,
        status: e.response.status,
        fromCache: e._fromCache === undefined ? '(absent)' : e._fromCache,
        date: h(e.response.headers, 'date'),
        age: h(e.response.headers, 'age'),
        startedDateTime: e.startedDateTime,
      });
    });
  });
  return {
    read: () => devtoolsPage.evaluate(() => [...(globalThis as any).__jdSeen]) as Promise<SeenEntry[]>,
  };
}
