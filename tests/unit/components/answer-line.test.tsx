// @vitest-environment happy-dom
/**
 * The answer line where users meet it in the panel: a backend signing with another secret, Java
 * Math.round(long) (seed arithmetic), and a success on a page without COOP/COEP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { INVALID_SIGNATURE, makeAttempt, seedSession } from './fixtures';
import { payloadIssuedAt, signClaims } from '../rules/token-helpers';
import { $, click, render, type Rendered } from './render';
import { rules, videoCatalogue } from '../../../lib/rules/index';

let r: Rendered | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
});

function storeWith(attempts: JoinAttempt[], selected: string) {
  const store = createPanelStore();
  store.getState().loadSnapshot({ tabId: 1, pageUrl: 'https://app.example.test/', preserveLog: false, attempts, stats: { ...EMPTY_STATS, attempts: attempts.length }, issuances: [], clock: null });
  store.getState().select(selected);
  return store;
}

describe('one line per attempt: cause · fix', () => {
  it('a token signed with another secret: FAIL, "Token looks valid: check the secret", the secret field in the answer, not at the bottom', async () => {
    const now = Date.UTC(2026, 10, 29, 3, 0, 0);
    const iat = Math.floor(now / 1000) - 30;
    const token = await signClaims(payloadIssuedAt(iat), 'the-secret-before-it-was-rotated');
    const a = makeAttempt(token, { id: 'rotated', calledAt: now, outcome: INVALID_SIGNATURE, clockOffsetMs: 0 });
    r = await render(<App />, storeWith([a], 'rotated'));
    const answer = $(r.container, 'answer')!;
    expect(answer.dataset.verdict).toBe('FAIL');
    expect($(answer, 'answer-cause')?.textContent).toBe('Token looks valid: check the secret');
    expect(answer.querySelector('[data-testid="secret-input"]')).not.toBeNull();
    expect(r.container.querySelectorAll('[data-testid="secret-input"]')).toHaveLength(1);
    // The outcome said again ("the join failed with 3712") is folded, not a finding on top.
    expect($(r.container, 'quiet-findings')?.textContent).toContain('answer-signature-rejected');
    // The row in the log shows the same cause.
    expect(r.container.querySelector('[data-testid="attempt-row"] [data-testid="top-finding"]')?.textContent).toContain('Token looks valid: check the secret');
  });

  it('Java Math.round: the fix is shown in Java first, code as code, and another language is one click away', async () => {
    const seed = await seedSession(40);
    const bad = seed.find((a) => a.outcome.kind === 'failure')!;
    r = await render(<App />, storeWith(seed, bad.id));
    const fix = $($(r.container, 'answer')!, 'answer-fix')!;
    expect(fix.dataset.lang).toBe('java');
    expect(fix.querySelector('[data-testid="fix-line"] code')?.textContent).toContain('Math.round');
    expect(fix.textContent).not.toContain('`');
    await r.act(() => click(fix.querySelector('button[data-lang="python"]')));
    expect($($(r.container, 'answer')!, 'answer-fix')!.dataset.lang).toBe('python');
  });

  it('a success on a page without COOP/COEP reads OK, and page-not-isolated folds to one line', async () => {
    const a = makeAttempt(await signClaims(payloadIssuedAt(Math.floor(Date.UTC(2026, 10, 29, 3, 0, 0) / 1000) - 30)), {
      id: 'ok',
      calledAt: Date.UTC(2026, 10, 29, 3, 0, 0),
      page: { crossOriginIsolated: false, isolationSource: 'page' },
    });
    r = await render(<App />, storeWith([a], 'ok'));
    expect($(r.container, 'answer')?.dataset.verdict).toBe('OK');
    expect(r.container.querySelector('[data-testid="findings"] > ul [data-rule-id="page-not-isolated"]')).toBeNull();
    expect($(r.container, 'quiet-findings')?.textContent).toMatch(/1 note that does not affect this join: page-not-isolated/);
    expect(r.container.querySelector('[data-testid="attempt-row"] [data-testid="top-finding"]')).toBeNull();
  });

  it('an init that never called back: the inspector says the init takes no signature, not "The signature argument was null", and offers no secret check', async () => {
    const a = makeAttempt(null, { id: 'init', method: 'ZoomMtg.init', meetingNumber: undefined, outcome: { kind: 'silent-refusal', reason: 'ZoomMtg.init never called back (45 s): the join never started.' } });
    r = await render(<App />, storeWith([a], 'init'));
    const inspector = $(r.container, 'token-inspector')!;
    expect($(inspector, 'answer-cause')?.textContent).toBe('ZoomMtg.init never called back (45 s): the join never started.');
    expect($(inspector, 'init-no-token')?.textContent).toMatch(/^ZoomMtg\.init takes no signature/);
    expect(inspector.textContent).not.toContain('The signature argument was');
    // What the join rules say about where it stopped may stay; no token rule speaks of a token that does not exist.
    const tokenRules = new Set<string>([...rules, ...videoCatalogue].map((x) => x.id));
    const shown = [...inspector.querySelectorAll('[data-rule-id]')].map((e) => e.getAttribute('data-rule-id')!);
    expect(shown.filter((id) => tokenRules.has(id))).toEqual([]);
    expect(inspector.querySelector('[data-testid="secret-input"]')).toBeNull();
  });

  it('the tabs move with the arrow keys, and each controls its tabpanel', async () => {
    const seed = await seedSession(3);
    r = await render(<App />, storeWith(seed, seed[0]!.id));
    const list = r.container.querySelector('[role="tablist"]')!;
    await r.act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(r.store.getState().view).toBe('correlation');
    expect(r.container.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe('jd-tab-correlation');
    await r.act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(r.store.getState().view).toBe('reproduce');
  });

  it('an attempt the filter hides leaves the inspector, and the toolbar counts what is shown', async () => {
    const seed = await seedSession(10);
    const ok = seed.find((a) => a.outcome.kind === 'success')!;
    r = await render(<App />, storeWith(seed, ok.id));
    expect($(r.container, 'token-inspector')).not.toBeNull();
    await r.act(() => r!.store.getState().setFilter({ text: 'status:3712' }));
    expect($(r.container, 'token-inspector')).toBeNull();
    const failures = seed.filter((a) => a.outcome.kind === 'failure').length;
    expect($(r.container, 'shown-count')?.textContent).toBe(`${failures} / 10 shown`);
  });
});
