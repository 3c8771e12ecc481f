/**
 * Messages are taken only from their legitimate senders (issue 20 §6: a content script in one tab
 * wrote an issuance into another tab by sending `source: devtools` with that tab's id). In real
 * Chromium: what runtime.MessageSender really says for the devtools page, the panel inside
 * DevTools, the panel opened as a tab and a content script (the router's rules rest on it), and
 * a forged message from the relay's own isolated world (reached over CDP) refused and counted.
 */
import { describe, expect } from 'vitest';
import type { Frame } from 'playwright-core';
import { extensionTest, openDevToolsPanel, openPanelAsTab, sampleSignature, waitFor, waitForDevToolsTarget, type ExtensionBrowser } from './harness';
import { isolatedWorld } from './harness/isolated-world';
import { PANEL_PORT_NAME, PROTOCOL_VERSION, SOURCE } from '../../lib/protocol/version';

const it = extensionTest({
  name: 'senders',
  devtools: true,
  serve: (s) => {
    s.setPage('/victim.html', '<!doctype html><title>victim</title><p>victim');
    s.setPage('/mallory.html', '<!doctype html><title>mallory</title><p>mallory');
  },
});

interface SeenSender {
  probe: string;
  url: string | null;
  tab: number | null;
  id: string | null;
}

/** A listener of the test's own in the worker, recording who Chromium says sent each probe. */
async function recordSenders(b: ExtensionBrowser) {
  const w = await b.worker();
  await w.evaluate(`(() => {
    if (globalThis.__senders) return;
    globalThis.__senders = [];
    const note = (probe, s) => globalThis.__senders.push({ probe, url: s.url ?? null, tab: s.tab ? s.tab.id : null, id: s.id ?? null });
    chrome.runtime.onMessage.addListener((m, s) => { if (m && m.probe) note(m.probe, s); return false; });
    chrome.runtime.onConnect.addListener((p) => { if (p.name.startsWith('probe:')) { note(p.name, p.sender); p.disconnect(); } });
  })()`);
  return async () => (await w.evaluate('globalThis.__senders')) as SeenSender[];
}

const probe = (name: string) => `(async () => {
  await chrome.runtime.sendMessage({ probe: ${JSON.stringify(name)} }).catch(() => undefined);
  chrome.runtime.connect({ name: 'probe:' + ${JSON.stringify(name)} });
})()`;

/** The page's tab id, as Chromium names the sender of a message from its content-script world (tabs.query hides URLs without the tabs permission). */
async function tabIdOf(b: ExtensionBrowser, world: { evaluate(e: string): Promise<unknown> }): Promise<number> {
  const senders = await recordSenders(b);
  const name = `whoami-${Math.random()}`;
  await world.evaluate(`chrome.runtime.sendMessage({ probe: ${JSON.stringify(name)} }).catch(() => undefined)`);
  const me = await waitFor('the whoami probe', async () => (await senders()).find((s) => s.probe === name));
  return me.tab!;
}

describe('who Chromium says sent a message', () => {
  it('the devtools page and the panel in DevTools have our URL and no tab; the panel as a tab and a content script have a tab', async ({ b, server }) => {
    const senders = await recordSenders(b);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(server.url('/victim.html'));
    await waitForDevToolsTarget(b);
    const panel = await openDevToolsPanel(b, '/victim.html');
    const devtoolsPage = await waitFor('the devtools page frame', () => panel.page().frames().find((f: Frame) => f.url().endsWith('/devtools.html')));
    await devtoolsPage.evaluate(probe('devtools-page'));
    await panel.evaluate(probe('panel-in-devtools'));
    const world = await isolatedWorld(page, b.extensionId);
    const victimTab = await tabIdOf(b, world);
    const asTab = await openPanelAsTab(b, victimTab);
    await asTab.evaluate(probe('panel-as-tab'));
    await world.evaluate(probe('content-script'));
    const seen = await waitFor('all eight probes', async () => {
      const s = await senders();
      const probes = s.filter((x) => !x.probe.startsWith('whoami'));
      return probes.length >= 8 ? probes : null;
    });
    const origin = `chrome-extension://${b.extensionId}/`;
    const of = (p: string) => seen.filter((s) => s.probe === p || s.probe === `probe:${p}`);
    console.log(`[senders] ${JSON.stringify(seen.map((s) => ({ ...s, url: s.url?.replace(b.extensionId, '<id>').replace(/:\d+\//, ':<port>/') })))}`);
    for (const s of of('devtools-page')) expect(s).toMatchObject({ url: `${origin}devtools.html`, tab: null, id: b.extensionId });
    for (const s of of('panel-in-devtools')) expect(s).toMatchObject({ url: `${origin}devtools-panel.html`, tab: null });
    for (const s of of('panel-as-tab')) expect(s).toMatchObject({ url: `${origin}devtools-panel.html?tabId=${victimTab}`, tab: expect.any(Number) });
    for (const s of of('content-script')) expect(s).toMatchObject({ url: server.url('/victim.html'), tab: victimTab });
    expect(seen.map((s) => s.probe).sort()).toHaveLength(8);
    await world.close();
    await asTab.close();
  });
});

describe('a content script forging other senders', () => {
  it("a forged `source: devtools` issuance for another tab is refused, the victim's tab gets nothing, the forging tab counts it", async ({ b, server }) => {
    const victim = await b.context.newPage();
    await victim.goto(server.url('/victim.html'));
    const mallory = await b.context.newPage();
    await mallory.goto(server.url('/mallory.html'));
    const victimWorld = await isolatedWorld(victim, b.extensionId);
    const victimTab = await tabIdOf(b, victimWorld);
    await victimWorld.close();
    const world = await isolatedWorld(mallory, b.extensionId);
    const malloryTab = await tabIdOf(b, world);
    const forged = {
      source: SOURCE.devtools,
      v: PROTOCOL_VERSION,
      type: 'issuance',
      tabId: victimTab,
      pageUrl: server.url('/victim.html'),
      issuance: { url: 'https://mallory.example/sig', method: 'GET', receivedAt: Date.now(), serverDate: null, token: sampleSignature() },
    };
    const reply = await world.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(forged)})`);
    expect(reply).toMatchObject({ ok: false, error: { code: 'ERR_REFUSED', reason: 'bad-sender' } });

    // A relay batch that names another tab still lands in the sender's own tab.
    const batch = { source: SOURCE.relay, v: PROTOCOL_VERSION, type: 'batch', tabId: victimTab, frame: { relayId: 'forged-relay', url: server.url('/mallory.html'), top: true }, seq: 1, events: [], rejected: {}, hookErrors: 0 };
    expect(await world.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(batch)})`)).toMatchObject({ ok: true, seq: 1 });

    // A panel port from the content script is closed at once, with nothing sent on it.
    const port = await world.evaluate<{ disconnected: boolean; got: unknown[] }>(`new Promise((resolve) => {
      const got = [];
      const p = chrome.runtime.connect({ name: ${JSON.stringify(PANEL_PORT_NAME)} });
      p.onMessage.addListener((m) => got.push(m));
      p.onDisconnect.addListener(() => resolve({ disconnected: true, got }));
      p.postMessage({ source: ${JSON.stringify(SOURCE.panel)}, v: ${PROTOCOL_VERSION}, type: 'subscribe', tabId: ${victimTab} });
      setTimeout(() => resolve({ disconnected: false, got }), 5000);
    })`);
    expect(port).toEqual({ disconnected: true, got: [] });

    const w = await b.worker();
    const all = (await w.evaluate('chrome.storage.session.get(null)')) as Record<string, { issuances?: unknown[]; bgRejected?: Record<string, number>; frames?: object }>;
    expect(all[`tab:${victimTab}`]?.issuances ?? []).toHaveLength(0);
    expect(all[`tab:${victimTab}`]?.frames ?? {}).toEqual({});
    const counted = await waitFor('the refusals counted in the forging tab', async () => {
      const s = ((await w.evaluate(`chrome.storage.session.get('tab:${malloryTab}')`)) as Record<string, { bgRejected?: Record<string, number> }>)[`tab:${malloryTab}`];
      return (s?.bgRejected?.['bad-sender'] ?? 0) >= 2 ? s!.bgRejected : null;
    });
    expect(counted['bad-sender']).toBe(2);
    await world.close();
  });
});
