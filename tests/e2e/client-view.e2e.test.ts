/**
 * The real @zoom/meetingsdk 6.2.0 client view loaded from a <script> tag (CDN style), joined
 * with a signature Zoom rejects: the join must show up once, with Zoom's answer and the SDK's code.
 */
import { describe, expect } from 'vitest';
import { statSync } from 'node:fs';
import path from 'node:path';
import { HOOK_BUDGET_BYTES } from '../../scripts/build/hook-budget';
import {
  clientViewPage,
  extensionDir,
  extensionTest,
  sampleSignature,
  waitFor,
} from './harness';

const it = extensionTest({ name: 'client-view', serve: (s) => s.setPage('/client.html', clientViewPage()) });

describe('real 6.2.0 client view from a <script> tag', () => {
  it('the shipped page hook stays within its byte budget (HOOK_BUDGET_BYTES)', () => {
    const size = statSync(path.join(extensionDir(), 'content-scripts/zoom-hook.js')).size;
    expect(size).toBeLessThanOrEqual(HOOK_BUDGET_BYTES);
  });

  it('a 3712 "Invalid signature" join is captured once, API and wire merged, page sees exactly what the SDK sent', async ({ b, server, zoom }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/client.html'));
    const signature = sampleSignature();
    const seen = await page.evaluate((sig) => (window as any).joinNow(sig), signature);
    expect(seen).toEqual({
      ok: false,
      value: { method: 'join', status: false, result: 'Invalid signature.', errorCode: 3712, errorMessage: 'Signature is invalid.' },
    });
    // The hook must not call callbacks twice.
    expect(await page.evaluate(() => (window as any).pageSaw.length)).toBe(1);
    expect(zoom.requests).toHaveLength(1);
    expect(zoom.requests[0]!.fields.signature).toBe(signature);

    const state = await waitFor('the failed join in the store', async () => {
      const s = await b.tabState('/client.html');
      return s?.attempts.some((a) => a.outcome.kind === 'failure' && a.settledAt) ? s : null;
    });
    expect(state.attempts).toHaveLength(1);
    const a = state.attempts[0]!;
    expect(a).toMatchObject({ api: 'client-view', method: 'ZoomMtg.join', signature, meetingNumber: '123456789', sdkVersion: '6.2.0' });
    expect(a.outcome).toMatchObject({ kind: 'failure', code: 3712, message: 'Signature is invalid.', serverMessage: 'Invalid signature.', serverCode: 200 });
    expect(a.settledAt! - a.calledAt).toBeGreaterThanOrEqual(0);
    expect(a.frameUrl).toContain('/client.html');

    const sw = await b.worker();
    const badge = await sw.evaluate(async (url) => {
      const c = (globalThis as any).chrome;
      const all = await c.storage.session.get(null);
      const tabId = Object.values(all as Record<string, any>).find((s) => s.pageUrl?.includes(url))?.tabId;
      return c.action.getBadgeText({ tabId });
    }, '/client.html');
    expect(badge).toBe('1');
    expect(zoom.blocked).toEqual([]);
    await page.close();
  });

  it('when wc/info answers 5xx the SDK retries as JSONP; still one attempt with the 3712', async ({ b, server, zoom }) => {
    zoom.answer = (r) => (r.jsonp ? { body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } } : { status: 500 });
    try {
      const page = await b.context.newPage();
      await page.goto(server.url('/client.html?jsonp'));
      const seen = await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature());
      expect((seen as any).value.errorCode).toBe(3712);
      const state = await waitFor('the JSONP join in the store', async () => {
        const s = await b.tabState('/client.html?jsonp');
        return s?.attempts[0]?.outcome.kind === 'failure' && s.attempts[0].settledAt ? s : null;
      });
      expect(state.attempts, JSON.stringify(state.attempts.map(({ signature, ...a }) => ({ ...a, sig: String(signature).slice(-12) })), null, 1)).toHaveLength(1);
      expect(state.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712, serverCode: 200 });
      expect(zoom.requests.filter((r) => r.jsonp)).toHaveLength(1);
      await page.close();
    } finally {
      zoom.answer = () => ({ body: { status: false, errorCode: 200, errorMessage: 'Invalid signature.' } });
    }
  });
});
