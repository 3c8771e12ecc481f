/**
 * Background: wires the browser's events to the capture router (lib/capture/capture-router.ts),
 * which merges relay batches and devtools-page records into per-tab join attempts kept in
 * storage.session, pushes changes to open panels and keeps the toolbar badge at the tab's number
 * of failed joins. It stores captured facts only; token analysis happens in the panel.
 */
import { CaptureRouter } from '../../lib/capture/capture-router';
import type { TopFrameAnswer, TopFrameQuery } from '../../lib/protocol/messages';
import { PANEL_PORT_NAME, PROTOCOL_VERSION, SOURCE } from '../../lib/protocol/version';
import { PanelPorts } from './panel-ports';
import { SessionScope } from './session-scope';
import { TabStore } from './tab-store';

export default defineBackground(() => {
  const topFrameQuery: TopFrameQuery = { source: SOURCE.background, v: PROTOCOL_VERSION, type: 'top-frame?' };
  const store = new TabStore(browser.storage.session);
  const ports = new PanelPorts();
  const router = new CaptureRouter(
    {
      store,
      ports,
      session: new SessionScope(store, ports),
      setBadge: (tabId, failed) => {
        browser.action.setBadgeText({ tabId, text: failed ? String(failed) : '' }).catch(() => undefined);
        browser.action.setBadgeBackgroundColor({ tabId, color: '#c62828' }).catch(() => undefined);
      },
      askTopFrame: async (tabId) => {
        const a = (await browser.tabs.sendMessage(tabId, topFrameQuery, { frameId: 0 })) as Partial<TopFrameAnswer> | undefined;
        return a?.source === SOURCE.relay && typeof a.relayId === 'string' && typeof a.url === 'string' ? (a as TopFrameAnswer) : null;
      },
    },
    browser.runtime.id,
    // Our pages' origin, as senders' URLs start: chrome-extension://<id>/ or moz-extension://<uuid>/.
    (browser.runtime as unknown as { getURL(path: string): string }).getURL('/'),
  );

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const replied = router.onMessage(raw, sender);
    if (!replied) return false;
    void replied.then(sendResponse);
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    // Only our panel may hold a port: one from a content script is closed at once (and counted).
    if (!router.acceptPanelPort(port.sender)) return port.disconnect();
    if (port.name !== PANEL_PORT_NAME) return;
    port.onDisconnect.addListener(() => router.onPanelDisconnect(port));
    port.onMessage.addListener((raw) => void router.onPanelMessage(port, raw).catch(() => undefined));
  });

  browser.tabs.onRemoved.addListener((tabId) => void router.onTabRemoved(tabId));

  // The toolbar button opens the triage page (entrypoints/triage): a HAR, an export or a token,
  // checked without DevTools on any tab. The action has no popup, so every click lands here.
  browser.action.onClicked.addListener(() => void browser.tabs.create({ url: (browser.runtime as unknown as { getURL(path: string): string }).getURL('/triage.html') }).catch(() => undefined));
});
