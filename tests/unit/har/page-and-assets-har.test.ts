/** `join-doctor har` path: page headers and SDK asset failures from a HAR reach the join's analysis. */
import { describe, expect, it } from 'vitest';
import { readHar } from '../../../lib/har';
import { analyseAttempt } from '../../../lib/attempt-context';
import { entry, fixtureText, har, unsignedJwt } from './helpers';

const SIG = unsignedJwt({ appKey: 'K', sdkKey: 'K', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484 });
const doc = (headers: Array<{ name: string; value: string }>) => entry({ at: '2026-11-30T10:00:00.000Z', url: 'http://127.0.0.1:8080/meeting.html', headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, ...headers] });
const join = entry({ at: '2026-11-30T10:00:05.000Z', method: 'POST', url: 'https://zoom.us/api/v1/wc/info', post: `meetingNumber=123456789&signature=${SIG}&cv=6.2.0`, body: JSON.stringify({ status: false, errorCode: 200, errorMessage: 'Invalid signature.' }) });
(join.request as { headers: unknown[] }).headers = [{ name: 'Referer', value: 'http://127.0.0.1:8080/' }];
const ids = async (entries: unknown[]) => {
  const imp = await readHar(har(entries));
  return analyseAttempt(imp.attempts[0]!).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id).sort();
};

describe('HAR: page and assets', () => {
  it('gallery view missing because the page is not cross-origin isolated (no COOP/COEP headers)', async () => {
    expect(await ids([doc([]), join])).toEqual(['page-not-isolated']);
  });
  it('COOP same-origin + COEP credentialless: isolated, nothing to say', async () => {
    expect(await ids([doc([{ name: 'Cross-Origin-Opener-Policy', value: 'same-origin' }, { name: 'Cross-Origin-Embedder-Policy', value: 'credentialless' }]), join])).toEqual([]);
  });
  it("a CSP without 'wasm-unsafe-eval' and without zoom.us in connect-src", async () => {
    const isolated = [{ name: 'Cross-Origin-Opener-Policy', value: 'same-origin' }, { name: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }];
    expect(await ids([doc([...isolated, { name: 'Content-Security-Policy', value: "script-src 'self'; worker-src blob:; connect-src 'self' *.zoom.us" }]), join])).toEqual(['csp-blocks-zoom', 'csp-wasm-blocked']);
  });
  it('lib/av wasm 404, one served as text/html, and one blocked by an ad blocker', async () => {
    const isolated = [{ name: 'Cross-Origin-Opener-Policy', value: 'same-origin' }, { name: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }];
    const e404 = entry({ at: '2026-11-30T10:00:02.000Z', url: 'http://127.0.0.1:8080/lib/av/video.mt.wasm', status: 404, headers: [{ name: 'Content-Type', value: 'text/plain' }] });
    const html = entry({ at: '2026-11-30T10:00:02.100Z', url: 'http://127.0.0.1:8080/lib/av/net.wasm', headers: [{ name: 'Content-Type', value: 'text/html' }] });
    const blocked = entry({ at: '2026-11-30T10:00:02.200Z', url: 'https://source.zoom.us/6.2.0/lib/av/tp.wasm', status: 0 });
    (blocked.response as Record<string, unknown>)._error = 'net::ERR_BLOCKED_BY_CLIENT';
    expect(await ids([doc(isolated), e404, html, blocked, join])).toEqual(['asset-blocked-by-client', 'asset-http-error', 'asset-wrong-mime']);
  });
});

describe('HAR with Preserve log: an asset failure belongs to the document it came from', () => {
  const isolated = [{ name: 'Cross-Origin-Opener-Policy', value: 'same-origin' }, { name: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }];
  const success = entry({ at: '2026-11-30T10:00:05.000Z', method: 'POST', url: 'https://zoom.us/api/v1/wc/info', post: `meetingNumber=123456789&signature=${SIG}&cv=6.2.0`, body: JSON.stringify({ status: true, result: {} }) });
  (success.request as { headers: unknown[] }).headers = [{ name: 'Referer', value: 'http://127.0.0.1:8080/' }];
  const later = entry({ at: '2026-11-30T10:00:30.000Z', url: 'http://127.0.0.1:8080/broken.html', headers: [{ name: 'Content-Type', value: 'text/html' }, ...isolated] });
  const wasm404 = entry({ at: '2026-11-30T10:00:31.000Z', url: 'http://127.0.0.1:8080/lib/av/video.mt.wasm', status: 404, headers: [{ name: 'Content-Type', value: 'text/plain' }] });
  const withPage = (e: Record<string, unknown>, pageref: string) => ({ ...e, pageref });

  it('a successful join, then a later page of the same site whose wasm 404s (no pages recorded): the join has no asset failure', async () => {
    expect(await ids([doc(isolated), success, later, wasm404])).toEqual([]);
  });

  it("the same recorded with pages (pageref): the 404 is page_2's, not page_1's join", async () => {
    expect(await ids([withPage(doc(isolated), 'page_1'), withPage(success, 'page_1'), withPage(later, 'page_2'), withPage(wasm404, 'page_2')])).toEqual([]);
  });

  it('a 404 of the join page itself, after the join (media assets load late), is still the join\'s', async () => {
    const late404 = entry({ at: '2026-11-30T10:00:20.000Z', url: 'http://127.0.0.1:8080/lib/av/video.mt.wasm', status: 404, headers: [{ name: 'Content-Type', value: 'text/plain' }] });
    expect(await ids([doc(isolated), success, late404, later])).toEqual(['asset-http-error']);
    expect(await ids([withPage(doc(isolated), 'page_1'), withPage(success, 'page_1'), withPage(late404, 'page_1'), withPage(later, 'page_2'), withPage(wasm404, 'page_2')])).toEqual(['asset-http-error']);
  });
});

describe('HAR fixtures recorded from the real SDK 6.2.0 (npm run fixtures:har)', () => {
  it('asset-404.har: the wasm 404 stops the SDK before it asks Zoom; the import names the file', async () => {
    const imp = await readHar(fixtureText('asset-404.har'));
    expect(imp.attempts).toEqual([]);
    const w = imp.warnings.find((x) => x.code === 'sdk-assets-failed')!;
    expect(w.message).toMatch(/\/lib404\/av\/audio\.simd\.wasm \(HTTP 404\)/);
  });
  it("csp-wasm.har: a CSP without 'wasm-unsafe-eval' and blob: on an isolated page gives exactly the two CSP findings", async () => {
    const imp = await readHar(fixtureText('csp-wasm.har'));
    expect(imp.attempts).toHaveLength(1);
    const a = imp.attempts[0]!;
    expect(a.page).toMatchObject({ crossOriginIsolated: true, isolationSource: 'headers' });
    expect(analyseAttempt(a).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id).sort()).toEqual(['csp-blocks-zoom', 'csp-wasm-blocked']);
  });
  it('client-3712.har (a page without COOP/COEP): page-not-isolated beside the token findings', async () => {
    const imp = await readHar(fixtureText('client-3712.har'));
    expect(analyseAttempt(imp.attempts[0]!).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id)).toEqual(['page-not-isolated']);
  });
});
