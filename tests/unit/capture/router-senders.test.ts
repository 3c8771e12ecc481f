/**
 * Each message kind is taken only from the sender that may send it (issue 20 §6: a content script
 * in tab 7 wrote an issuance into tab 42 by sending `source: devtools` with `tabId: 42`). The
 * senders are shaped as Chromium 156 fills in runtime.MessageSender (tests/e2e/senders.e2e.test.ts
 * checks them in the real browser).
 */
import { describe, expect, it } from 'vitest';
import { TabStore } from '../../../entrypoints/background/tab-store';
import { PanelPorts } from '../../../entrypoints/background/panel-ports';
import { CaptureRouter, senderKind } from '../../../lib/capture/capture-router';
import { computeStats } from '../../../lib/capture/tab-state';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';
import { GOOD, batch } from './fixtures';
import { memoryArea } from './memory-area';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const devtoolsPage = { id: EXT, url: `${ORIGIN}devtools.html`, origin: ORIGIN.slice(0, -1) };
const panelInDevtools = { id: EXT, url: `${ORIGIN}devtools-panel.html` };
const panelAsTab = { id: EXT, url: `${ORIGIN}devtools-panel.html?tabId=7`, tab: { id: 3 } };
const relayInTab7 = { id: EXT, url: 'https://mallory.example/', tab: { id: 7 } };

const issuance = (tabId: number) => ({
  source: SOURCE.devtools,
  v: PROTOCOL_VERSION,
  type: 'issuance',
  tabId,
  issuance: { url: 'https://mallory.example/sig', method: 'GET', receivedAt: 1, serverDate: null, token: GOOD },
});

function setup() {
  const area = memoryArea();
  const store = new TabStore(area);
  const router = new CaptureRouter({ store, ports: new PanelPorts(), setBadge: () => undefined, askTopFrame: async () => null }, EXT, ORIGIN);
  return { router, store, area };
}

describe('who sent it, by what the browser says', () => {
  it.each([
    ['the devtools page', devtoolsPage, 'extension-page'],
    ['the panel inside DevTools', panelInDevtools, 'extension-page'],
    ['the panel opened as a tab', panelAsTab, 'extension-tab'],
    ['our relay in a web page', relayInTab7, 'content-script'],
    ['another extension', { ...devtoolsPage, id: 'other' }, null],
    ['a sender with neither tab nor our origin', { id: EXT, url: 'https://x.example/' }, null],
    ['a page whose URL only looks like ours', { id: EXT, url: `chrome-extension://${EXT}.evil/`, tab: { id: 7 } }, 'content-script'],
  ])('%s', (_what, sender, kind) => expect(senderKind(sender, EXT, ORIGIN)).toBe(kind));
});

describe('devtools-page records only from the devtools page', () => {
  it('a content script in tab 7 forging `source: devtools` for tab 42 is refused, nothing lands in tab 42, the refusal counts in tab 7', async () => {
    const t = setup();
    const r = await t.router.onMessage(issuance(42), relayInTab7);
    expect(r).toMatchObject({ ok: false, error: { code: 'ERR_REFUSED', reason: 'bad-sender' } });
    expect((await t.store.read(42)).issuances).toHaveLength(0);
    expect(t.area.data['tab:42']).toBeUndefined();
    expect(computeStats(await t.store.read(7)).rejected).toEqual({ 'bad-sender': 1 });
  });

  it('the panel opened as a tab may not send devtools records either (it has a tab)', async () => {
    const t = setup();
    expect(await t.router.onMessage(issuance(42), panelAsTab)).toMatchObject({ ok: false, error: { reason: 'bad-sender' } });
    expect((await t.store.read(42)).issuances).toHaveLength(0);
  });

  it('the devtools page itself is taken, for the tab it inspects', async () => {
    const t = setup();
    expect(await t.router.onMessage(issuance(42), devtoolsPage)).toMatchObject({ ok: true });
    expect((await t.store.read(42)).issuances).toHaveLength(1);
  });
});

describe('relay batches only from content scripts, for the sender\'s own tab', () => {
  it('the tab comes from sender.tab: a batch naming nothing else lands in tab 7', async () => {
    const t = setup();
    const b = { ...batch([{ t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: GOOD, at: 1 }]), tabId: 42 };
    expect(await t.router.onMessage(b, relayInTab7)).toMatchObject({ ok: true, seq: b.seq });
    expect((await t.store.read(7)).attempts).toHaveLength(1);
    expect(t.area.data['tab:42']).toBeUndefined();
  });

  it('a relay batch from an extension page (no tab) is refused, and stored nowhere', async () => {
    const t = setup();
    const b = batch([{ t: 'call', id: 'x:1', method: 'ZoomMtg.join', sig: GOOD, at: 1 }]);
    expect(await t.router.onMessage(b, devtoolsPage)).toMatchObject({ ok: false, seq: b.seq, error: { code: 'ERR_REFUSED', reason: 'bad-sender' } });
    expect(t.area.data).toEqual({});
  });
});

describe('panel ports only from our pages', () => {
  it('the panel in DevTools and the panel as a tab are accepted', () => {
    const t = setup();
    expect(t.router.acceptPanelPort(panelInDevtools)).toBe(true);
    expect(t.router.acceptPanelPort(panelAsTab)).toBe(true);
  });

  it('a port from a content script is refused and counted in its tab; one from another extension is refused', async () => {
    const t = setup();
    expect(t.router.acceptPanelPort(relayInTab7)).toBe(false);
    expect(t.router.acceptPanelPort({ ...panelInDevtools, id: 'other' })).toBe(false);
    expect(t.router.acceptPanelPort(undefined)).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(computeStats(await t.store.read(7)).rejected).toEqual({ 'bad-sender': 1 });
  });
});
