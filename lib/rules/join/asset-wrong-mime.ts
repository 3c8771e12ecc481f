import { defineJoinRule } from './types';
import { ASSET_PATH_FIX, failuresOf, listUrls } from './page-text';

/**
 * A .wasm not served as application/wasm: WebAssembly.compileStreaming throws a TypeError, and the
 * 6.2.0 js_media then downloads the file a second time and compiles it from an ArrayBuffer (works,
 * slower). A text/html answer is usually the site's index.html (an SPA fallback for a missing
 * file): then the fallback fails too and media never starts.
 */
export const assetWrongMime = defineJoinRule({
  id: 'asset-wrong-mime',
  severity: 'warning',
  origin: 'assets',
  title: "The SDK's lib/av files are served with the wrong Content-Type",
  source: 'docs/page-and-assets.md §2 (compileStreaming needs application/wasm; js_media TypeError fallback)',
  produces: [3635, 5001],
  explainsJoinNotSent: true,
  check({ attempt }) {
    const fs = failuresOf(attempt, 'wrong-mime');
    if (fs.length === 0) return null;
    const html = fs.filter((f) => (f.mimeType ?? '').includes('html'));
    const types = [...new Set(fs.map((f) => f.mimeType ?? 'none'))].join(', ');
    return {
      severity: html.length > 0 ? 'error' : 'warning',
      message:
        html.length > 0
          ? `${html.length} of the SDK's media files came back as text/html (${listUrls(html.map((f) => f.url))}): that is a web page, most often the site's index.html served for a file that is not there, so the SDK cannot compile or run it.`
          : `${fs.length} .wasm file(s) were served as ${types}, not application/wasm (${listUrls(fs.map((f) => f.url))}): WebAssembly.compileStreaming refuses them, so the SDK downloads each again and compiles it from memory (slower start, double traffic).`,
      fix:
        html.length > 0
          ? `Make the server return the real files, not the app page, under that path (a history-API fallback must not catch /lib/av/). ${ASSET_PATH_FIX}`
          : 'Serve .wasm with `Content-Type: application/wasm` (nginx: `types { application/wasm wasm; }`; Express/serve-static and most CDNs know it; S3: set the object metadata) and .js as `text/javascript`.',
      data: { count: fs.length, mimeType: fs[0]!.mimeType, url: fs[0]!.url },
    };
  },
});
