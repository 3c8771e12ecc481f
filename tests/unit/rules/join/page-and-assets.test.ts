/**
 * Join rules for the page (cross-origin isolation) and the SDK's assets (lib/av files, CSP, ad
 * blockers), each named after the real-world cause. Attempts are built the way the capture and
 * the HAR reader build them: `page` holds what was measured.
 */
import { describe, expect, it } from 'vitest';
import { analyseAttempt } from '../../../../lib/attempt-context';
import type { JoinAttempt } from '../../../../lib/model/attempt';
import type { AssetFailure, PageFacts } from '../../../../lib/model/page-facts';
import { JOIN_TIME, samplePayload, signClaims } from '../token-helpers';

const AT = JOIN_TIME * 1000;
const LIB = 'http://127.0.0.1:8080/lib/av';

async function attempt(page: PageFacts | null, claims: Record<string, unknown> = {}, over: Partial<JoinAttempt> = {}): Promise<JoinAttempt> {
  const signature = await signClaims(samplePayload(claims));
  return { id: 'a1', api: 'client-view', sdk: 'meeting', signature, calledAt: AT, outcome: { kind: 'pending' }, page, ...over };
}

const joinIds = (a: JoinAttempt) => analyseAttempt(a).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id);

function failure(over: Partial<AssetFailure>): AssetFailure {
  return { url: `${LIB}/video.mt.wasm`, kind: 'wasm', problem: 'http-error', status: 404, mimeType: 'text/html', failureText: null, at: AT - 2000, ...over };
}

describe('page-not-isolated', () => {
  it('gallery view missing because the page is not cross-origin isolated (no video_webrtc_mode)', async () => {
    const a = await attempt({ crossOriginIsolated: false, isolationSource: 'page' });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'page-not-isolated')!;
    expect(f.severity).toBe('warning');
    expect(f.origin).toBe('page');
    expect(f.message).toContain('gallery view and virtual background will be missing');
    expect(f.message).toContain('has no video_webrtc_mode');
    expect(f.fix).toContain('Cross-Origin-Opener-Policy: same-origin');
    expect(f.fix).toContain('video_webrtc_mode: 1');
  });

  it('video_webrtc_mode 0 asks for the SharedArrayBuffer path: still warned', async () => {
    expect(joinIds(await attempt({ crossOriginIsolated: false }, { video_webrtc_mode: 0 }))).toEqual(['page-not-isolated']);
  });

  it('video_webrtc_mode 1 (or "1", which the bundle also accepts) renders over WebRTC: no warning', async () => {
    expect(joinIds(await attempt({ crossOriginIsolated: false }, { video_webrtc_mode: 1 }))).toEqual([]);
    expect(joinIds(await attempt({ crossOriginIsolated: false }, { video_webrtc_mode: '1' }))).toEqual([]);
  });

  it('an isolated page, or a page whose isolation was not measured, gets no warning', async () => {
    expect(joinIds(await attempt({ crossOriginIsolated: true }))).toEqual([]);
    expect(joinIds(await attempt(null))).toEqual([]);
    expect(joinIds(await attempt({ crossOriginIsolated: null }))).toEqual([]);
  });

  it("headers read from a HAR are quoted: COOP without COEP is not isolation", async () => {
    const a = await attempt({ crossOriginIsolated: false, isolationSource: 'headers', coop: 'same-origin', coep: null });
    expect(analyseAttempt(a).findings.find((x) => x.id === 'page-not-isolated')!.message).toContain('Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Embedder-Policy: none');
  });

  it('does not judge the token: a perfect signature keeps verdict warn, not fail', async () => {
    expect(analyseAttempt(await attempt({ crossOriginIsolated: false })).verdict).toBe('warn');
  });
});

describe('asset rules', () => {
  it('lib/av wasm answered 404: names the URL and setZoomJSLib / assetPath', async () => {
    const a = await attempt({ assetFailures: [failure({}), failure({ url: `${LIB}/net.wasm` })] });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'asset-http-error')!;
    expect(f.severity).toBe('error');
    expect(f.origin).toBe('assets');
    expect(f.message).toContain('HTTP 404');
    expect(f.message).toContain(`${LIB}/video.mt.wasm`);
    expect(f.fix).toContain(`${LIB}/`);
    expect(f.fix).toContain("setZoomJSLib('https://your.host/lib', '/av')");
    expect(f.fix).toContain('assetPath');
  });

  it('an old version removed from the CDN answers 403: the fix says so', async () => {
    const a = await attempt({ assetFailures: [failure({ status: 403, url: 'https://source.zoom.us/2.1.0/lib/av/tp.wasm' })] });
    expect(analyseAttempt(a).findings.find((x) => x.id === 'asset-http-error')!.fix).toContain('403');
  });

  it('wasm served as application/octet-stream: a warning (the SDK compiles it from memory after a second download)', async () => {
    const a = await attempt({ assetFailures: [failure({ problem: 'wrong-mime', status: 200, mimeType: 'application/octet-stream' })] });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'asset-wrong-mime')!;
    expect(f.severity).toBe('warning');
    expect(f.fix).toContain('application/wasm');
  });

  it("wasm served as text/html is the site's index.html fallback: an error", async () => {
    const a = await attempt({ assetFailures: [failure({ problem: 'wrong-mime', status: 200, mimeType: 'text/html' })] });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'asset-wrong-mime')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('text/html');
  });

  it('ad blocker blocked lib/av/… (net::ERR_BLOCKED_BY_CLIENT)', async () => {
    const a = await attempt({ assetFailures: [failure({ problem: 'blocked-by-client', status: 0, mimeType: null, failureText: 'net::ERR_BLOCKED_BY_CLIENT', url: 'https://source.zoom.us/6.2.0/lib/av/js_media.min.js', kind: 'js' })] });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'asset-blocked-by-client')!;
    expect(f.message).toContain('https://source.zoom.us/6.2.0/lib/av/js_media.min.js');
    expect(f.message).toContain('net::ERR_BLOCKED_BY_CLIENT');
  });

  it("CSP without 'wasm-unsafe-eval' blocks the SDK's wasm (a violation event)", async () => {
    const a = await attempt({ cspViolations: [{ directive: 'script-src', blocked: 'wasm-eval', at: AT - 1000, seen: 'event' }] });
    expect(joinIds(a)).toEqual(['csp-wasm-blocked']);
    expect(analyseAttempt(a).findings.find((x) => x.id === 'csp-wasm-blocked')!.fix).toContain("'wasm-unsafe-eval'");
  });

  it('connect-src without zoom.us blocks the join request', async () => {
    const a = await attempt({ cspViolations: [{ directive: 'connect-src', blocked: 'https://zoom.us/api/v1/wc/info', at: AT, seen: 'event' }] });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'csp-blocks-zoom')!;
    expect(f.message).toContain('https://zoom.us/api/v1/wc/info');
    expect(f.message).toContain('wc/info');
    expect(f.fix).toContain('https://zoom.us');
  });

  it('a clean join has no page or asset finding', async () => {
    expect(joinIds(await attempt({ crossOriginIsolated: true, cspViolations: [], assetFailures: [] }))).toEqual([]);
  });

  it('each problem gives exactly its own finding', async () => {
    const a = await attempt({
      crossOriginIsolated: false,
      assetFailures: [failure({}), failure({ problem: 'wrong-mime', status: 200, mimeType: 'text/html', url: `${LIB}/net.wasm` }), failure({ problem: 'blocked-by-client', status: 0, failureText: 'net::ERR_BLOCKED_BY_CLIENT' })],
      cspViolations: [{ directive: 'script-src', blocked: 'wasm-eval', at: AT, seen: 'event' }],
    });
    expect(joinIds(a).sort()).toEqual(['asset-blocked-by-client', 'asset-http-error', 'asset-wrong-mime', 'csp-wasm-blocked', 'page-not-isolated']);
  });
});

describe('csp-blocks-zoom for workers', () => {
  it("script-src without blob: refuses the SDK's blob: workers (Chromium reports blocked URI 'blob')", async () => {
    const a = await attempt({ cspViolations: [{ directive: 'worker-src', blocked: 'blob', at: AT, seen: 'event' }] });
    const f = analyseAttempt(a).findings.find((x) => x.id === 'csp-blocks-zoom')!;
    expect(f.message).toContain('worker-src blob:');
    expect(f.fix).toContain("worker-src 'self' blob:");
  });
});

describe('a code the SDK reports for a missing asset steps back behind the asset', () => {
  it("component view: assetPath where js_media.min.js answers 404 → 5001 'dependent assets are not accessible': the file leads the row", async () => {
    const a = await attempt(
      { crossOriginIsolated: true, assetFailures: [failure({ url: `${LIB}/js_media.min.js`, kind: 'js' })] },
      {},
      { api: 'component-view', outcome: { kind: 'failure', code: 5001, message: 'dependent assets are not accessible', type: 'INVALID_PARAMETERS' } as JoinAttempt['outcome'], settledAt: AT + 300 },
    );
    const r = analyseAttempt(a);
    expect(r.findings[0]?.id).toBe('asset-http-error');
    const code = r.findings.find((f) => f.id === 'answer-sdk-refused')!;
    expect(code.severity).toBe('info');
    expect(code.data?.explainedBy).toBe('asset-http-error');
  });

  it('5001 with no asset failure captured keeps its own error (the code is then the only lead)', async () => {
    const a = await attempt({ crossOriginIsolated: true }, {}, { api: 'component-view', outcome: { kind: 'failure', code: 5001, message: 'dependent assets are not accessible', type: 'INVALID_PARAMETERS' } as JoinAttempt['outcome'], settledAt: AT + 300 });
    const r = analyseAttempt(a);
    expect(r.findings[0]?.id).toBe('answer-sdk-refused');
    expect(r.findings[0]?.severity).toBe('error');
  });
});

describe('a join Zoom accepted is not failed by the page or its assets (Preserve log keeps an earlier success beside a later broken page)', () => {
  it('a wasm 404 within the window of a successful join is a warning that says the join succeeded', async () => {
    // The later page's 404 lands 20 s after this join: the capture links by time, so the success carries it.
    const a = await attempt({ assetFailures: [failure({ at: AT + 20_000 })] }, { video_webrtc_mode: 1 }, { outcome: { kind: 'success' }, settledAt: AT + 1500 });
    const analysis = analyseAttempt(a);
    const f = analysis.findings.find((x) => x.id === 'asset-http-error')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('This join succeeded all the same');
    expect(analysis.verdict).not.toBe('fail');
  });
  it('the same 404 on a join that never asked Zoom stays the error that explains it', async () => {
    const a = await attempt({ assetFailures: [failure({})] }, { video_webrtc_mode: 1 }, { outcome: { kind: 'timeout', afterMs: 45_000 } });
    expect(analyseAttempt(a).findings.find((x) => x.id === 'asset-http-error')!.severity).toBe('error');
  });
});
