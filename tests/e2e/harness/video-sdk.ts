/**
 * The real @zoom/videosdk 2.5.0 in test pages, and a `wc/lsdk` stand-in.
 *
 *   server = await startPageServer({ mounts: { '/vsdk': videoSdkDist } });
 *   server.setPage('/video.html', videoSdkGlobalPage());          // <script> tag: window.WebVideoSDK
 *   await buildVideoSdkModulePage(dir);                           // Vite bundle of `import ZoomVideo from '@zoom/videosdk'`
 *   const lsdk = await routeLsdk(context);                        // routeZoom answering wc/lsdk like the lab's stand-in
 *
 * Pages expose `window.joinNow(topic, token)`: createClient → init('en-US', <local dist/lib>) →
 * join(topic, token, 'e2e'), resolving with `{ ok, value }` as the page saw it.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { INVALID_SIGNATURE, routeZoom, type ZoomStandIn } from './zoom-route';
import { repoRoot } from './paths';
import { LAB_VIDEO_CREDENTIALS } from '../../../lab/credentials';
import { judgeLsdk } from '../../../lab/wc-lsdk-judge';

export const videoSdkDist = path.join(repoRoot, 'node_modules/@zoom/videosdk/dist');

const joinFn = (name: string) => `
window.${name} = async (topic, token) => {
  const client = ZoomVideo.createClient();
  try { await client.init('en-US', location.origin + '/vsdk/lib', { patchJsMedia: true }); }
  catch (e) { return { ok: false, init: true, value: e instanceof Error ? { message: e.message } : e }; }
  try { return { ok: true, value: await client.join(topic, token, 'e2e') }; }
  catch (e) { return { ok: false, value: e instanceof Error ? { message: e.message } : e }; }
};`;
const JOIN_NOW = joinFn('joinNow');

/** The Video SDK's script tag and a join helper named `fn`, to add to another page (one holding both SDKs). */
export function videoSdkScriptTags(fn: string): string {
  return `<script src="/vsdk/index.umd.js"></script><script>{ const ZoomVideo = WebVideoSDK.default;${joinFn(fn)} }</script>`;
}

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

export type LsdkStandIn = ZoomStandIn;

/** Answers `wc/lsdk` as the lab's stand-in does (for the lab's Video SDK credentials) and blocks every other non-loopback request. */
export function routeLsdk(context: BrowserContext, opts: { alsoWcInfo?: boolean } = {}): Promise<LsdkStandIn> {
  return routeZoom(context, {
    paths: opts.alsoWcInfo ? ['/wc/lsdk', '/wc/info'] : ['/wc/lsdk'],
    // wc/info (the Meeting SDK's join), when routed too, gets routeZoom's default 3712 answer.
    answer: (r) => ({ body: r.url.includes('/wc/lsdk') ? judgeLsdk(r.fields, LAB_VIDEO_CREDENTIALS, Date.now()).body : INVALID_SIGNATURE }),
  });
}
