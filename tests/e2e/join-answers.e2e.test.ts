/**
 * Issue 10 with the real @zoom/meetingsdk 6.2.0, client and component view: Zoom's answers from
 * the code table's ranges, a silent wc/info, role 1 without zak and zak + obfToken, each captured
 * by the extension and analysed as the panel does (analyseAttempt on the stored attempt): exactly
 * the expected finding ids, no token or argument finding that should not be there.
 */
import { afterAll, describe, expect } from 'vitest';
import type { JoinAttempt } from '../../lib/model/attempt';
import { analyseAttempt } from '../../lib/attempt-context';
import { previousJoins } from '../../lib/capture/previous-join';
import { setSettleTimeout, captureExports, clientViewPage, componentViewPage, savedExports, extensionTest, openPanelAsTab, sampleSignature, signatureWithoutAppKey, waitFor, type ExtensionBrowser, type PageServer, type ZoomStandIn } from './harness';

const it = extensionTest({
  name: 'join-answers',
  serve: (s) => {
    s.setPage('/client.html', clientViewPage());
    s.setPage('/component.html', componentViewPage());
  },
});

// The join() helper below reaches the file's browser, pages and Zoom stand-in through these.
let b: ExtensionBrowser;
let server: PageServer;
let zoom: ZoomStandIn;

it.beforeAll(async ({ b: browser, server: pages, zoom: standIn }) => {
  b = browser;
  server = pages;
  zoom = standIn;
});

const ANSWER = (errorCode: number, errorMessage: string) => ({ body: { status: false, errorCode, errorMessage } });

/** Joins on a fresh page, waits for the attempt to settle in the extension's store, returns it with its finding ids. */
async function join(view: 'client' | 'component', answer: ZoomStandIn['answer'], opts: { sig?: Record<string, unknown>; token?: string; extra?: Record<string, unknown>; timeoutMs?: number; inPanel?: (tabId: number) => Promise<void> } = {}): Promise<{ attempt: JoinAttempt; ids: string[]; seen: unknown }> {
  zoom.answer = answer;
  const pagePath = `/${view}.html`;
  const page = await b.context.newPage();
  const caseId = `case=${Math.random().toString(36).slice(2)}`;
  if (opts.timeoutMs) await setSettleTimeout(b, caseId, opts.timeoutMs);
  await page.goto(server.url(`${pagePath}?${caseId}`));
  const url = page.url();
  const seen = opts.timeoutMs ? null : await page.evaluate(([sig, extra]) => (window as any).joinNow(sig, extra), [opts.token ?? sampleSignature(opts.sig ?? {}), opts.extra ?? {}] as const);
  if (opts.timeoutMs) void page.evaluate(([sig, extra]) => (window as any).joinNow(sig, extra), [opts.token ?? sampleSignature(opts.sig ?? {}), opts.extra ?? {}] as const).catch(() => 0);
  let tabId = -1;
  const attempt = await waitFor(`the settled join on ${url}`, async () => {
    const s = await b.tabState(new URL(url).pathname + new URL(url).search);
    const a = s?.attempts.find((x) => x.api !== 'wire' && x.outcome.kind !== 'pending' && (x.outcome.kind !== 'failure' || x.settledAt));
    if (s) tabId = s.tabId;
    return a ?? null;
  }, 40_000);
  if (opts.inPanel) await opts.inPanel(tabId);
  await page.close();
  const all = analyseAttempt(attempt).findings.map((f) => f.id);
  // This page sends no COOP/COEP and the token no video_webrtc_mode: page-not-isolated is true of
  // every case here (page-and-assets.e2e tests it); the cases below are about the answer and the arguments.
  expect(all).toContain('page-not-isolated');
  // A token made now has an iat that is a multiple of 128 s once in 128 joins: iat-quantized (info) is then right too.
  const ids = all.filter((id) => id !== 'page-not-isolated' && id !== 'iat-quantized').sort();
  return { attempt, ids, seen };
}

/** The page's two joins once neither is pending, and each one's previous join. */
async function bothJoinsSettled(url: URL): Promise<{ attempts: JoinAttempt[]; prev: Map<JoinAttempt, JoinAttempt> }> {
  const s = await waitFor('both joins settled', async () => {
    const st = await b.tabState(url.pathname + url.search);
    const joins = st?.attempts.filter((x) => x.api !== 'wire') ?? [];
    return joins.length >= 2 && joins.every((x) => x.outcome.kind !== 'pending') ? st : null;
  }, 40_000);
  const attempts = s.attempts.filter((x) => x.api !== 'wire');
  return { attempts, prev: previousJoins(attempts) };
}

const MATRIX: Array<[string, string[]]> = [];
afterAll(() => console.log(`join-answers matrix:\n${MATRIX.map(([c, ids]) => `  ${c} → ${ids.join(', ') || '(none)'}`).join('\n')}`));
const record = (c: string, ids: string[]) => MATRIX.push([c, ids]);

describe('real 6.2.0: Zoom\'s answers, no answer and the join arguments, named', () => {
  it('client view, 3707 (200 "The meeting number is not found.") with a perfect token: only the code finding', async () => {
    const r = await join('client', () => ANSWER(200, 'The meeting number is not found.'));
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3707 });
    record('client 3707', r.ids);
    expect(r.ids).toEqual(['answer-signature-rejected']);
  });

  it('client view, server 3000 "User email is required." → 3005 without userEmail: the code and the missing argument', async () => {
    const r = await join('client', () => ANSWER(3000, 'User email is required.'));
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3005 });
    record('client 3000→3005, no userEmail', r.ids);
    expect(r.ids).toEqual(['answer-meeting-refused', 'args-webinar-email-missing']);
  });

  it('client view, role 1 without zak answered 3711: the host code and args-host-without-zak', async () => {
    const r = await join('client', () => ANSWER(200, "Can not be host in other account's meeting."), { sig: { role: 1 } });
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3711 });
    record('client role 1 no zak (3711)', r.ids);
    expect(r.ids).toEqual(['answer-host-start', 'args-host-without-zak']);
  });

  it('client view, zak and obfToken together: the SDK refuses with 3636 before asking Zoom', async () => {
    const before = zoom.requests.length;
    const r = await join('client', () => ANSWER(200, 'Invalid signature.'), { extra: { zak: 'zak-e2e', obfToken: 'obf-e2e' } });
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3636 });
    expect(zoom.requests.length).toBe(before);
    expect(JSON.stringify(r.attempt)).not.toContain('zak-e2e');
    record('client zak+obfToken (3636)', r.ids);
    expect(r.ids).toEqual(['answer-sdk-refused', 'args-zak-and-obf-token']);
  });

  it('client view, a wc/info that never answers: answer-no-answer at stage no-answer', async () => {
    const r = await join('client', () => 'hang', { timeoutMs: 12_000 });
    expect(r.attempt.outcome.kind).toBe('timeout');
    const f = analyseAttempt(r.attempt).findings.find((x) => x.id === 'answer-no-answer');
    expect(f?.data?.stage).toBe('no-answer');
    record('client silent wc/info', r.ids);
    expect(r.ids).toEqual(['answer-no-answer']);
  });

  it('component view, 3707 with a perfect token: only the code finding', async () => {
    const r = await join('component', () => ANSWER(200, 'The meeting number is not found.'));
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3707 });
    record('component 3707', r.ids);
    expect(r.ids).toEqual(['answer-signature-rejected']);
  });

  it('component view, server 3001 "Meeting does not exist" arrives as 200 with Zoom\'s words, named through 3001', async () => {
    const r = await join('component', () => ANSWER(3001, 'Meeting does not exist'));
    expect(r.seen).toEqual({ ok: false, value: { type: 'JOIN_MEETING_FAILED', reason: 'Meeting does not exist', errorCode: 200 } });
    record('component 3001→200', r.ids);
    expect(r.ids).toEqual(['answer-meeting-refused']);
  });

  it('component view, role 1 without zak answered 3711', async () => {
    const r = await join('component', () => ANSWER(200, "Can not be host in other account's meeting."), { sig: { role: 1 } });
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3711 });
    record('component role 1 no zak (3711)', r.ids);
    expect(r.ids).toEqual(['answer-host-start', 'args-host-without-zak']);
  });

  it('component view, zak and obfToken together: a plain Error before asking Zoom (not its 5013 object)', async () => {
    const before = zoom.requests.length;
    const r = await join('component', () => ANSWER(200, 'Invalid signature.'), { extra: { zak: 'zak-e2e', obfToken: 'obf-e2e' } });
    expect(r.seen).toEqual({ ok: false, value: { message: 'zak and obfToken are mutually exclusive. Please provide only one.' } });
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: null });
    expect(zoom.requests.length).toBe(before);
    record('component zak+obfToken (plain Error)', r.ids);
    expect(r.ids).toEqual(['answer-sdk-refused', 'args-zak-and-obf-token']);
  });

  it('in the panel: a URL-encoded passcode refused with 3004 shows the row\'s top finding and the Inspector grouped by origin', async () => {
    let groups: string[] = [];
    let quiet: string[] = [];
    let top: string | null = null;
    let exported: Array<{ name: string; text: string }> = [];
    const r = await join('client', () => ANSWER(3004, 'Wrong passcode'), {
      extra: { passWord: 'Pa%40ss' },
      // 3004 opens the SDK's own passcode dialog and calls no callback: join without awaiting it.
      timeoutMs: 60_000,
      inPanel: async (tabId) => {
        const panel = await openPanelAsTab(b, tabId);
        const row = panel.locator('[data-testid="attempt-row"]').first();
        await waitFor('the row in the panel', () => row.count());
        top = await waitFor('its top finding', () => row.locator('[data-testid="top-finding"]').getAttribute('data-rule-id'));
        await row.click();
        await panel.locator('[data-testid="finding-group"]').first().waitFor();
        groups = await panel.locator('[data-testid="finding-group"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-origin')}:${[...e.querySelectorAll('[data-testid="finding"]')].map((f) => f.getAttribute('data-rule-id')).join('+')}`));
        quiet = await panel.locator('[data-testid="quiet-findings"] [data-testid="finding"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-origin')}:${e.getAttribute('data-rule-id')}`));
        expect(await panel.content()).not.toContain('Pa%40ss');
        // The exports carry the same named causes, grouped by origin, and never the passcode.
        await captureExports(panel);
        await panel.locator('[data-testid="export-button"]').click();
        for (const f of ['json', 'markdown', 'csv', 'html']) await panel.locator(`[data-testid="export-${f}"]`).click();
        exported = await savedExports(panel);
        await panel.close();
      },
    });
    expect(r.attempt.outcome).toMatchObject({ kind: 'failure', code: 3004 });
    record('client 3004 passWord Pa%40ss', r.ids);
    expect(r.ids).toEqual(['answer-meeting-refused', 'args-passcode-encoded']);
    expect(top).toBe('answer-meeting-refused');
    expect(groups.filter((g) => !g.startsWith('page:'))).toEqual(['answer:answer-meeting-refused', 'arguments:args-passcode-encoded']);
    // The page's isolation does not affect a 3004: it folds into the one-line notes, never a group of its own (issue 21).
    expect(groups.filter((g) => g.startsWith('page:'))).toEqual([]);
    expect(quiet).toContain('page:page-not-isolated');
    expect(exported.map((f) => f.name.split('.').pop())).toEqual(['json', 'md', 'csv', 'html']);
    const json = JSON.parse(exported[0]!.text);
    const findings = json.items[0].analysis.findings as Array<{ id: string; origin?: string }>;
    expect(findings.filter((f) => f.origin === 'answer' || f.origin === 'arguments').map((f) => `${f.origin}:${f.id}`).sort()).toEqual(['answer:answer-meeting-refused', 'arguments:args-passcode-encoded']);
    expect(json.items[0].attempt.args).toMatchObject({ from: 'call', passcodeShape: { percentEncoded: true } });
    for (const f of exported) {
      expect(f.text, f.name).toContain('args-passcode-encoded');
      expect(f.text, f.name).not.toMatch(/Pa%(25)?40ss/);
    }
    expect(exported[1]!.text).toContain('Zoom says the passcode is wrong (3004)');
  });

  it('client view, a signature without appKey: 6.x never sends wc/info and calls nothing (stage not-sent, beside the token cause)', async () => {
    const before = zoom.requests.length;
    const r = await join('client', () => ANSWER(200, 'Invalid signature.'), { token: signatureWithoutAppKey(), timeoutMs: 12_000 });
    expect(zoom.requests.length).toBe(before);
    expect(r.attempt.outcome.kind).toBe('silent-refusal');
    expect(analyseAttempt(r.attempt).findings.find((x) => x.id === 'answer-no-answer')?.data?.stage).toBe('not-sent');
    record('client no appKey (wc/info never sent)', r.ids);
    expect(r.ids).toContain('answer-no-answer');
    expect(r.ids).toContain('app-key-missing');
  });

  it('client view, a retry calling ZoomMtg.join 1 s after a failed join: 6.2.0 drops it (no request, no callback), args-join-repeated leads', async () => {
    zoom.answer = () => ANSWER(200, 'Invalid signature.');
    const page = await b.context.newPage();
    const caseId = `case=repeat-${Math.random().toString(36).slice(2)}`;
    await setSettleTimeout(b, caseId, 12_000);
    await page.goto(server.url(`/client.html?${caseId}`));
    const url = new URL(page.url());
    const sig = sampleSignature();
    const first = await page.evaluate((s) => (window as any).joinNow(s), sig);
    expect(first).toMatchObject({ ok: false, value: { errorCode: 3712 } });
    const requests = zoom.requests.length;
    // A string, so no bundler helper leaks into the page; the SDK's own callbacks are what is measured.
    const second = await page.evaluate(`new Promise((resolve) => { setTimeout(() => resolve('no callback within 12 s'), 12000);
      ZoomMtg.join({ signature: ${JSON.stringify(sig)}, meetingNumber: '123456789', userName: 'e2e', passWord: '',
        success: (v) => resolve({ ok: true, value: v }), error: (e) => resolve({ ok: false, value: e }) }); })`);
    expect(second).toBe('no callback within 12 s');
    expect(zoom.requests.length).toBe(requests);
    const { attempts, prev } = await bothJoinsSettled(url);
    await page.close();
    const dropped = attempts.find((x) => x.outcome.kind === 'silent-refusal');
    expect(dropped, JSON.stringify(attempts.map((x) => [x.calledAt, x.outcome, x.wire]))).toBeDefined();
    if (!dropped) return;
    const analysis = analyseAttempt(dropped, { previous: prev.get(dropped) ?? null });
    const ids = analysis.findings.map((f) => f.id).filter((id) => id !== 'page-not-isolated' && id !== 'iat-quantized').sort();
    record('client join() again 1 s after a failure (dropped)', ids);
    expect(ids).toEqual(['answer-no-answer', 'args-join-repeated']);
    expect(analysis.findings[0]?.id).toBe('args-join-repeated');
    const firstAttempt = attempts.find((x) => x.outcome.kind === 'failure')!;
    expect(analyseAttempt(firstAttempt, { previous: prev.get(firstAttempt) ?? null }).findings.map((f) => f.id)).not.toContain('args-join-repeated');
  });

  it('component view, client.join called twice 100 ms apart (StrictMode): 6.2.0 sends both and both get Zoom\'s answer, so nothing is flagged as repeated', async () => {
    zoom.answer = () => ANSWER(200, 'Invalid signature.');
    const page = await b.context.newPage();
    await page.goto(server.url(`/component.html?case=twice-${Math.random().toString(36).slice(2)}`));
    const url = new URL(page.url());
    const requests = zoom.requests.length;
    const seen = await page.evaluate(`(async () => {
      const client = ZoomMtgEmbedded.createClient();
      await client.init({ zoomAppRoot: document.getElementById('zmmtg-embedded'), language: 'en-US', patchJsMedia: true, assetPath: location.origin + '/lib/av' });
      const a = { signature: ${JSON.stringify(sampleSignature())}, meetingNumber: '123456789', userName: 'e2e', password: '' };
      const one = client.join(a).catch((e) => e);
      await new Promise((r) => setTimeout(r, 100));
      const two = client.join(a).catch((e) => e);
      return Promise.all([one, two]);
    })()`);
    expect(seen).toEqual([{ type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 }, { type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 }]);
    expect(zoom.requests.length - requests).toBe(2);
    const { attempts, prev } = await bothJoinsSettled(url);
    await page.close();
    for (const a of attempts) expect(analyseAttempt(a, { previous: prev.get(a) ?? null }).findings.map((f) => f.id)).not.toContain('args-join-repeated');
    record('component client.join twice 100 ms apart', ['(none repeated)']);
  });
});
