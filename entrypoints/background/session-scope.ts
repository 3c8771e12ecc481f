/**
 * The background's side of joins in other tabs (lib/capture/session-links has the logic): links
 * each new join and each endpoint answer across the session's tabs by token fingerprint, tells an
 * issuing tab when its tokens were used elsewhere, and serves panels that asked for every tab of
 * their site. All state is in storage.session through the TabStore, so a restarted worker goes on.
 */
import { linkTab, noteIssuance, noteJoins, siteOf, siteSnapshot, tabSnapshot, type PanelScope } from '../../lib/capture/session-links';
import type { TabState } from '../../lib/capture/tab-state';
import { backgroundMessage } from '../../lib/protocol/build';
import type { IssuanceRecord } from '../../lib/protocol/messages';
import type { PortLike } from '../../lib/capture/capture-router';
import type { PanelPorts } from './panel-ports';
import type { TabStore } from './tab-store';

/** Site panels are refreshed at most this often: a burst of batches costs one snapshot, not one each. */
const SITE_REFRESH_MS = 150;

export class SessionScope {
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(
    private store: TabStore,
    private ports: PanelPorts,
  ) {}

  /** Sends the snapshot a new subscriber asked for. */
  async subscribe(tabId: number, port: PortLike, scope: PanelScope): Promise<TabState> {
    const { links, tabs } = await this.store.readAll();
    const own = tabs.find((t) => t.tabId === tabId) ?? (await this.store.read(tabId));
    const snapshot = scope === 'site' ? siteSnapshot(links, own, tabs) : tabSnapshot(links, own);
    this.ports.add(tabId, port, scope, snapshot.site ?? null);
    port.postMessage(backgroundMessage({ type: 'snapshot', tabId, snapshot }));
    return own;
  }

  /** New or changed joins of `tabId`: give them issuers seen in other tabs, tell those tabs. */
  async joins(tabId: number, attemptIds: readonly string[]): Promise<void> {
    if (attemptIds.length === 0) return;
    const ids = new Set(attemptIds);
    const r = await this.store.session([tabId], (links, tabs) => {
      const s = tabs.get(tabId)!;
      const res = noteJoins(links, tabId, s.attempts.filter((a) => ids.has(a.id)));
      return { result: res, touched: res.linked.length ? [tabId] : [] };
    });
    if (r.linked.length) this.ports.push(tabId, backgroundMessage({ type: 'attempts', tabId, attempts: r.linked }));
    for (const t of r.issuerTabs) await this.refreshTab(t);
  }

  /** An endpoint answer seen in `tabId`: link joins that already ran in other tabs with its token. */
  async issuance(tabId: number, iss: IssuanceRecord): Promise<void> {
    const pending: number[] = [];
    await this.store.session([], (links) => {
      pending.push(...noteIssuance(links, tabId, iss));
      return { result: null, touched: [] };
    });
    if (pending.length === 0) return;
    const linked = await this.store.session(pending, (links, tabs) => {
      const out: Array<{ tab: TabState; attempts: ReturnType<typeof linkTab> }> = [];
      for (const t of tabs.values()) {
        const attempts = linkTab(links, t);
        if (attempts.length) out.push({ tab: t, attempts });
      }
      return { result: out, touched: out.map((o) => o.tab.tabId) };
    });
    for (const { tab, attempts } of linked) {
      this.ports.push(tab.tabId, backgroundMessage({ type: 'attempts', tabId: tab.tabId, attempts }));
      this.changed(tab);
    }
    await this.refreshTab(tabId);
  }

  /** A tab's capture changed: site panels showing its site get a fresh snapshot soon. */
  changed(s: TabState) {
    for (const t of this.ports.siteTabs(siteOf(s.pageUrl), s.tabId)) {
      if (this.timers.has(t)) continue;
      this.timers.set(
        t,
        setTimeout(() => {
          this.timers.delete(t);
          void this.refreshSite(t);
        }, SITE_REFRESH_MS),
      );
    }
  }

  /** The tab's own panels get a snapshot with the new "used in other tabs" count. */
  private async refreshTab(tabId: number) {
    const { links, tabs } = await this.store.readAll();
    const own = tabs.find((t) => t.tabId === tabId);
    if (!own) return;
    this.ports.push(tabId, backgroundMessage({ type: 'snapshot', tabId, snapshot: tabSnapshot(links, own) }));
    this.changed(own);
  }

  private async refreshSite(tabId: number) {
    const { links, tabs } = await this.store.readAll();
    const own = tabs.find((t) => t.tabId === tabId);
    if (!own) return;
    const snapshot = siteSnapshot(links, own, tabs);
    this.ports.pushSite(tabId, snapshot.site ?? null, backgroundMessage({ type: 'snapshot', tabId, snapshot }));
  }
}
