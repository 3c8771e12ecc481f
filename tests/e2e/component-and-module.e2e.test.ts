/**
 * The real 6.2.0 component view (<script> tag, window.ZoomMtgEmbedded) and the real client view
 * imported as an npm module by a Vite-bundled page (no global the page uses: wire capture only).
 */
import { describe, expect } from 'vitest';
import {
  componentViewPage,
  extensionTest,
  sampleSignature,
  signatureWithoutAppKey,
  tmpDir,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const it = extensionTest({
  name: 'component-module',
  mounts: { '/module': tmpDir('e2e-pages', 'module') },
  serve: (s) => s.setPage('/component.html', componentViewPage()),
});

const settled = (b: ExtensionBrowser, urlPart: string, n = 1) =>
  waitFor(`${n} settled attempt(s) for ${urlPart}`, async () => {
    const s = await b.tabState(urlPart);
    return s && s.attempts.length >= n && s.attempts.every((a) => a.outcome.kind !== 'pending' && a.settledAt) ? s : null;
  });

describe('real 6.2.0 component view', () => {
  it('client.join rejecting with 3712 is one component-view attempt, and the page gets the same promise', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/component.html'));
    const signature = sampleSignature();
    const seen = await page.evaluate((sig) => (window as any).joinNow(sig), signature);
    expect(seen).toEqual({ ok: false, value: { type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 } });
    // Promise identity: what client.join returned is a real Promise the page could await.
    expect(await page.evaluate(() => (window as any).lastJoinPromise instanceof Promise)).toBe(true);
    const s = await settled(b, '/component.html');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'component-view', method: 'client.join', signature, sdkVersion: '6.2.0' });
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712, message: 'Signature is invalid.', type: 'JOIN_MEETING_FAILED', serverCode: 200, serverMessage: 'Invalid signature.' });
    await page.close();
  });

  it('a token without appKey: the component view rejects with a plain Error, captured with its message', async ({ b, server, zoom }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/component.html?no-appkey'));
    const before = zoom.requests.length;
    const seen = await page.evaluate((sig) => (window as any).joinNow(sig), signatureWithoutAppKey());
    expect(seen).toMatchObject({ ok: false, value: { message: expect.stringMatching(/appKey/) } });
    const s = await settled(b, '/component.html?no-appkey');
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: null, message: expect.stringMatching(/appKey can not empty/) });
    expect(zoom.requests.length).toBe(before);
    await page.close();
  });
});

describe('real 6.2.0 client view imported as an npm module (Vite bundle)', () => {
  it('the page holds the module reference, so only the wc/info exchange is seen: still one 3712 attempt', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/module/index.html'));
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 30_000 });
    const signature = sampleSignature();
    const seen = await page.evaluate((sig) => (window as any).joinNow(sig), signature);
    expect((seen as any).value).toMatchObject({ errorCode: 3712, result: 'Invalid signature.' });
    // The bundle also sets window.ZoomMtg; the page's own reference is not our wrapper.
    expect(await page.evaluate(() => (window as any).moduleZoomMtg !== (window as any).ZoomMtg)).toBe(true);
    const s = await settled(b, '/module/index.html');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'wire', method: 'wc/info', signature, meetingNumber: '123456789', sdkVersion: '6.2.0' });
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712, serverCode: 200, serverMessage: 'Invalid signature.' });
    await page.close();
  });
});
