/**
 * Per-tab capture state in storage.session: it survives the MV3 worker being stopped, and is
 * gone when the browser closes (signatures are credentials). All changes go through one
 * serial queue so concurrent messages never overwrite each other's writes; the caller's
 * promise resolves only after the write, which is what the relay waits for before it lets a
 * batch go.
 */
import { checkLinks, type SessionLinks } from '../../lib/capture/session-links';
import { emptyTabState, type TabState } from '../../lib/capture/tab-state';

const key = (tabId: number) => `tab:${tabId}`;
/** The session-wide token → issuer/join-tabs index (lib/capture/session-links): fingerprints, no tokens. */
const LINKS_KEY = 'links';

export interface SessionArea {
  /** `null` reads every key (chrome.storage.session.get(null)). */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export class TabStore {
  private chain: Promise<unknown> = Promise.resolve();
  /** Cache of what is in storage; rebuilt from storage after a worker restart. */
  private cache = new Map<number, TabState>();
  private links: SessionLinks | null = null;
  /** Every stored tab is in the cache (set after the first full read). */
  private complete = false;

  constructor(private area: SessionArea) {}

  /** Runs `fn` on the tab's state and persists it, serialised with every other update. */
  update<T>(tabId: number, fn: (s: TabState) => { state: TabState; result: T }): Promise<T> {
    const run = async () => {
      const current = await this.load(tabId);
      const { state, result } = fn(current);
      this.cache.set(tabId, state);
      await this.area.set({ [key(tabId)]: state });
      return result;
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /**
   * Runs `fn` on the session link index with the tabs it names loaded, serialised with every tab
   * update. `fn` returns the tabs it changed; those and the index are persisted.
   */
  session<T>(tabIds: readonly number[], fn: (links: SessionLinks, tabs: Map<number, TabState>) => { result: T; touched: number[] }): Promise<T> {
    const run = async () => {
      const links = await this.loadLinks();
      const tabs = new Map<number, TabState>();
      for (const id of tabIds) tabs.set(id, await this.load(id));
      const rev = links.rev;
      const { result, touched } = fn(links, tabs);
      const items: Record<string, unknown> = links.rev === rev ? {} : { [LINKS_KEY]: links };
      for (const id of touched) {
        const t = tabs.get(id);
        if (t) items[key(id)] = t;
      }
      if (Object.keys(items).length) await this.area.set(items);
      return result;
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** The link index and every stored tab (after a worker restart, read back from storage once). */
  readAll(): Promise<{ links: SessionLinks; tabs: TabState[] }> {
    const run = async () => {
      const links = await this.loadLinks();
      if (!this.complete) {
        const all = await this.area.get(null);
        for (const [k, v] of Object.entries(all)) {
          const id = /^tab:(\d+)$/.exec(k)?.[1];
          if (id === undefined || this.cache.has(Number(id))) continue;
          const t = v as TabState | undefined;
          if (t && typeof t === 'object' && Array.isArray(t.attempts)) this.cache.set(Number(id), t);
        }
        this.complete = true;
      }
      return { links, tabs: [...this.cache.values()] };
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  read(tabId: number): Promise<TabState> {
    const p = this.chain.then(() => this.load(tabId));
    this.chain = p.catch(() => undefined);
    return p;
  }

  remove(tabId: number): Promise<void> {
    const p = this.chain.then(async () => {
      this.cache.delete(tabId);
      await this.area.remove(key(tabId));
    });
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async loadLinks(): Promise<SessionLinks> {
    if (!this.links) this.links = checkLinks((await this.area.get(LINKS_KEY))[LINKS_KEY]);
    return this.links;
  }

  private async load(tabId: number): Promise<TabState> {
    const hit = this.cache.get(tabId);
    if (hit) return hit;
    const got = (await this.area.get(key(tabId)))[key(tabId)] as TabState | undefined;
    const s = got && typeof got === 'object' && Array.isArray(got.attempts) ? got : emptyTabState(tabId);
    this.cache.set(tabId, s);
    return s;
  }
}
