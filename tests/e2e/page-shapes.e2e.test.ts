/**
 * However the page gets at Zoom, the join is captured and the page behaves exactly as without
 * the extension: ZoomMtg defined before the hook (init script) or after it (inline script), an
 * iframe running the real SDK, a signature passed as a function, and the real client view's
 * silent refusal of a token without appKey.
 */
import { describe, expect } from 'vitest';
import {
  FAKE_ZOOM_SCRIPT,
  clientViewPage,
  fakeZoomPage,
  extensionTest,
  sampleSignature,
  signatureWithoutAppKey,
  waitFor,
  type ExtensionBrowser,
  setSettleTimeout,
} from './harness';

const it = extensionTest({
  name: 'page-shapes',
  serve: (s) => {
    s.setPage('/client.html', clientViewPage());
    s.setPage('/parent.html', `<!doctype html><html><body><h1>app shell</h1><iframe id="zoom" src="/client.html" width="800" height="600"></iframe></body></html>`);
    s.setPage('/after.html', fakeZoomPage(`window.ZoomMtg = makeFakeZoomMtg();`));
    s.setPage('/before.html', `<!doctype html><html><body>page that found ZoomMtg already defined</body></html>`);
  },
});

const settled = (b: ExtensionBrowser, urlPart: string, n = 1) =>
  waitFor(`${n} settled attempt(s) for ${urlPart}`, async () => {
    const s = await b.tabState(urlPart);
    return s && s.attempts.length >= n && s.attempts.every((a) => a.outcome.kind !== 'pending' && a.settledAt) ? s : null;
  }, 40_000);

describe('ZoomMtg defined by the page after the hook (6.x-like Proxy)', () => {
  it('captures the join and leaves the page semantics alone: same return value, one callback with the original argument, stable identities', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/after.html'));
    const signature = sampleSignature();
    const r = await page.evaluate(
      (sig) =>
        new Promise<any>((resolve) => {
          const w = window as any;
          const calls: any[] = [];
          const args = {
            signature: sig,
            meetingNumber: '123456789',
            userName: 'e2e',
            error(this: unknown, ...a: unknown[]) {
              calls.push({ thisIsArgs: this === args, n: a.length, a0: a[0] });
              setTimeout(() => resolve({ calls, returnedSame, stableJoin, stableGlobal }), 300);
            },
          };
          const stableJoin = w.ZoomMtg.join === w.ZoomMtg.join;
          const stableGlobal = w.ZoomMtg === w.ZoomMtg;
          const returnedSame = w.ZoomMtg.join(args) === w.fakeJoinReturn;
        }),
      signature,
    );
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0].n).toBe(1);
    expect(r.calls[0].a0).toMatchObject({ errorCode: 3712, result: 'Invalid signature.' });
    expect(r.returnedSame).toBe(true);
    expect(r.stableJoin).toBe(true);
    expect(r.stableGlobal).toBe(true);
    const s = await settled(b, '/after.html');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'client-view', method: 'ZoomMtg.join', signature });
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712, serverCode: 200 });
    expect(Object.values(s.frames).reduce((n, f) => n + f.hookErrors, 0)).toBe(0);
    await page.close();
  });

  it('a signature passed as a function is recorded as the token it returned', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/after.html?fn'));
    const signature = sampleSignature({ role: 1 });
    await page.evaluate((sig) => new Promise<void>((resolve) => (window as any).ZoomMtg.join({ signature: () => sig, meetingNumber: '123456789', userName: 'e2e', error: () => resolve() })), signature);
    const s = await settled(b, '/after.html?fn');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.signature).toBe(signature);
    await page.close();
  });
});

describe('ZoomMtg defined before the hook runs (an init script, like a page-injected polyfill)', () => {
  it('configurable global: the hook takes it over and captures the API call', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.addInitScript(`${FAKE_ZOOM_SCRIPT}; window.ZoomMtg = makeFakeZoomMtg();`);
    await page.goto(server.url('/before.html'));
    await page.evaluate((sig) => new Promise<void>((resolve) => (window as any).ZoomMtg.join({ signature: sig, meetingNumber: '123456789', userName: 'e2e', error: () => resolve() })), sampleSignature());
    const s = await settled(b, '/before.html');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712 });
    // Whichever ran first, the API wrapper owns the slot.
    expect(s.attempts[0]!.api).toBe('client-view');
    await page.close();
  });

  it('non-configurable global the hook cannot own: the wire capture still records the join', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.addInitScript(`${FAKE_ZOOM_SCRIPT}; Object.defineProperty(window, 'ZoomMtg', { value: makeFakeZoomMtg(), configurable: false, writable: false });`);
    await page.goto(server.url('/before.html?locked'));
    await page.evaluate((sig) => new Promise<void>((resolve) => (window as any).ZoomMtg.join({ signature: sig, meetingNumber: '123456789', userName: 'e2e', error: () => resolve() })), sampleSignature());
    const s = await settled(b, '/before.html?locked');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'wire', outcome: { kind: 'failure', code: 3712 } });
    await page.close();
  });
});

describe('real 6.2.0 client view inside an iframe', () => {
  it('the join in the frame is captured for the tab, with the frame URL', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/parent.html'));
    const frame = await waitFor('the Zoom iframe', async () => {
      const f = page.frames().find((x) => x.url().endsWith('/client.html'));
      return f && (await f.evaluate(() => typeof (window as any).joinNow === 'function')) ? f : null;
    });
    const seen = await frame.evaluate((sig) => (window as any).joinNow(sig), sampleSignature());
    expect((seen as any).value.errorCode).toBe(3712);
    const s = await settled(b, '/parent.html');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'client-view', outcome: { kind: 'failure', code: 3712 } });
    expect(s.attempts[0]!.frameUrl).toMatch(/\/client\.html$/);
    expect(s.attempts[0]!.pageUrl).toMatch(/\/parent\.html$/);
    await page.close();
  });
});

describe('real 6.2.0 client view, token without appKey', () => {
  it('no callback and no request: recorded as a silent refusal once the timeout passes, not as nothing', async ({ b, server, zoom }) => {
    const page = await b.context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await setSettleTimeout(b, '/client.html?no-appkey', 8000);
    await page.goto(server.url('/client.html?no-appkey'));
    const before = zoom.requests.length;
    await page.evaluate((sig) => void (window as any).joinNow(sig), signatureWithoutAppKey());
    const s = await settled(b, '/client.html?no-appkey');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'silent-refusal', reason: expect.stringMatching(/neither appKey nor sdkKey/) });
    expect(zoom.requests.length).toBe(before);
    expect(await page.evaluate(() => (window as any).pageSaw.length)).toBe(0);
    expect(consoleErrors.some((t) => /appKey/.test(t))).toBe(true);
    await page.close();
  });
});
