import { describe, expect, it } from 'vitest';
import { classifyAsset, cspBlocksForSdk, documentPolicy, isolatedBy, sdkAssetKind, sourceListAllows } from '../../../lib/zoom/sdk-assets';

const x = (url: string, status: number, mimeType: string | null, failureText: string | null = null) => ({ url, status, mimeType, failureText, startedAt: 1000 });

describe('which requests are SDK assets', () => {
  it('lib/av files on any host (setZoomJSLib / assetPath), and wasm/js from Zoom CDNs', () => {
    expect(sdkAssetKind('http://127.0.0.1:5173/lib/av/video.mt.wasm')).toBe('wasm');
    expect(sdkAssetKind('https://cdn.example.com/zoom/6.2.0/lib/av/js_media.min.js?v=1')).toBe('js');
    expect(sdkAssetKind('https://source.zoom.us/6.2.0/lib/vendor/react.min.js')).toBe('js');
    expect(sdkAssetKind('https://example.com/app.js')).toBeNull();
    expect(sdkAssetKind('https://example.com/av/poster.png')).toBeNull();
    expect(sdkAssetKind('not a url')).toBeNull();
  });
});

describe('classifyAsset', () => {
  it('404 and 403 are http errors', () => {
    expect(classifyAsset(x('http://h/lib/av/net.wasm', 404, 'text/html; charset=utf-8'))).toMatchObject({ problem: 'http-error', status: 404, mimeType: 'text/html', kind: 'wasm', at: 1000 });
  });
  it('wasm as octet-stream or text/html is the wrong type; application/wasm (any case, with params) is fine', () => {
    expect(classifyAsset(x('http://h/lib/av/net.wasm', 200, 'application/octet-stream'))?.problem).toBe('wrong-mime');
    expect(classifyAsset(x('http://h/lib/av/net.wasm', 200, 'text/html'))?.problem).toBe('wrong-mime');
    expect(classifyAsset(x('http://h/lib/av/net.wasm', 200, 'Application/Wasm; x=1'))).toBeNull();
  });
  it('a script as text/html is the wrong type; as JavaScript it is fine', () => {
    expect(classifyAsset(x('http://h/lib/av/js_media.min.js', 200, 'text/html'))?.problem).toBe('wrong-mime');
    expect(classifyAsset(x('http://h/lib/av/js_media.min.js', 200, 'application/javascript'))).toBeNull();
  });
  it('ad blocker blocked lib/av/…: ERR_BLOCKED_BY_CLIENT before any answer', () => {
    expect(classifyAsset(x('https://source.zoom.us/6.2.0/lib/av/tp.wasm', 0, null, 'net::ERR_BLOCKED_BY_CLIENT'))?.problem).toBe('blocked-by-client');
    expect(classifyAsset(x('https://source.zoom.us/6.2.0/lib/av/tp.wasm', 0, null, 'net::ERR_BLOCKED_BY_CSP'))?.problem).toBe('blocked-by-csp');
  });
  it('an aborted request (a navigation) and a 304 are not asset failures', () => {
    expect(classifyAsset(x('http://h/lib/av/tp.wasm', 0, null, 'net::ERR_ABORTED'))).toBeNull();
    expect(classifyAsset(x('http://h/lib/av/tp.wasm', 304, null))).toBeNull();
  });
});

describe('document headers', () => {
  it('isolation needs COOP same-origin and COEP require-corp or credentialless', () => {
    expect(isolatedBy('same-origin', 'require-corp')).toBe(true);
    expect(isolatedBy('same-origin', 'credentialless')).toBe(true);
    expect(isolatedBy('same-origin', null)).toBe(false);
    expect(isolatedBy('same-origin-allow-popups', 'require-corp')).toBe(false);
    expect(isolatedBy(null, 'require-corp')).toBe(false);
  });
  it('reads COOP, COEP and every enforced CSP (report-only ignored), names case-insensitive', () => {
    const p = documentPolicy([
      { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      { name: 'cross-origin-embedder-policy', value: 'require-corp' },
      { name: 'Content-Security-Policy', value: "script-src 'self'" },
      { name: 'Content-Security-Policy-Report-Only', value: "default-src 'none'" },
    ]);
    expect(p).toEqual({ coop: 'same-origin', coep: 'require-corp', isolated: true, csp: ["script-src 'self'"] });
  });
});

describe('CSP predictions for the SDK', () => {
  it("script-src without 'wasm-unsafe-eval' blocks wasm; with it (or 'unsafe-eval') it does not", () => {
    expect(cspBlocksForSdk(["script-src 'self'; worker-src blob:; connect-src *"], 5)).toEqual([{ directive: 'script-src', blocked: 'wasm-eval', at: 5, seen: 'header' }]);
    expect(cspBlocksForSdk(["script-src 'self' 'wasm-unsafe-eval' blob:; connect-src *"], 5)).toEqual([]);
    expect(cspBlocksForSdk(["default-src 'self' 'unsafe-eval' blob: https://zoom.us"], 5)).toEqual([]);
  });
  it("script-src without blob: (and no worker-src) refuses the SDK's blob: workers, as Chromium did with 6.2.0", () => {
    expect(cspBlocksForSdk(["script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'"], 5)).toEqual([{ directive: 'worker-src', blocked: 'blob', at: 5, seen: 'header' }]);
  });
  it('default-src governs connect-src when there is none; no policy blocks nothing', () => {
    expect(cspBlocksForSdk(["default-src 'self' 'wasm-unsafe-eval' blob:"], 5).map((v) => v.directive)).toEqual(['connect-src']);
    expect(cspBlocksForSdk(["img-src 'self'"], 5)).toEqual([]);
  });
  it('*.zoom.us does not allow zoom.us itself (where wc/info goes)', () => {
    expect(sourceListAllows(['*.zoom.us'], 'https://zoom.us/api/v1/wc/info')).toBe(false);
    expect(sourceListAllows(['https://zoom.us'], 'https://zoom.us/api/v1/wc/info')).toBe(true);
    expect(sourceListAllows(['*.zoom.us'], 'wss://rwcsj.zoom.us/wc')).toBe(true);
    expect(sourceListAllows(['https:'], 'wss://rwcsj.zoom.us/wc')).toBe(true);
    expect(sourceListAllows(["'self'"], 'https://zoom.us/')).toBe(false);
    expect(sourceListAllows(['*'], 'https://zoom.us/')).toBe(true);
  });
});
