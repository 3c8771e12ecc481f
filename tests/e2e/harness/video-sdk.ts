/**
 * The real @zoom/videosdk 2.5.0 in test pages, and a `wc/lsdk` stand-in.
 *
 *   server = await startPageServer({ mounts: { '/vsdk': videoSdkDist } });
 *   server.setPage('/video.html', videoSdkGlobalPage());          // <script> tag: window.WebVideoSDK
 *   await buildVideoSdkModulePage(dir);                           // Vite bundle of `import ZoomVideo from '@zoom/videosdk'`
 *   const lsdk = await routeLsdk(context);                        // answers wc/lsdk like the lab's stand-in
 *
 * Pages expose `window.joinNow(topic, token)`: createClient → init('en-US', <local dist/lib>) →
 * join(topic, token, 'e2e'), resolving with `{ ok, value }` as the page saw it.
 */
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { repoRoot } from './paths';
import { LAB_VIDEO_CREDENTIALS } from '../../../lib/lab/credentials';
import { judgeLsdk } from '../../../lib/lab/lsdk-standin';

export const videoSdkDist = path.join(repoRoot, 'node_modules/@zoom/videosdk/dist');

const JOIN_NOW = `
window.joinNow = async (topic, token) => {
  const client = ZoomVideo.createClient();
  try { await client.init('en-US', location.origin + '/vsdk/lib', { patchJsMedia: true }); }
  catch (e) { return { ok: false, init: true, value: e instanceof Error ? { message: e.message } : e }; }
  try { return { ok: true, value: await client.join(topic, token, 'e2e') }; }
  catch (e) { return { ok: false, value: e instanceof Error ? { message: e.message } : e }; }
};`;

/** The UMD build from a `<script>` tag, as a CDN page uses it (`WebVideoSDK.default`). */
export function videoSdkGlobalPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>video sdk</title></head><body>
<script src="/vsdk/index.umd.js"></script>
<script>const ZoomVideo = WebVideoSDK.default;${JOIN_NOW}</script></body></html>`;
}

/** A Vite build of a page that imports the ES module: its ZoomVideo never touches a global. */
export async function buildVideoSdkModulePage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const src = path.join(outDir, '..', path.basename(outDir) + '-src');
  await mkdir(src, { recursive: true });
  await writeFile(path.join(src, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>video sdk module</title></head><body><script type="module" src="./main.js"></script></body></html>`);
  await writeFile(path.join(src, 'main.js'), `import ZoomVideo from '@zoom/videosdk';\nwindow.moduleHasGlobal = typeof window.WebVideoSDK !== 'undefined';${JOIN_NOW}\n`);
  await build({
    root: src,
    base: './',
    logLevel: 'error',
    configFile: false,
    resolve: { alias: { '@zoom/videosdk': path.join(videoSdkDist, 'index.esm.js') } },
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
  });
}

export interface LsdkRequest {
  method: string;
  url: string;
  fields: Record<string, string>;
  jsonp: boolean;
}

export type LsdkAnswer = { status?: number; body: unknown } | 'abort';

export interface LsdkStandIn {
  /** Default: the lab stand-in's judgement of the JWT for the lab's Video SDK credentials. */
  answer: (req: LsdkRequest) => LsdkAnswer;
  requests: LsdkRequest[];
  blocked: string[];
}

const isLoopback = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === 'localhost';

export async function routeLsdk(context: BrowserContext): Promise<LsdkStandIn> {
  const z: LsdkStandIn = {
    answer: (r) => ({ body: judgeLsdk(r.fields, LAB_VIDEO_CREDENTIALS, Date.now()).body }),
    requests: [],
    blocked: [],
  };
  await context.route('**/*', async (route: Route) => {
    const req = route.request();
    let url: URL;
    try {
      url = new URL(req.url());
    } catch {
      return route.continue();
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || isLoopback(url)) return route.continue();
    if (!url.pathname.endsWith('/wc/lsdk')) {
      z.blocked.push(req.url());
      return route.abort('blockedbyclient');
    }
    const jsonp = req.method() === 'GET' && url.searchParams.has('callback');
    const fields = Object.fromEntries(jsonp ? url.searchParams : new URLSearchParams(req.postData() ?? ''));
    const r: LsdkRequest = { method: req.method(), url: req.url(), fields, jsonp };
    z.requests.push(r);
    const a = z.answer(r);
    if (a === 'abort') return route.abort('failed');
    const status = a.status ?? 200;
    const text = JSON.stringify(a.body);
    await route.fulfill({
      status,
      headers: {
        'content-type': jsonp ? 'application/javascript' : 'application/json;charset=UTF-8',
        date: new Date().toUTCString(),
        'access-control-allow-origin': req.headers().origin ?? '*',
      },
      body: jsonp ? `${fields.callback}(${text})` : status >= 500 ? '<html>502 Bad Gateway</html>' : text,
    });
  });
  return z;
}
