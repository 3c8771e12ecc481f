/**
 * The real @zoom/videosdk 2.5.0 in real Chromium with the built extension: a CDN-style page
 * (<script> tag, window.WebVideoSDK) and a Vite bundle of `import ZoomVideo from '@zoom/videosdk'`.
 * Its `wc/lsdk` join is answered by the lab's stand-in (lab/wc-lsdk-judge.ts) in the server codes
 * the bundle knows. Each lab scenario must give the page the SDK's own rejection and the panel the
 * finding that names the cause.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  buildVideoSdkModulePage,
  componentViewPage,
  sampleSignature,
  videoSdkScriptTags,
  extensionTest,
  openPanelAsTab,
  routeLsdk,
  tmpDir,
  videoSdkDist,
  videoSdkGlobalPage,
  waitFor,
  type ExtensionBrowser,
  setSettleTimeout,
} from './harness';
import { LAB_VIDEO_CREDENTIALS as CREDS } from '../../lab/credentials';
import { VIDEO_SCENARIOS, VIDEO_SCENARIO_NAMES, isVideoScenarioName } from '../../lab/video-scenarios';

const moduleDir = tmpDir('e2e-pages', 'video-module');
/** Scenario → what was measured, printed at the end (the report's matrix). */
const matrix: Record<string, unknown> = {};

const it = extensionTest({
  name: 'video-sdk',
  mounts: { '/vsdk': videoSdkDist, '/video-module': moduleDir },
  serve: (s) => {
    s.setPage('/video.html', videoSdkGlobalPage());
    // An app offering Zoom meetings (Meeting SDK component view) and Video SDK sessions on one page.
    s.setPage('/both.html', componentViewPage().replace('</body>', `${videoSdkScriptTags('joinVideo')}</body>`));
    s.setHandler('/api/video-signature', (req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').searchParams.get('s');
      if (!isVideoScenarioName(name)) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() });
      res.end(JSON.stringify({ signature: VIDEO_SCENARIOS[name].issue(Date.now(), CREDS, 1) }));
    });
  },
  route: (context) => routeLsdk(context, { alsoWcInfo: true }),
});

beforeAll(() => buildVideoSdkModulePage(moduleDir));
afterAll(() => {
  console.log(`Video SDK scenario matrix (real Chromium, @zoom/videosdk 2.5.0):\n${JSON.stringify(matrix, null, 1)}`);
});

async function joinScenario(page: Page, scenario: string) {
  return page.evaluate(
    async ([s, topic]) => {
      const { signature } = await (await fetch(`/api/video-signature?s=${s}`)).json();
      return { token: signature as string, seen: await (window as any).joinNow(topic, signature) };
    },
    [scenario, CREDS.topic] as const,
  );
}

const settled = (b: ExtensionBrowser, urlPart: string) =>
  waitFor(`a settled attempt for ${urlPart}`, async () => {
    const s = await b.tabState(urlPart);
    return s && s.attempts.length >= 1 && s.attempts.every((a) => a.outcome.kind !== 'pending') ? s : null;
  }, 45_000);

describe('real @zoom/videosdk 2.5.0 from a <script> tag, each lab scenario', () => {
  for (const name of VIDEO_SCENARIO_NAMES) {
    const sc = VIDEO_SCENARIOS[name];
    it(`${name}: the page gets the SDK's own answer and the panel names ${sc.expectedFinding ?? 'no finding'}`, async ({ b, server, zoom: lsdk }) => {
      const page = await b.context.newPage();
      // The good join gets past wc/lsdk and then waits for Zoom's servers: let the hook time it out soon.
      await setSettleTimeout(b, `/video.html?s=${name}`, 10000);
      await page.goto(server.url(`/video.html?s=${name}`));
      const before = lsdk.requests.length;
      const { token, seen } = await joinScenario(page, name);
      expect(lsdk.requests.length).toBe(before + 1);
      const sent = lsdk.requests[before]!;
      // The wire: form-encoded POST, the JWT in zlk, the topic lower-cased and base64url-encoded.
      expect(sent.method).toBe('POST');
      expect(sent.fields.zlk).toBe(token);
      expect(Buffer.from(sent.fields.topic!, 'base64url').toString('utf8')).toBe(CREDS.topic.toLowerCase());
      expect(sent.fields.cv).toBe('2.5.0');
      expect(seen).toEqual({ ok: false, value: { type: 'JOIN_MEETING_FAILED', ...sc.expectedRejection } });

      const s = await settled(b, `?s=${name}`);
      expect(s.attempts).toHaveLength(1);
      const a = s.attempts[0]!;
      expect(a).toMatchObject({ api: 'video-sdk', sdk: 'video', method: 'video.join', topic: CREDS.topic, signature: token, sdkVersion: '2.5.0' });
      expect(a.outcome).toMatchObject({ kind: 'failure', code: sc.expectedRejection.errorCode, message: sc.expectedRejection.reason, type: 'JOIN_MEETING_FAILED' });

      const panel = await openPanelAsTab(b, s.tabId);
      const row = panel.locator(`[data-testid="attempt-row"][data-attempt-id="${a.id}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-sdk')).toBe('video');
      const topEl = row.locator('[data-testid="top-finding"]');
      // A failed row always names a cause (issue 21); an empty rule id means no rule is that cause.
      const top = (await topEl.count()) > 0 ? (await topEl.getAttribute('data-rule-id')) || null : null;
      await row.click();
      const inspector = panel.locator('[data-testid="token-inspector"]');
      await inspector.waitFor();
      const ids = await inspector.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
      let verified: string[] = [];
      if (name === 'vsdk-wrong-secret' || name === 'vsdk-good') {
        // The HMAC is the only difference: the panel says so once the developer gives the secret.
        const form = panel.locator('[data-testid="verify-secret"]');
        await form.locator('[data-testid="secret-input"]').fill(CREDS.sdkSecret);
        await form.locator('[data-testid="verify-button"]').click();
        const res = form.locator('[data-testid="verification-result"]');
        await waitFor('a verification result', () => res.count());
        verified = await res.locator('[data-rule-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')!));
        expect(await res.getAttribute('data-verifies')).toBe(name === 'vsdk-good' ? 'true' : 'false');
      }
      matrix[name] = { page: seen, attempt: { code: a.outcome.kind === 'failure' ? a.outcome.code : null, outcome: a.outcome.kind }, topFinding: top, findings: ids, withSecret: verified };
      if (sc.expectedFinding === null) {
        expect(ids).toEqual([]);
        expect(top).toBeNull();
      } else if (sc.expectedFinding === 'secret-mismatch') {
        expect(verified).toContain('secret-mismatch');
      } else {
        expect(top).toBe(sc.expectedFinding);
        expect(ids).toContain(sc.expectedFinding);
      }
      // The Video SDK's words, not the Meeting SDK's.
      const text = (await inspector.textContent()) ?? '';
      expect(text).not.toMatch(/\b37\d\d\b/);
      await panel.close();
      await page.close();
    });
  }
});

describe('real @zoom/videosdk 2.5.0 imported as an ES module (Vite bundle)', () => {
  it('the page holds its own ZoomVideo: the wc/lsdk exchange alone gives the attempt, its topic and the SDK code', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/video-module/index.html?s=module'));
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as any).moduleHasGlobal)).toBe(false);
    const { token, seen } = await joinScenario(page, 'vsdk-window-600');
    expect(seen).toEqual({ ok: false, value: { type: 'JOIN_MEETING_FAILED', errorCode: 200, reason: 'The token has expired, is over 2 days old, or is ineffective.' } });
    const s = await settled(b, '?s=module');
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'wire', sdk: 'video', method: 'wc/lsdk', topic: CREDS.topic.toLowerCase(), signature: token, sdkVersion: '2.5.0' });
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 200, serverCode: 124, message: 'The token has expired, is over 2 days old, or is ineffective.' });
    const panel = await openPanelAsTab(b, s.tabId);
    const row = panel.locator(`[data-testid="attempt-row"][data-attempt-id="${s.attempts[0]!.id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid="top-finding"]').getAttribute('data-rule-id')).toBe('exp-window-short');
    matrix['module:vsdk-window-600'] = { page: seen, topFinding: 'exp-window-short' };
    await panel.close();
    await page.close();
  });

  it('a 5xx is retried as JSONP GET with the same fields, still one attempt', async ({ b, server, zoom: lsdk }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/video-module/index.html?s=jsonp'));
    await page.waitForFunction(() => typeof (window as any).joinNow === 'function', null, { timeout: 60_000 });
    const previous = lsdk.answer;
    lsdk.answer = (r) => (r.jsonp ? previous(r) : { status: 502, body: {} });
    try {
      const before = lsdk.requests.length;
      const { seen } = await joinScenario(page, 'vsdk-role-string');
      expect(seen).toEqual({ ok: false, value: { type: 'JOIN_MEETING_FAILED', errorCode: 3010, reason: 'Role type error' } });
      const sent = lsdk.requests.slice(before);
      expect(sent.map((r) => [r.method, r.jsonp])).toEqual([['POST', false], ['GET', true]]);
      expect(sent[1]!.fields.callback).toMatch(/^zoomsdkjsonpcallback\d+$/);
      const s = await settled(b, '?s=jsonp');
      expect(s.attempts).toHaveLength(1);
      expect(s.attempts[0]).toMatchObject({ method: 'wc/lsdk (JSONP)', sdk: 'video', outcome: { code: 3010, serverCode: 3000 } });
    } finally {
      lsdk.answer = previous;
    }
    await page.close();
  });

  it('nothing outside loopback was requested but wc/lsdk', ({ zoom: lsdk }) => {
    expect(lsdk.blocked).toEqual([]);
  });
});

describe('client-side refusals the wire never sees', () => {
  it('an empty token: join() itself rejects with 5013 before any request, captured from the wrapped client.join', async ({ b, server, zoom: lsdk }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/video.html?s=empty'));
    const before = lsdk.requests.length;
    const seen = await page.evaluate((topic) => (window as any).joinNow(topic, ''), CREDS.topic);
    expect(seen).toEqual({ ok: false, value: { type: 'INVALID_PARAMETERS', reason: 'Topic, token and userName must be string and required', errorCode: 5013 } });
    expect(lsdk.requests.length).toBe(before);
    const s = await settled(b, '?s=empty');
    expect(s.attempts[0]).toMatchObject({ sdk: 'video', method: 'video.join', outcome: { kind: 'failure', code: 5013, type: 'INVALID_PARAMETERS' } });
    await page.close();
  });
});

describe('one page, both SDKs (real @zoom/meetingsdk 6.2.0 component view and @zoom/videosdk 2.5.0)', () => {
  it('each join keeps its SDK: a Meeting SDK 3712 and a Video SDK tpc mismatch in one session, counted per SDK', async ({ b, server }) => {
    const page = await b.context.newPage();
    await page.goto(server.url('/both.html?s=both'));
    const meeting = await page.evaluate((sig) => (window as any).joinNow(sig), sampleSignature());
    expect(meeting).toMatchObject({ ok: false, value: { errorCode: 3712 } });
    const { signature } = await page.evaluate(async () => (await fetch('/api/video-signature?s=vsdk-topic-mismatch')).json());
    const video = await page.evaluate(([topic, token]) => (window as any).joinVideo(topic, token), [CREDS.topic, signature] as const);
    expect(video).toEqual({ ok: false, value: { type: 'JOIN_MEETING_FAILED', reason: 'Verify JWT failed', errorCode: 200 } });
    const s = await waitFor('two settled attempts', async () => {
      const t = await b.tabState('?s=both');
      return t && t.attempts.length === 2 && t.attempts.every((a) => a.outcome.kind !== 'pending') ? t : null;
    }, 45_000);
    expect(s.attempts.map((a) => [a.sdk, a.method])).toEqual([['meeting', 'client.join'], ['video', 'video.join']]);
    const panel = await openPanelAsTab(b, s.tabId);
    await panel.locator('[data-testid="attempt-row"]').nth(1).waitFor();
    const rows = await panel.locator('[data-testid="attempt-row"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-sdk'), e.getAttribute('data-code'), (() => {
      const t = e.querySelector('[data-testid="top-finding"]');
      return t ? t.getAttribute('data-rule-id') || `kind:${t.getAttribute('data-kind')}` : null;
    })()]));
    // A perfect Meeting SDK token refused with 3712: no rule explains it, so the row says to check the secret (issue 21), not a token rule.
    expect(rows).toEqual(expect.arrayContaining([['meeting', '3712', 'kind:check-secret'], ['video', '200', 'vsdk-tpc-mismatch']]));
    await panel.setViewportSize({ width: 1280, height: 400 });
    await panel.screenshot({ path: tmpDir('screenshots', 'video-sdk-both-sdks-log.png') });
    await panel.locator('[data-testid="tab-correlation"]').click();
    const box = panel.locator('[data-testid="sdk-breakdown"]');
    await box.waitFor();
    expect(await box.locator('[data-sdk="meeting"]').getAttribute('data-failures')).toBe('1');
    expect(await box.locator('[data-sdk="video"]').getAttribute('data-failures')).toBe('1');
    matrix['both-sdks'] = { rows };
    await panel.close();
    await page.close();
  });
});
