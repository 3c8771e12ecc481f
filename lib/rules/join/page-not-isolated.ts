import { defineJoinRule } from './types';
import { claim } from '../claim-values';

/**
 * The SDK draws gallery view and virtual background from SharedArrayBuffer, which the browser
 * only offers a cross-origin isolated page, unless the token asks for WebRTC video instead.
 */
export const pageNotIsolated = defineJoinRule({
  id: 'page-not-isolated',
  severity: 'warning',
  origin: 'page',
  title: 'Page is not cross-origin isolated: no gallery view or virtual background',
  source: 'docs/page-and-assets.md §1 (6.2.0 client bundle gallery check; Zoom docs gallery-view, browser support)',
  check({ attempt, token }) {
    const p = attempt.page;
    if (!p || p.crossOriginIsolated !== false || attempt.sdk === 'video') return null;
    // The bundle's own test: video_webrtc_mode 1 or "1" needs no SharedArrayBuffer.
    const mode = token.token.payload ? claim(token.token, 'video_webrtc_mode') : null;
    if (mode && (mode.value === 1 || mode.value === '1')) return null;
    const how = p.isolationSource === 'headers' ? `the page's headers (Cross-Origin-Opener-Policy: ${p.coop ?? 'none'}, Cross-Origin-Embedder-Policy: ${p.coep ?? 'none'})` : 'window.crossOriginIsolated (false at join time)';
    const asked = mode?.present ? `video_webrtc_mode is ${JSON.stringify(mode.value)}` : 'the signature has no video_webrtc_mode';
    return {
      message: `The page is not cross-origin isolated (${how}) and ${asked}, so the SDK takes its SharedArrayBuffer path without SharedArrayBuffer: gallery view and virtual background will be missing. The join itself is not affected.`,
      fix: "Either serve the page with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp` (or `credentialless`, which spares cross-origin images without CORP headers), then check `window.crossOriginIsolated === true`; or add `video_webrtc_mode: 1` to the signature's payload so the SDK renders video over WebRTC.",
      data: { crossOriginIsolated: false, source: p.isolationSource ?? null, videoWebrtcMode: mode?.present ? JSON.stringify(mode.value) : null },
    };
  },
});
