/**
 * React StrictMode in development runs each effect twice (mount, cleanup, mount). Zoom's own
 * Video SDK sample (zoom/videosdk-web-sample, src/App.tsx) inits and joins in such an effect on one
 * client made at module level, so in `npm start` it calls `client.init` and `client.join` twice
 * with the same token; the real @zoom/videosdk 2.5.0 then aborts its first `wc/lsdk` request.
 * That aborted request is the SDK replacing its own call, not a failed join. Whether the SDK
 * aborts depends on timing (here 2 of 3 loads; the issue saw 2–3 of 6 rows), so six loads run.
 */
import { describe, expect } from 'vitest';
import path from 'node:path';
import { analyseAttempt } from '../../lib/attempt-context';
import { isFailed } from '../../lib/capture/tab-state';
import { correlate } from '../../lib/correlate';
import type { JoinAttempt } from '../../lib/model/attempt';
import { extensionTest, openPanelAsTab, routeLsdk, screenshotDir, videoSdkDist, waitFor } from './harness';
import { LAB_VIDEO_CREDENTIALS as CREDS } from '../../lab/credentials';
import { VIDEO_SCENARIOS } from '../../lab/video-scenarios';

/** The sample's shape: one client at module level, an effect that inits then joins, run twice as StrictMode does. */
const strictModePage = `<!doctype html><html><head><meta charset="utf-8"><title>strict mode</title></head><body>
<script src="/vsdk/index.umd.js"></script>
<script>
const ZoomVideo = WebVideoSDK.default;
const zmClient = ZoomVideo.createClient();
window.pageSaw = [];
window.effectTwice = (topic, token) => {
  const effect = () => {
    const init = async () => {
      await zmClient.init('en-US', location.origin + '/vsdk/lib', { patchJsMedia: true, leaveOnPageUnload: false });
      await zmClient.join(topic, token, 'e2e', '').then((v) => pageSaw.push({ resolved: v ?? null }), (e) => pageSaw.push({ rejected: e instanceof Error ? { message: e.message } : e }));
    };
    init();
    // The sample's cleanup leaves only when in a meeting: on the StrictMode re-run it does nothing.
    return () => { if (zmClient.getSessionInfo()?.isInMeeting) ZoomVideo.destroyClient(); };
  };
  const cleanup = effect();
  cleanup();
  effect();
};
</script></body></html>`;

const it = extensionTest({
  name: 'strict-mode',
  mounts: { '/vsdk': videoSdkDist },
  serve: (s) => s.setPage('/strict.html', strictModePage),
  route: (context) => routeLsdk(context),
});

describe('React StrictMode double join (real @zoom/videosdk 2.5.0)', () => {
  it('the first wc/lsdk, aborted by the SDK for the second join(), is superseded, says why, and counts as no failure (6 page loads, as the issue counted)', { timeout: 240_000 }, async ({ b, server, zoom: lsdk }) => {
    const page = await b.context.newPage();
    const lines: string[] = [];
    let replaced = 0;
    for (let load = 1; load <= 6; load++) {
      const url = server.url(`/strict.html?load=${load}`);
      await page.goto(url);
      const before = lsdk.requests.length;
      const token = VIDEO_SCENARIOS['vsdk-good'].issue(Date.now(), CREDS, 1);
      await page.evaluate(([topic, t]) => (window as any).effectTwice(topic, t), [CREDS.topic, token] as const);
      // Both joins settle offline (the second is accepted by wc/lsdk, then cannot reach a media server).
      await page.waitForFunction(() => (window as any).pageSaw.length === 2, null, { timeout: 60_000 });
      const st = await waitFor(`load ${load}: both attempts settled`, async () => {
        const x = await b.tabState(`load=${load}`);
        return x && x.attempts.length === 2 && x.attempts.every((a) => a.outcome.kind !== 'pending') ? x : null;
      }, 30_000);
      const [first, second] = st.attempts as [JoinAttempt, JoinAttempt];
      lines.push(`load ${load}: requests ${lsdk.requests.length - before}; first ${first.wire?.http} → ${first.outcome.kind}; second ${second.wire?.http} → ${JSON.stringify(second.outcome).slice(0, 100)}`);
      // An aborted request may never reach the server (seen with three browser files at once): then
      // only the second arrived, and the first must be the aborted one.
      const reached = lsdk.requests.length - before;
      expect(reached === 2 || (reached === 1 && first.wire?.http === 0), `requests that reached wc/lsdk: ${reached}`).toBe(true);
      // Only an aborted first request (no HTTP answer) is a replacement; one Zoom answered stays what it was.
      if (first.wire?.http !== 0) continue;
      replaced++;
      expect(first.outcome).toMatchObject({ kind: 'superseded', by: second.id });
      expect(first.outcome.kind === 'superseded' && first.outcome.reason).toMatch(/React StrictMode/);
      const c = correlate(st.attempts.map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
      expect(c.counts.superseded).toBe(1);
      expect(c.failures).toBe(second.outcome.kind === 'failure' ? 1 : 0);
      expect(st.attempts.filter(isFailed).map((a) => a.id)).not.toContain(first.id);
      if (replaced === 1) {
        // Where users meet it: the row says superseded and why, and the badge's failure count leaves it out.
        const panel = await openPanelAsTab(b, st.tabId);
        const row = panel.locator(`[data-testid="attempt-row"][data-attempt-id="${first.id}"]`);
        await waitFor('the superseded row', () => row.count());
        expect(await row.getAttribute('data-outcome')).toBe('superseded');
        const cell = await row.locator('[data-testid="outcome-cell"]').getAttribute('title');
        lines.push(`panel outcome cell: ${cell}`);
        expect(cell).toMatch(/^superseded: the page called join\(\) again/);
        await panel.screenshot({ path: path.join(screenshotDir(), 'strict-mode-superseded.png') });
        await panel.close();
      }
    }
    console.log(`StrictMode double join:\n${lines.join('\n')}`);
    expect(replaced).toBeGreaterThan(0);
    await page.close();
  });
});
