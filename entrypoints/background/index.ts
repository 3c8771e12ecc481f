/**
 * Background: receives relay batches and devtools-page records, merges them into per-tab join
 * attempts (lib/capture), keeps them in storage.session, pushes changes to open panels and keeps
 * the toolbar badge at the tab's number of failed joins. It stores captured facts only; token
 * analysis happens in the panel.
 */
import { addAssetFailure, addClockSample, addIssuance, applyBatch } from '../../lib/capture/merge';
import { clearTabState, computeStats, toSnapshot, type TabState } from '../../lib/capture/tab-state';
import { backgroundMessage } from '../../lib/protocol/build';
import type { BatchAck, BackgroundMessage } from '../../lib/protocol/messages';
import { checkDevtoolsMessage, checkPanelMessage, checkRelayMessage, countRejection } from '../../lib/protocol/validate';
import { PANEL_PORT_NAME, PROTOCOL_VERSION, SOURCE } from '../../lib/protocol/version';
import { PanelPorts } from './panel-ports';
import { TabStore } from './tab-store';

export default defineBackground(() => {
  const store = new TabStore(browser.storage.session);
  const ports = new PanelPorts();

  const ack = (seq: number, ok: boolean, error?: string): BatchAck => ({ source: SOURCE.background, v: PROTOCOL_VERSION, seq, ok, error });

  const setBadge = (s: TabState) => {
    const failed = computeStats(s).failed;
    browser.action.setBadgeText({ tabId: s.tabId, text: failed ? String(failed) : '' }).catch(() => undefined);
    browser.action.setBadgeBackgroundColor({ tabId: s.tabId, color: '#c62828' }).catch(() => undefined);
  };

  const publish = (s: TabState, messages: BackgroundMessage[]) => {
    for (const m of messages) ports.push(s.tabId, m);
    ports.push(s.tabId, backgroundMessage({ type: 'stats', tabId: s.tabId, stats: computeStats(s) }));
    setBadge(s);
  };

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    const src = (raw as { source?: unknown } | null)?.source;
    if (src === SOURCE.relay) {
      const tabId = sender.tab?.id;
      const c = checkRelayMessage(raw);
      if (tabId === undefined || !c.ok) {
        if (tabId !== undefined) void store.update(tabId, (s) => ({ state: { ...s, bgRejected: countRejection(s.bgRejected, c.ok ? 'bad-sender' : c.reason) }, result: 0 }));
        sendResponse(ack((raw as { seq?: number }).seq ?? 0, false, 'invalid'));
        return false;
      }
      const batch = c.value;
      store
        .update(tabId, (s) => {
          const r = applyBatch(s, batch);
          return { state: r.state, result: r };
        })
        .then((r) => {
          sendResponse(ack(batch.seq, true));
          if (r.duplicate) return;
          const out: BackgroundMessage[] = [];
          if (r.navigated) {
            out.push(backgroundMessage({ type: 'navigated', tabId, url: r.navigated.url, preserved: !r.navigated.cleared }));
            if (r.navigated.cleared) out.push(backgroundMessage({ type: 'snapshot', tabId, snapshot: toSnapshot(r.state) }));
          }
          if (r.changed.length) out.push(backgroundMessage({ type: 'attempts', tabId, attempts: r.changed }));
          publish(r.state, out);
        })
        .catch((e) => sendResponse(ack(batch.seq, false, String(e))));
      return true;
    }
    if (src === SOURCE.devtools) {
      const c = checkDevtoolsMessage(raw);
      if (!c.ok) {
        sendResponse({ ok: false, error: c.reason });
        return false;
      }
      const m = c.value;
      store
        .update(m.tabId, (s) => {
          const changed = m.type === 'clock' ? addClockSample(s, m.result) : m.type === 'asset' ? addAssetFailure(s, m.failure) : addIssuance(s, m.issuance);
          return { state: s, result: changed };
        })
        .then(async (changed) => {
          const s = await store.read(m.tabId);
          const out: BackgroundMessage[] = [];
          if (m.type === 'issuance') out.push(backgroundMessage({ type: 'issuance', tabId: m.tabId, issuance: m.issuance }));
          if (changed.length) out.push(backgroundMessage({ type: 'attempts', tabId: m.tabId, attempts: changed }));
          publish(s, out);
          sendResponse({ ok: true });
        })
        .catch((e) => sendResponse({ ok: false, error: String(e) }));
      return true;
    }
    return false;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
    port.onDisconnect.addListener(() => ports.remove(port));
    port.onMessage.addListener((raw) => {
      const c = checkPanelMessage(raw);
      if (!c.ok) return;
      const m = c.value;
      if (m.type === 'subscribe') {
        ports.add(m.tabId, port);
        void store.read(m.tabId).then((s) => {
          port.postMessage(backgroundMessage({ type: 'snapshot', tabId: m.tabId, snapshot: toSnapshot(s) }));
          setBadge(s);
        });
      } else if (m.type === 'clear') {
        void store
          .update(m.tabId, (s) => ({ state: clearTabState(s), result: null }))
          .then(() => store.read(m.tabId))
          .then((s) => publish(s, [backgroundMessage({ type: 'cleared', tabId: m.tabId, reason: 'user' }), backgroundMessage({ type: 'snapshot', tabId: m.tabId, snapshot: toSnapshot(s) })]));
      } else {
        void store
          .update(m.tabId, (s) => ({ state: { ...s, preserveLog: m.on }, result: null }))
          .then(() => store.read(m.tabId))
          .then((s) => publish(s, [backgroundMessage({ type: 'preserve-log', tabId: m.tabId, on: s.preserveLog })]));
      }
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => void store.remove(tabId));
});
