/** Open panel ports per inspected tab, for pushing live updates. */
import type { PanelFanout, PortLike } from '../../lib/capture/capture-router';
import type { BackgroundMessage } from '../../lib/protocol/messages';

export class PanelPorts implements PanelFanout<PortLike> {
  private byTab = new Map<number, Set<PortLike>>();

  add(tabId: number, port: PortLike) {
    let set = this.byTab.get(tabId);
    if (!set) this.byTab.set(tabId, (set = new Set()));
    set.add(port);
  }

  remove(port: PortLike) {
    for (const set of this.byTab.values()) set.delete(port);
  }

  tabsOf(port: PortLike): number[] {
    return [...this.byTab].filter(([, set]) => set.has(port)).map(([tabId]) => tabId);
  }

  push(tabId: number, m: BackgroundMessage) {
    for (const p of this.byTab.get(tabId) ?? []) {
      try {
        p.postMessage(m);
      } catch {
        this.remove(p); // the panel closed between our check and the send
      }
    }
  }
}
