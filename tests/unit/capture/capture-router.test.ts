/**
 * The background's router over the real TabStore (storage.session stand-in) with recorded panel
 * pushes and badge: what relay batches, devtools records and panel commands do, what each is
 * answered, and that every refusal is counted where the panel shows it.
 */
import { describe, expect, it } from 'vitest';
import { TabStore, type SessionArea } from '../../../entrypoints/background/tab-store';
import { PanelPorts } from '../../../entrypoints/background/panel-ports';
import { CaptureRouter } from '../../../lib/capture/capture-router';
import { computeStats } from '../../../lib/capture/tab-state';
import type { BackgroundMessage, TopFrameAnswer } from '../../../lib/protocol/messages';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';
import { panelMessage } from '../../../lib/protocol/build';
import { GOOD, batch, clientError3712 } from './fixtures';

const EXT = 'ext-id';
/** The devtools page as Chromium names it: our origin, no tab. */
const devtoolsPage = { id: EXT, url: `chrome-extension://${EXT}/devtools.html` };
const TAB = 7;

function memoryArea(fail = { set: false }): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(k) {
      const keys = k == null ? Object.keys(data) : Array.isArray(k) ? k : [k];
      return Object.fromEntries(keys.filter((x) => x in data).map((x) => [x, structuredClone(data[x])]));
    },
    async set(items) {
      if (fail.set) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
    async remove(k) {
      for (const x of Array.isArray(k) ? k : [k]) delete data[x];
    },
  };
}

function setup(top: TopFrameAnswer | null = null) {
  const fail = { set: false };
  const area = memoryArea(fail);
  const store = new TabStore(area);
  const badges: Array<[number, number]> = [];
  const asked: number[] = [];
  const router = new CaptureRouter(
    {
      store,
      ports: new PanelPorts(),
      setBadge: (tabId, failed) => void badges.push([tabId, failed]),
      askTopFrame: async (tabId) => (asked.push(tabId), top),
    },
    EXT,
  );
  const panel = { got: [] as BackgroundMessage[], postMessage(m: unknown) { this.got.push(m as BackgroundMessage); } };
  const fromTab = { id: EXT, url: 'http://127.0.0.1/app', tab: { id: TAB } };
  return { router, store, area, badges, asked, panel, fromTab, fail };
}

const join = (id: string) => ({ t: 'call' as const, id, method: 'ZoomMtg.join' as const, sig: GOOD, at: 1 });
const failed = (id: string) => ({ t: 'settle' as const, id, ok: false, res: clientError3712, at: 2 });

describe('background router', () => {
  it('a relay batch is stored, acknowledged with its seq, pushed to the open panel and counted on the badge', async () => {
    const t = setup();
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'subscribe', tabId: TAB }));
    const b = batch([join('a:1'), failed('a:1')], { pageStart: true });
    const ack = await t.router.onMessage(b, t.fromTab);
    expect(ack).toEqual({ source: SOURCE.background, v: PROTOCOL_VERSION, ok: true, seq: b.seq });
    expect((await t.store.read(TAB)).attempts.map((a) => a.outcome.kind)).toEqual(['failure']);
    expect(t.panel.got.map((m) => m.type)).toEqual(['snapshot', 'navigated', 'snapshot', 'attempts', 'stats']);
    expect(t.badges.at(-1)).toEqual([TAB, 1]);
  });

  it('a retried batch (same relay, same seq) is acknowledged again but stored and pushed once', async () => {
    const t = setup();
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'subscribe', tabId: TAB }));
    const b = batch([join('a:1')], { relayId: 'retry' });
    await t.router.onMessage(b, t.fromTab);
    const pushed = t.panel.got.length;
    expect(await t.router.onMessage(b, t.fromTab)).toMatchObject({ ok: true, seq: b.seq });
    expect((await t.store.read(TAB)).attempts).toHaveLength(1);
    expect(t.panel.got.length).toBe(pushed);
  });

  it('a malformed batch is refused with ERR_REFUSED (the relay drops it) and counted in the tab', async () => {
    const t = setup();
    const bad = { ...batch([]), frame: null, seq: 5 };
    expect(await t.router.onMessage(bad, t.fromTab)).toMatchObject({ ok: false, seq: 5, error: { code: 'ERR_REFUSED', reason: 'bad-shape' } });
    expect(computeStats(await t.store.read(TAB)).rejected).toEqual({ 'bad-shape': 1 });
  });

  it('a storage failure is answered ERR_STORE, so the relay keeps the batch and retries', async () => {
    const t = setup();
    t.fail.set = true;
    const b = batch([join('a:1')]);
    expect(await t.router.onMessage(b, t.fromTab)).toMatchObject({ ok: false, seq: b.seq, error: { code: 'ERR_STORE', detail: expect.stringContaining('QUOTA') } });
    t.fail.set = false;
  });

  it('messages from another extension, or not ours, are left alone (no reply)', async () => {
    const t = setup();
    expect(t.router.onMessage(batch([join('a:1')]), { id: 'someone-else', tab: { id: TAB } })).toBeNull();
    expect(t.router.onMessage({ hello: 1 }, t.fromTab)).toBeNull();
    expect(t.area.data).toEqual({});
  });

  it('an iframe reporting first: the top document it names is a navigation (log cleared), once; the top frame\'s own batch later does not clear again', async () => {
    const t = setup({ source: SOURCE.relay, v: PROTOCOL_VERSION, relayId: 'top-2', url: 'http://127.0.0.1/shell.html' });
    await t.router.onMessage(batch([join('old:1')], { relayId: 'top-1', pageStart: true }), t.fromTab);
    await t.router.onMessage(batch([join('f:1')], { relayId: 'frame-1', top: false, url: 'http://127.0.0.1/zoom.html' }), t.fromTab);
    let s = await t.store.read(TAB);
    expect(t.asked).toEqual([TAB]);
    expect(s.pageUrl).toBe('http://127.0.0.1/shell.html');
    expect(s.attempts.map((a) => a.id)).toEqual(['f:1']);
    await t.router.onMessage(batch([join('f:2')], { relayId: 'frame-1', top: false, url: 'http://127.0.0.1/zoom.html' }), t.fromTab);
    await t.router.onMessage(batch([join('t:1')], { relayId: 'top-2', pageStart: true, url: 'http://127.0.0.1/shell.html' }), t.fromTab);
    s = await t.store.read(TAB);
    expect(t.asked).toEqual([TAB]); // a known frame is not asked about again
    expect(s.attempts.map((a) => a.id)).toEqual(['f:1', 'f:2', 't:1']);
  });

  it('an iframe whose top frame does not answer is still stored', async () => {
    const t = setup(null);
    await t.router.onMessage(batch([join('f:1')], { relayId: 'lonely', top: false }), t.fromTab);
    expect((await t.store.read(TAB)).attempts).toHaveLength(1);
  });

  it('a devtools issuance is stored, pushed and answered ok; a malformed one is refused with a code and counted', async () => {
    const t = setup();
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'subscribe', tabId: TAB }));
    const issuance = { url: 'http://127.0.0.1/api/signature', method: 'POST', receivedAt: 1, serverDate: null, token: GOOD };
    expect(await t.router.onMessage({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'issuance', tabId: TAB, issuance }, devtoolsPage)).toEqual({ source: SOURCE.background, v: PROTOCOL_VERSION, ok: true });
    expect((await t.store.read(TAB)).issuances).toHaveLength(1);
    expect(t.panel.got.map((m) => m.type)).toContain('issuance');
    const bad = await t.router.onMessage({ source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'issuance', tabId: TAB, issuance: { url: 5 } }, devtoolsPage);
    expect(bad).toMatchObject({ ok: false, error: { code: 'ERR_REFUSED', reason: 'bad-shape' } });
    expect(computeStats(await t.store.read(TAB)).rejected).toEqual({ 'bad-shape': 1 });
  });

  it('panel commands: clear empties the log (preserve-log choice kept), preserve-log is stored and echoed', async () => {
    const t = setup();
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'subscribe', tabId: TAB }));
    await t.router.onMessage(batch([join('a:1')]), t.fromTab);
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'set-preserve-log', tabId: TAB, on: true }));
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'clear', tabId: TAB }));
    const s = await t.store.read(TAB);
    expect(s.attempts).toEqual([]);
    expect(s.preserveLog).toBe(true);
    expect(t.panel.got.map((m) => m.type)).toEqual(expect.arrayContaining(['preserve-log', 'cleared']));
  });

  it('a malformed panel-port message is counted like a relay rejection, for the tab the port watches', async () => {
    const t = setup();
    await t.router.onPanelMessage(t.panel, panelMessage({ type: 'subscribe', tabId: TAB }));
    await t.router.onPanelMessage(t.panel, { source: SOURCE.panel, v: 2, type: 'clear', tabId: 'x' });
    await t.router.onPanelMessage(t.panel, { source: SOURCE.panel, v: PROTOCOL_VERSION, type: 'drop-table' });
    const stats = computeStats(await t.store.read(TAB));
    expect(stats.rejected).toEqual({ 'wrong-version': 1, 'bad-shape': 1 });
    expect(t.panel.got.at(-1)).toMatchObject({ type: 'stats', stats: { rejectedTotal: 2 } });
  });

  it('a closed tab is forgotten', async () => {
    const t = setup();
    await t.router.onMessage(batch([join('a:1')]), t.fromTab);
    await t.router.onTabRemoved(TAB);
    expect(t.area.data).toEqual({});
  });
});
