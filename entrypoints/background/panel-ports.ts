/** Open panel ports per inspected tab, for pushing live updates. */
import type { BackgroundMessage } from '../../lib/protocol/messages';

export interface PortLike {
  postMessage(m: unknown): void;
}

export class PanelPorts {
  private byTab = new Map<number, Set<PortLike>>();

  add(tabId: number, port: PortLike) {
    let set = this.byTab.get(tabId);
    if (!set) this.byTab.set(tabId, (set = new Set()));
    set.add(port);
  }

  remove(port: PortLike) {
    for (const set of this.byTab.values()) set.delete(port);
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
