// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReproducePanel, probeSchedule } from '../../../components/ReproducePanel';
import { LAB_CREDENTIALS } from '../../../lab/credentials';
import { SCENARIOS } from '../../../lab/scenarios';
import { HS256_HEADER_JSON, signJsonText } from '../../../lab/jwt';
import { $, click, render, type Rendered } from './render';

const permission = vi.hoisted(() => ({ grant: true, asked: [] as string[] }));
vi.mock('../../../components/state/host-permission', async (orig) => ({
  ...(await orig<typeof import('../../../components/state/host-permission')>()),
  ensureHostPermission: async (url: string) => {
    permission.asked.push(url);
    return permission.grant;
  },
}));

const ENDPOINT = 'https://backend.example/api/signature';
let r: Rendered | undefined;
let calls: Array<{ url: string; method: string; body?: string }> = [];

beforeEach(() => {
  calls = [];
  permission.asked = [];
  permission.grant = true;
  // A Java Math.round(long) backend, sampled at moments spread over many 128 s cycles.
  let t = Date.UTC(2026, 10, 29, 4, 0, 0);
  vi.stubGlobal('fetch', async (url: string, init: { method: string; body?: string }) => {
    calls.push({ url, method: init.method, body: init.body });
    t += 37_000;
    const signature = SCENARIOS['java-round'].issue(t, LAB_CREDENTIALS, 0);
    return new Response(JSON.stringify({ signature }), { status: 200, headers: { 'content-type': 'application/json', date: new Date(t).toUTCString() } });
  });
});
afterEach(() => {
  vi.useRealTimers();
  r?.unmount();
  vi.unstubAllGlobals();
});

/**
 * The panel's probe waits 250 ms between requests (its burst spacing): on fake timers the test
 * steps that clock itself, so 40 samples take milliseconds, not 10 s, and keep their spacing.
 */
async function runProbeToResult(): Promise<void> {
  for (let i = 0; i < 2_000 && !$(r!.container, 'reproduce-result'); i++) await r!.act(async () => void (await vi.advanceTimersByTimeAsync(250)));
  expect($(r!.container, 'reproduce-result')).not.toBeNull();
}

const seen = () => ({ url: ENDPOINT, method: 'POST', receivedAt: Date.now(), serverDate: null, token: 'x.y.z' });
const setValue = (el: HTMLElement | null, v: string) => {
  const input = el as HTMLInputElement;
  const proto = Object.getPrototypeOf(input);
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, v);
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

/** Renders the panel with the page's endpoint seen, and samples it `n` times, confirmed, to the result. */
async function sampleSeenEndpoint(n: number): Promise<Rendered> {
  r = await render(<ReproducePanel />);
  await r.act(() => r!.store.getState().addIssuance(seen()));
  await r.act(() => setValue($(r!.container, 'reproduce-count'), String(n)));
  await r.act(() => click($(r!.container, 'reproduce-start')));
  vi.useFakeTimers();
  await r.act(() => click($(r!.container, 'reproduce-confirm-yes')));
  await runProbeToResult();
  return r;
}

describe('Reproduce (endpoint sampling in the panel)', () => {
  it('samples the Java-rounding endpoint the page used, after confirmation, and shows iat-future and the quantisation', async () => {
    r = await render(<ReproducePanel />);
    await r.act(() => r!.store.getState().addIssuance(seen()));
    await r.act(() => setValue($(r!.container, 'reproduce-count'), '40'));
    await r.act(() => setValue($(r!.container, 'reproduce-body'), '{"meetingNumber":"85746065432","role":0}'));
    await r.act(() => click($(r!.container, 'reproduce-start')));
    expect(calls).toHaveLength(0); // nothing is sent before the user confirms
    expect($(r.container, 'reproduce-confirm')!.textContent).toContain(`Send 40 POST requests to ${ENDPOINT}`);
    vi.useFakeTimers();
    await r.act(() => click($(r!.container, 'reproduce-confirm-yes')));
    await runProbeToResult();
    expect(permission.asked).toEqual([ENDPOINT]);
    expect(calls).toHaveLength(40);
    expect(calls[0]).toMatchObject({ url: ENDPOINT, method: 'POST', body: '{"meetingNumber":"85746065432","role":0}' });
    const rules = [...r.container.querySelectorAll('[data-testid="reproduce-rules"] tr[data-rule-id]')].map((x) => x.getAttribute('data-rule-id'));
    expect(rules).toContain('iat-future');
    expect(rules).toContain('iat-quantized');
    expect($(r.container, 'reproduce-offsets')!.textContent).toMatch(/% in the future/);
    expect($(r.container, 'reproduce-histogram')!.querySelectorAll('tr').length).toBeGreaterThan(2);
  }, 30_000);

  it('a .NET backend sending iat as DateTime.UtcNow.Ticks / TicksPerSecond: one "≥ 192 s" row, not a row per 16 s up to 6.2e10 s (that hung the panel)', async () => {
    let t = Date.UTC(2026, 10, 29, 4, 0, 0);
    vi.stubGlobal('fetch', async () => {
      t += 1_000;
      // Seconds since 0001-01-01: the Unix seconds plus the 62,135,596,800 s gap to 1970.
      const iat = Math.floor(t / 1000) + 62_135_596_800;
      const payload = JSON.stringify({ appKey: LAB_CREDENTIALS.sdkKey, mn: LAB_CREDENTIALS.meetingNumber, role: 0, iat, exp: iat + 7200 });
      const signature = signJsonText(HS256_HEADER_JSON, payload, LAB_CREDENTIALS.sdkSecret);
      return new Response(JSON.stringify({ signature }), { status: 200, headers: { 'content-type': 'application/json', date: new Date(t).toUTCString() } });
    });
    const view = await sampleSeenEndpoint(5);
    const rows = [...$(view.container, 'reproduce-histogram')!.querySelectorAll('tr')].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows.length).toBeLessThanOrEqual(2 + (2 * 192) / 16);
    expect(rows.at(-1)).toBe('≥ 192 s 5');
  }, 30_000);

  it('sends nothing when the user refuses the host permission', async () => {
    permission.grant = false;
    r = await render(<ReproducePanel />);
    await r.act(() => setValue($(r!.container, 'reproduce-url'), ENDPOINT));
    await r.act(() => click($(r!.container, 'reproduce-start')));
    await r.act(() => click($(r!.container, 'reproduce-confirm-yes')));
    await vi.waitFor(() => expect($(r!.container, 'reproduce-message')!.textContent).toMatch(/No permission/));
    expect(calls).toHaveLength(0);
  });

  it('will not start on something that is not an http(s) URL', async () => {
    r = await render(<ReproducePanel />);
    await r.act(() => setValue($(r!.container, 'reproduce-url'), 'javascript:alert(1)'));
    expect(($(r.container, 'reproduce-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('each sample is listed and opens in the inspector, judged at its Date header', async () => {
    const view = await sampleSeenEndpoint(6);
    const rows = view.container.querySelectorAll('[data-testid="reproduce-sample"]');
    expect(rows).toHaveLength(6);
    await view.act(() => click(rows[2]!.querySelector('button')));
    const inspector = $(view.container, 'reproduce-sample-inspector')!;
    expect(inspector.textContent).toContain('Sample #3');
    expect(inspector.querySelector('[data-testid="token-inspector"]')).not.toBeNull();
    expect(inspector.querySelector('[data-testid="finding"][data-rule-id="iat-quantized"]')).not.toBeNull();
  }, 30_000);

  it('the timing control spreads the samples over one 128 s cycle and more (the panel was capped at 250 ms apart and 60 s)', () => {
    expect(probeSchedule(20, 0)).toEqual({ intervalMs: 250, totalTimeoutMs: 60_000 });
    const spread = probeSchedule(21, 160);
    expect(spread.intervalMs).toBe(8000);
    expect(spread.totalTimeoutMs).toBe(190_000);
    expect(probeSchedule(1, 300).intervalMs).toBe(300_000);
  });
});
