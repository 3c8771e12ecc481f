/**
 * Test pages that load the real @zoom/meetingsdk 6.2.0 the way web apps do. Each page exposes
 * `window.joinNow(signature, extra?)` which inits and joins, resolving with what the page saw
 * (`{ ok, value }`), and `window.pageSaw` (every callback/promise result, for "called once" checks).
 * Serve them with startPageServer (which mounts /sdk, /lib, /ui).
 */
import path from 'node:path';
import { MEETING_NUMBER } from './signatures';

export const VENDOR_SCRIPTS = ['react.min.js', 'react-dom.min.js', 'redux.min.js', 'redux-thunk.min.js', 'lodash.min.js'].map((f) => `/lib/vendor/${f}`);
const vendorTags = (prefix = '') => VENDOR_SCRIPTS.map((s) => `<script src="${prefix}${s}"></script>`).join('\n');

/**
 * Which SDK a page loads: `prefix` is where its dist is served (`<prefix>/sdk`, `<prefix>/lib`,
 * `<prefix>/ui`; '' is the 6.2.0 that startPageServer always mounts), `version` names the
 * client-view file (`zoom-meeting-<version>.min.js`).
 */
export interface SdkLine { prefix: string; version: string }
export const SDK_6_2_0: SdkLine = { prefix: '', version: '6.2.0' };

/**
 * The client view from a `<script>` tag, CDN style (window.ZoomMtg). `init`: extra `ZoomMtg.init`
 * options as source text (e.g. `disablePreview: true`, which skips the preview screen that waits
 * for a click on Join before the meeting server is asked).
 */
export function clientViewPage(opts: { head?: string; sdk?: SdkLine; init?: string } = {}): string {
  const { prefix, version } = opts.sdk ?? SDK_6_2_0;
  return `<!doctype html><html><head><meta charset="utf-8"><title>client view</title>${opts.head ?? ''}</head><body>
${vendorTags(prefix)}
<script src="${prefix}/sdk/zoom-meeting-${version}.min.js"></script>
<script>
window.pageSaw = [];
ZoomMtg.setZoomJSLib(location.origin + '${prefix}/lib', '/av');
ZoomMtg.preLoadWasm();
ZoomMtg.prepareWebSDK();
window.joinNow = (signature, extra) => new Promise((resolve) => {
  ZoomMtg.init({
    leaveUrl: location.origin, patchJsMedia: true,${opts.init ? ` ${opts.init},` : ''}
    success: () => {
      ZoomMtg.join(Object.assign({
        signature, meetingNumber: '${MEETING_NUMBER}', userName: 'e2e', passWord: '',
        success: (r) => { pageSaw.push({ cb: 'success', r }); resolve({ ok: true, value: r }); },
        error: (e) => { pageSaw.push({ cb: 'error', e }); resolve({ ok: false, value: e }); },
      }, extra || {}));
    },
    error: (e) => { pageSaw.push({ cb: 'init-error', e }); resolve({ ok: false, value: e }); },
  });
});
</script></body></html>`;
}

/** The component view from a `<script>` tag (window.ZoomMtgEmbedded). */
export function componentViewPage(opts: { sdk?: SdkLine } = {}): string {
  const { prefix } = opts.sdk ?? SDK_6_2_0;
  return `<!doctype html><html><head><meta charset="utf-8"><title>component view</title></head><body>
<div id="zmmtg-embedded"></div>
${vendorTags(prefix)}
<script src="${prefix}/sdk/zoom-meeting-embedded-ES5.min.js"></script>
<script>
window.pageSaw = [];
window.joinNow = async (signature, extra) => {
  const client = ZoomMtgEmbedded.createClient();
  await client.init({ zoomAppRoot: document.getElementById('zmmtg-embedded'), language: 'en-US', patchJsMedia: true, assetPath: location.origin + '${prefix}/lib/av' });
  const p = client.join(Object.assign({ signature, meetingNumber: '${MEETING_NUMBER}', userName: 'e2e', password: '' }, extra || {}));
  window.lastJoinPromise = p;
  try { const v = await p; pageSaw.push({ resolved: v }); return { ok: true, value: v }; }
  catch (e) { const v = e instanceof Error ? { message: e.message } : e; pageSaw.push({ rejected: v }); return { ok: false, value: v }; }
};
</script></body></html>`;
}

/**
 * Builds, with Vite, a page that imports the client view as an npm module
 * (`import { ZoomMtg } from '@zoom/meetingsdk'`): its code holds the module's own reference.
 * Output: `<outDir>/index.html` + assets; serve `outDir` under some prefix.
 */
export async function buildModulePage(outDir: string, repoRoot: string, sdk: { pkg: string; prefix: string } = { pkg: '@zoom/meetingsdk', prefix: '' }): Promise<void> {
  const { build } = await import('vite');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const src = path.join(outDir, '..', path.basename(outDir) + '-src');
  await mkdir(src, { recursive: true });
  await writeFile(
    path.join(src, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>npm module</title></head><body><script type="module" src="./main.js"></script></body></html>`,
  );
  await writeFile(
    path.join(src, 'main.js'),
    `import { ZoomMtg } from '${sdk.pkg}';
window.pageSaw = [];
window.moduleZoomMtg = ZoomMtg;
ZoomMtg.setZoomJSLib(location.origin + '${sdk.prefix}/lib', '/av');
ZoomMtg.preLoadWasm();
ZoomMtg.prepareWebSDK();
window.joinNow = (signature, extra) => new Promise((resolve) => {
  ZoomMtg.init({ leaveUrl: location.origin, patchJsMedia: true,
    success: () => ZoomMtg.join({ signature, meetingNumber: '${MEETING_NUMBER}', userName: 'e2e', passWord: '', ...(extra || {}),
      success: (r) => { pageSaw.push({ cb: 'success', r }); resolve({ ok: true, value: r }); },
      error: (e) => { pageSaw.push({ cb: 'error', e }); resolve({ ok: false, value: e }); } }),
    error: (e) => resolve({ ok: false, value: e }) });
});
`,
  );
  await build({
    root: src,
    base: './',
    logLevel: 'error',
    configFile: false,
    resolve: {
      alias: { react: path.join(repoRoot, 'node_modules/react18'), 'react-dom': path.join(repoRoot, 'node_modules/react-dom18') },
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
  });
}
