/** Open panel ports per inspected tab, for pushing live updates, with the scope each one asked for. */
import type { PanelScope } from '../../lib/capture/session-links';
import type { PanelFanout, PortLike } from '../../lib/capture/capture-router';
import type { BackgroundMessage } from '../../lib/protocol/messages';

interface Sub {
  scope: PanelScope;
  /** The inspected tab's site when the port last got a snapshot (site-scope ports only). */
  site: string | null;
}

/**
 * A site-scope panel shows several tabs' joins with summed stats: it takes the inspected tab's own
 * upserts at once, and a fresh site snapshot (which also carries the stats) for everything else.
 */
const SITE_LIVE_TYPES: ReadonlySet<BackgroundMessage['type']> = new Set(['attempts', 'issuance', 'preserve-log']);

export class PanelPorts implements PanelFanout<PortLike> {
  private byTab = new Map<number, Map<PortLike, Sub>>();

  add(tabId: number, port: PortLike, scope: PanelScope = 'tab', site: string | null = null) {
    this.remove(port); // a re-subscribe (scope switch) replaces the old subscription
    let subs = this.byTab.get(tabId);
    if (!subs) this.byTab.set(tabId, (subs = new Map()));
    subs.set(port, { scope, site });
  }

  remove(port: PortLike) {
    for (const subs of this.byTab.values()) subs.delete(port);
  }

  tabsOf(port: PortLike): number[] {
    return [...this.byTab].filter(([, subs]) => subs.has(port)).map(([tabId]) => tabId);
  }

  push(tabId: number, m: BackgroundMessage) {
    for (const [p, sub] of this.byTab.get(tabId) ?? []) {
      if (sub.scope === 'site' && !SITE_LIVE_TYPES.has(m.type)) continue;
      this.send(p, m);
    }
  }

  /** Tabs with a site-scope panel on `site`, and `own` when it has one (its page may have changed site). */
  siteTabs(site: string | null, own: number): number[] {
    const out: number[] = [];
    for (const [tabId, subs] of this.byTab) {
      for (const sub of subs.values()) {
        if (sub.scope === 'site' && ((site !== null && sub.site === site) || tabId === own)) {
          out.push(tabId);
          break;
        }
      }
    }
    return out;
  }

  /** Sends to the site-scope ports of one tab, noting the site they now show. */
  pushSite(tabId: number, site: string | null, m: BackgroundMessage) {
    for (const [p, sub] of this.byTab.get(tabId) ?? []) {
      if (sub.scope !== 'site') continue;
      sub.site = site;
      this.send(p, m);
    }
  }

  private send(p: PortLike, m: BackgroundMessage) {
    try {
      p.postMessage(m);
    } catch {
      this.remove(p); // the panel closed between our check and the send
    }
  }
}
