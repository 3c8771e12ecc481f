/**
 * A page whose init never calls back never calls join, so before, the extension showed nothing at
 * all (the hook reported an init only when it failed). Measured with the real SDKs: @zoom/videosdk
 * 2.5.0's `client.init(language, dependentAssets)` never settles while its lib files do not arrive
 * (a stalled CDN or proxy), whereas @zoom/meetingsdk 6.2.0's client-view `ZoomMtg.init` and
 * component-view `client.init` call back anyway and it is their join that waits. The init is now
 * reported when called; when it has not called back within the page's timeout the log has a row
 * saying so, with the cause and the fix.
 */
import path from 'node:path';
import { describe, expect } from 'vitest';
import { analyseAttempt } from '../../lib/attempt-context';
import { attemptAnswer } from '../../lib/correlate';
import { clientViewPage, extensionTest, openPanelAsTab, screenshotDir, setSettleTimeout, sampleSignature, videoSdkDist, videoSdkGlobalPage, waitFor } from './harness';
import { LAB_VIDEO_CREDENTIALS as CREDS } from '../../lab/credentials';
import { VIDEO_SCENARIOS } from '../../lab/video-scenarios';

/** Shortened for the test (storage.local override, as the lab does); the default is 45 s. */
const TIMEOUT_MS = 20_000;

const it = extensionTest({
  name: 'init-never-called-back',
  mounts: { '/vsdk': videoSdkDist },
  serve: (s) => {
    s.setPage('/stalled-video.html', videoSdkGlobalPage());
    s.setPage('/ok.html', clientViewPage());
  },
});

describe('an init that never calls back (real SDKs)', () => {
  it('Video SDK client.init whose lib files never arrive: a row "video.init never called back (20 s)" with cause and fix', { timeout: 240_000 }, async ({ b, server }) => {
    const page = await b.context.newPage();
    // The SDK's files under its dependentAssets path hang: requests that are never answered.
    const stalled: string[] = [];
    await page.route('**/vsdk/lib/**', (route) => void stalled.push(route.request().url()));
    await setSettleTimeout(b, '/stalled-video.html', TIMEOUT_MS);
    await page.goto(server.url('/stalled-video.html'), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 90_000 });
    const token = VIDEO_SCENARIOS['vsdk-good'].issue(Date.now(), CREDS, 1);
    await page.evaluate(([topic, t]) => {
      (window as any).settled = 'waiting';
      void (window as any).joinNow(topic, t).then((r: unknown) => ((window as any).settled = r));
    }, [CREDS.topic, token] as const);
    const st = await waitFor('the init row', async () => {
      const x = await b.tabState('/stalled-video.html');
      return x?.attempts.find((a) => a.method === 'video.init' && a.outcome.kind !== 'pending') ? x : null;
    }, TIMEOUT_MS + 60_000);
    const settled = await page.evaluate(() => (window as any).settled);
    const a = st.attempts.find((x) => x.method === 'video.init')!;
    console.log(`stalled lib: ${stalled.length} requests hung (${stalled.slice(0, 2).join(', ')}); the page's init: ${JSON.stringify(settled)}; row ${JSON.stringify(a.outcome)}`);
    // The page itself saw nothing: init never settled, and join() never ran.
    expect(settled).toBe('waiting');
    expect(stalled.length).toBeGreaterThan(0);
    expect(st.attempts.map((x) => x.method)).toEqual(['video.init']);
    expect(a.outcome).toEqual({ kind: 'silent-refusal', reason: `video.init never called back (${TIMEOUT_MS / 1000} s): the join never started.` });
    const answer = attemptAnswer({ attempt: a, analysis: analyseAttempt(a) });
    expect(answer.verdict).toBe('FAIL');
    expect(answer.fix).toMatch(/dependentAssets path/);

    // Where users meet it: the row, its cause line, and the answer in the inspector.
    const panel = await openPanelAsTab(b, st.tabId);
    const row = panel.locator(`[data-testid="attempt-row"][data-attempt-id="${a.id}"]`);
    await waitFor('the init row in the panel', () => row.count());
    expect(await row.locator('[data-testid="outcome-cell"]').innerText()).toMatch(/never called back/);
    expect(await row.locator('[data-testid="top-finding"]').innerText()).toContain('video.init never called back');
    await row.click();
    // The inspector speaks of no token: an init takes none (it said "The signature argument was null…").
    const inspector = panel.locator(`[data-testid="token-inspector"][data-attempt-id="${a.id}"]`);
    expect(await inspector.locator('[data-testid="init-no-token"]').innerText()).toMatch(/^video\.init takes no signature/);
    expect(await inspector.innerText()).not.toContain('The signature argument was');
    expect(await inspector.locator('[data-testid="secret-input"]').count()).toBe(0);
    await panel.screenshot({ path: path.join(screenshotDir(), 'init-never-called-back.png') });
    await panel.close();
    await page.unroute('**/vsdk/lib/**');
    await page.close();
  });

  it('an init that calls back leaves no init row: the join is the row', { timeout: 180_000 }, async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/ok.html'), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 90_000 });
    await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature());
    const st = await waitFor('the settled join', async () => {
      const x = await b.tabState('/ok.html');
      return x && x.attempts.length > 0 && x.attempts.every((a) => a.outcome.kind !== 'pending') ? x : null;
    }, 60_000);
    expect(st.attempts.map((a) => a.method)).toEqual(['ZoomMtg.join']);
    expect(st.pendingInits ?? []).toEqual([]);
    await page.close();
  });
});
