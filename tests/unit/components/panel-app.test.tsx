// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { createPanelStore, EMPTY_STATS } from '../../../components/state/store';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { INVALID_SIGNATURE, makeAttempt, seedSession } from './fixtures';
import { KEY, MEETING, SECRET, payloadIssuedAt, signClaims, signJson } from '../rules/token-helpers';
import { $, click, render, type Rendered } from './render';
import { clearSessionSecret, sessionSecret } from '../../../components/state/session-secret';

let r: Rendered | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
  clearSessionSecret();
});

function storeWith(attempts: JoinAttempt[]) {
  const store = createPanelStore();
  store.getState().loadSnapshot({
    tabId: 1,
    pageUrl: 'https://app.example.test/',
    preserveLog: false,
    attempts,
    stats: { ...EMPTY_STATS, attempts: attempts.length },
    issuances: [],
    clock: null,
  });
  return store;
}

const rows = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('[data-testid="attempt-row"]')];

let seed: JoinAttempt[];
beforeAll(async () => {
  seed = await seedSession(40);
});

describe('empty and loading states', () => {
  it('before the first snapshot, says it is connecting and what to do if that lasts', async () => {
    r = await render(<App />);
    expect($(r.container, 'empty-log')?.dataset.reason).toBe('connecting');
    expect($(r.container, 'attempt-count')?.textContent).toBe('0');
  });

  it('with no join yet, tells the user to reload with DevTools open or call ZoomMtg.join', async () => {
    r = await render(<App />, storeWith([]));
    expect($(r.container, 'empty-log')?.textContent).toMatch(/No join yet.*reload the page with DevTools open, or call ZoomMtg\.join/is);
  });
});

describe('join log', () => {
  it('the seed session shows one row per attempt, with outcome, code, method and top finding', async () => {
    r = await render(<App />, storeWith(seed));
    expect($(r.container, 'attempt-count')?.textContent).toBe('40');
    const all = rows(r.container);
    expect(all).toHaveLength(40);
    const failed = all.filter((x) => x.dataset.outcome === 'failure');
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) {
      expect(row.dataset.code).toBe('3712');
      expect(row.dataset.method).toBe('ZoomMtg.join');
      expect(row.querySelector('[data-testid="top-finding"]')?.getAttribute('data-rule-id')).toBe('iat-future');
      expect(row.textContent).toContain('java/signature');
    }
  });

  it('10,000 attempts render only the rows in view (windowing), while the count says 10000', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...seed[i % seed.length]!, id: `m${i}` }));
    r = await render(<App />, storeWith(many));
    expect($(r.container, 'attempt-count')?.textContent).toBe('10000');
    const n = rows(r.container).length;
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(120);
  });

  it('filtering by the failure outcome leaves only the 3712 rows', async () => {
    r = await render(<App />, storeWith(seed));
    await r.act(() => click($(r!.container, 'outcome-filter')!.querySelector('[data-outcome="failure"]')));
    const shown = rows(r.container);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((x) => x.dataset.outcome === 'failure')).toBe(true);
  });

  it('filtering by rule id keeps the attempts that carry it', async () => {
    r = await render(<App />, storeWith(seed));
    await r.act(() => r!.store.getState().setFilter({ text: 'rule:iat-future' }));
    const shown = rows(r.container);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((x) => x.dataset.outcome === 'failure')).toBe(true);
  });

  it('arrow keys, Home and End move the selection like the Network panel', async () => {
    r = await render(<App />, storeWith(seed.slice(0, 5)));
    const log = $(r.container, 'join-log')!;
    const key = (k: string) => r!.act(() => void log.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    await key('ArrowDown');
    expect(r.store.getState().selectedId).toBe('seed-0');
    await key('ArrowDown');
    expect(r.store.getState().selectedId).toBe('seed-1');
    await key('End');
    expect(r.store.getState().selectedId).toBe('seed-4');
    await key('ArrowUp');
    expect(r.store.getState().selectedId).toBe('seed-3');
    await key('Home');
    expect(r.store.getState().selectedId).toBe('seed-0');
    expect(rows(r.container).find((x) => x.getAttribute('aria-selected') === 'true')?.dataset.attemptId).toBe('seed-0');
  });
});

describe('token inspector', () => {
  it('a failed join shows iat-future with its fix, and the iat annotated relative to the join', async () => {
    const bad = seed.find((a) => a.outcome.kind === 'failure')!;
    r = await render(<App />, storeWith(seed));
    await r.act(() => click(r!.container.querySelector(`[data-attempt-id="${bad.id}"]`)));
    const inspector = $(r.container, 'token-inspector')!;
    const finding = inspector.querySelector('[data-testid="finding"][data-rule-id="iat-future"]');
    expect(finding?.textContent).toMatch(/Fix:/);
    const iatRow = inspector.querySelector('[data-testid="claims-payload"] tr[data-claim="iat"]')!;
    expect(iatRow.textContent).toMatch(/after join/);
    expect(iatRow.textContent).toMatch(/\d{4}-\d\d-\d\dT/);
    const expRow = inspector.querySelector('[data-testid="claims-payload"] tr[data-claim="exp"]')!;
    expect(expRow.textContent).toContain('exp − iat = 7200 s (2 h)');
    expect(inspector.querySelector('tr[data-claim="mn"]')?.textContent).toContain(`joined meeting: ${MEETING}`);
  });

  it('PyJWT float iat: the raw JSON shows 1795912284.0 exactly as sent', async () => {
    const token = await signJson(
      `{"appKey":"${KEY}","sdkKey":"${KEY}","mn":"${MEETING}","role":0,"iat":1795912284.0,"exp":1795919484.0,"tokenExp":1795919484.0}`,
    );
    const a = makeAttempt(token, { id: 'py', calledAt: 1795912290_000, outcome: INVALID_SIGNATURE });
    const store = storeWith([a]);
    store.getState().select('py');
    r = await render(<App />, store);
    expect($(r.container, 'raw-payload')?.textContent).toContain('"iat":1795912284.0');
    expect(r.container.querySelector('tr[data-claim="iat"] [data-testid="claim-value"]')?.textContent).toBe('1795912284.0');
    expect(r.container.querySelector('[data-testid="finding"][data-rule-id="iat-fractional"]')).not.toBeNull();
  });

  it('a token whose claims contain markup is shown as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const token = await signClaims({ ...payloadIssuedAt(1795912284), mn: evil, [evil]: evil });
    const a = makeAttempt(token, { id: 'evil', meetingNumber: evil, outcome: { kind: 'failure', code: 3712, message: evil, serverMessage: evil } });
    const store = storeWith([a]);
    store.getState().select('evil');
    r = await render(<App />, store);
    expect(r.container.querySelector('img')).toBeNull();
    expect(r.container.querySelector('script')).toBeNull();
    expect(r.container.textContent).toContain(evil);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('the join arguments never show the HMAC segment of the signature', async () => {
    const a = seed[0]!;
    const store = storeWith([a]);
    store.getState().select(a.id);
    r = await render(<App />, store);
    const hmac = String(a.signature).split('.')[2]!;
    expect($(r.container, 'join-arguments')?.textContent).toContain('.<redacted>');
    expect(r.container.textContent).not.toContain(hmac);
  });

  it('copying the token first warns that it is a live credential', async () => {
    const a = seed[0]!;
    const store = storeWith([a]);
    store.getState().select(a.id);
    r = await render(<App />, store);
    const copy = $(r.container, 'copy-token')!;
    await r.act(() => click(copy.querySelector('button')));
    expect(copy.textContent).toMatch(/live credential/);
    expect(copy.textContent).toMatch(/Copy token anyway/);
  });
});

describe('verify with secret', () => {
  async function verify(secret: string, key = '') {
    const a = seed[0]!;
    const store = storeWith([a]);
    store.getState().select(a.id);
    r = await render(<App />, store);
    const set = (el: HTMLInputElement, v: string) => {
      const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
      proto.set!.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await r.act(() => set($(r!.container, 'secret-input') as HTMLInputElement, secret));
    if (key) await r.act(() => set($(r!.container, 'key-input') as HTMLInputElement, key));
    await r.act(() => click($(r!.container, 'verify-button')));
    for (let i = 0; i < 50 && !$(r.container, 'verification-result'); i++) await r.act(() => new Promise((res) => setTimeout(res, 10)));
    return $(r.container, 'verification-result')!;
  }

  it('the right secret verifies, and the secret never reaches the store', async () => {
    const res = await verify(SECRET);
    expect(res.dataset.verifies).toBe('true');
    expect(JSON.stringify(r!.store.getState())).not.toContain(SECRET);
    expect($(r!.container, 'secret-notice')?.textContent).toMatch(/never saved.*never included in exports/s);
  });

  it('the wrong secret reports secret-mismatch', async () => {
    const res = await verify('not-the-secret');
    expect(res.dataset.verifies).toBe('false');
    expect(res.querySelector('[data-rule-id="secret-mismatch"]')).not.toBeNull();
  });

  it('key and secret swapped in the backend config is recognised', async () => {
    const res = await verify(KEY, SECRET);
    expect(res.dataset.swapped).toBe('true');
    expect(res.querySelector('[data-rule-id="secret-swapped"]')).not.toBeNull();
  });

  it('a support engineer pastes the secret once and all 3 attempts of the session are checked, the field keeps nothing', async () => {
    const attempts = seed.slice(0, 3);
    const store = storeWith(attempts);
    store.getState().select(attempts[0]!.id);
    r = await render(<App />, store);
    const input = $(r.container, 'secret-input') as HTMLInputElement;
    const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    await r.act(() => {
      proto.set!.call(input, 'not-the-secret');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await r.act(() => click($(r!.container, 'verify-button')));
    for (let i = 0; i < 50 && sessionSecret.getState().checking; i++) await r.act(() => new Promise((res) => setTimeout(res, 10)));
    const distinct = new Set(attempts.map((a) => a.signature)).size;
    expect(sessionSecret.getState().byToken.size).toBe(distinct);
    expect($(r.container, 'secret-tally')!.textContent).toContain(`${distinct} distinct`);
    // Reselecting another attempt shows its result without pasting again.
    await r.act(() => store.getState().select(attempts[1]!.id));
    expect($(r.container, 'verification-result')!.dataset.verifies).toBe('false');
    expect(JSON.stringify(store.getState())).not.toContain('not-the-secret');
    await r.act(() => click($(r!.container, 'forget-secret')));
    expect(sessionSecret.getState().secret).toBe('');
    expect($(r.container, 'secret-input')).not.toBeNull();
  });

  it('a secret that verifies once trimmed is headlined as such, not as "does NOT verify"', async () => {
    const res = await verify(`${SECRET} `); // a password field drops newlines but keeps spaces
    expect(res.dataset.verifies).toBe('false');
    expect(res.dataset.whitespace).toBe('trimmed');
    expect(res.textContent).toMatch(/verifies with the secret trimmed/);
    expect(res.textContent).not.toMatch(/does NOT verify/);
  });
});
