/**
 * Per-tab capture state in storage.session: it survives the MV3 worker being stopped, and is
 * gone when the browser closes (signatures are credentials). All changes go through one
 * serial queue so concurrent messages never overwrite each other's writes; the caller's
 * promise resolves only after the write, which is what the relay waits for before it lets a
 * batch go.
 *
 * Budgets hold before every write (lib/protocol/limits.ts): each written tab is fitted into the
 * per-tab budget (lib/capture/tab-budget.ts evicts its oldest records), the link index into its
 * own, and while all tabs together are over the total, the largest tab gives up its oldest
 * records, in the same write. A page flooding its tab therefore only ever costs that tab.
 * The cache is what storage holds: when a write fails, every state it carried is dropped from
 * the cache and read back from storage on next use.
 */
import { forgetTab, trimLinks, checkLinks, type SessionLinks } from '../../lib/capture/session-links';
import { itemBytes } from '../../lib/capture/storage-size';
import { fitTabState, tabKey as key } from '../../lib/capture/tab-budget';
import { emptyTabState, type TabState } from '../../lib/capture/tab-state';
import { STORAGE_LINKS_BUDGET_BYTES, STORAGE_TAB_BUDGET_BYTES, STORAGE_TOTAL_BUDGET_BYTES } from '../../lib/protocol/limits';

/** The session-wide token → issuer/join-tabs index (lib/capture/session-links): fingerprints, no tokens. */
const LINKS_KEY = 'links';
const TAB_KEY = /^tab:(\d{1,10})$/;

export interface SessionArea {
  /** `null` reads every key (chrome.storage.session.get(null)). */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Bytes, in Chromium's storage.session accounting (lib/capture/storage-size.ts). */
export interface StoreBudgets {
  tab: number;
  links: number;
  total: number;
}

export const DEFAULT_BUDGETS: StoreBudgets = { tab: STORAGE_TAB_BUDGET_BYTES, links: STORAGE_LINKS_BUDGET_BYTES, total: STORAGE_TOTAL_BUDGET_BYTES };

const isTabState = (v: unknown): v is TabState => !!v && typeof v === 'object' && Array.isArray((v as TabState).attempts);

export class TabStore {
  private chain: Promise<unknown> = Promise.resolve();
  /** Cache of what is in storage; rebuilt from storage after a worker restart. */
  private cache = new Map<number, TabState>();
  private links: SessionLinks | null = null;
  /** What each stored tab costs, and the link index: known for every stored item once `complete`. */
  private sizes = new Map<number, number>();
  private linksBytes = 0;
  /** Every stored tab is in the cache and sized (set after the first full read). */
  private complete = false;

  constructor(
    private area: SessionArea,
    private budgets: StoreBudgets = DEFAULT_BUDGETS,
  ) {}

  /** Runs `fn` on the tab's state and persists it, serialised with every other update. */
  update<T>(tabId: number, fn: (s: TabState) => { state: TabState; result: T }): Promise<T> {
    return this.serial(async () => {
      await this.loadAll();
      const current = await this.load(tabId);
      let out: { state: TabState; result: T };
      try {
        out = fn(current);
      } catch (e) {
        this.forget([tabId], false); // fn may have changed the cached state before it threw
        throw e;
      }
      await this.commit(new Map([[tabId, out.state]]), false);
      return out.result;
    });
  }

  /**
   * Runs `fn` on the session link index with the tabs it names loaded, serialised with every tab
   * update. `fn` returns the tabs it changed; those and the index are persisted.
   */
  session<T>(tabIds: readonly number[], fn: (links: SessionLinks, tabs: Map<number, TabState>) => { result: T; touched: number[] }): Promise<T> {
    return this.serial(async () => {
      await this.loadAll();
      const links = await this.loadLinks();
      const tabs = new Map<number, TabState>();
      for (const id of tabIds) tabs.set(id, await this.load(id));
      const rev = links.rev;
      let out: { result: T; touched: number[] };
      try {
        out = fn(links, tabs);
      } catch (e) {
        this.forget(tabIds, true);
        throw e;
      }
      const touched = new Map<number, TabState>();
      for (const id of out.touched) {
        const t = tabs.get(id);
        if (t) touched.set(id, t);
      }
      await this.commit(touched, links.rev !== rev);
      return out.result;
    });
  }

  /** The link index and every stored tab (after a worker restart, read back from storage once). */
  readAll(): Promise<{ links: SessionLinks; tabs: TabState[] }> {
    return this.serial(async () => {
      const links = await this.loadLinks();
      await this.loadAll();
      return { links, tabs: [...this.cache.values()] };
    });
  }

  read(tabId: number): Promise<TabState> {
    return this.serial(() => this.load(tabId));
  }

  /** A closed tab: its state goes, and the link index forgets its joins. */
  remove(tabId: number): Promise<void> {
    return this.serial(async () => {
      this.cache.delete(tabId);
      this.sizes.delete(tabId);
      await this.area.remove(key(tabId));
      const links = await this.loadLinks();
      const rev = links.rev;
      forgetTab(links, tabId);
      if (links.rev !== rev) await this.commit(new Map(), true);
    });
  }

  /** What storage.session holds now, by this store's count (tabs and link index). */
  bytesInUse(): number {
    let n = this.linksBytes;
    for (const b of this.sizes.values()) n += b;
    return n;
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /**
   * Fits what is about to be written into the budgets, then writes it in one set(). Only after
   * the write succeeded do the cache and the sizes say so; on failure they fall back to storage.
   */
  private async commit(tabs: Map<number, TabState>, withLinks: boolean): Promise<void> {
    const items: Record<string, unknown> = {};
    const sizes = new Map(this.sizes);
    for (const [id, s] of tabs) {
      sizes.set(id, fitTabState(s, this.budgets.tab));
      items[key(id)] = s;
    }
    let linksBytes = this.linksBytes;
    if (withLinks && this.links) {
      linksBytes = trimLinks(this.links, this.budgets.links, (l) => itemBytes(LINKS_KEY, l));
      items[LINKS_KEY] = this.links;
    }
    const written = new Map(tabs);
    let total = linksBytes;
    for (const b of sizes.values()) total += b;
    while (total > this.budgets.total) {
      let largest: number | null = null;
      for (const [id, b] of sizes) if (largest === null || b > sizes.get(largest)!) largest = id;
      if (largest === null) break;
      const s = written.get(largest) ?? (await this.load(largest));
      const before = sizes.get(largest)!;
      const after = fitTabState(s, before - (total - this.budgets.total));
      if (after >= before) break; // nothing left to take anywhere
      sizes.set(largest, after);
      written.set(largest, s);
      items[key(largest)] = s;
      total -= before - after;
    }
    if (Object.keys(items).length === 0) return;
    try {
      await this.area.set(items);
    } catch (e) {
      this.forget([...written.keys()], withLinks);
      throw e;
    }
    for (const [id, s] of written) this.cache.set(id, s);
    this.sizes = sizes;
    this.linksBytes = linksBytes;
  }

  /** Drops states the cache may hold unwritten: the next use reads them back from storage. */
  private forget(tabIds: Iterable<number>, links: boolean) {
    for (const id of tabIds) this.cache.delete(id);
    if (links) this.links = null;
    this.complete = false;
  }

  /** Reads and sizes every stored item once per worker (and again after a failed write). */
  private async loadAll(): Promise<void> {
    if (this.complete) return;
    const all = await this.area.get(null);
    const sizes = new Map<number, number>();
    for (const [k, v] of Object.entries(all)) {
      const id = TAB_KEY.exec(k)?.[1];
      if (id === undefined || !isTabState(v)) continue;
      const tabId = Number(id);
      if (!this.cache.has(tabId)) this.cache.set(tabId, v);
      sizes.set(tabId, itemBytes(k, all[k]));
    }
    this.sizes = sizes;
    this.links ??= checkLinks(all[LINKS_KEY]);
    this.linksBytes = all[LINKS_KEY] === undefined ? 0 : itemBytes(LINKS_KEY, all[LINKS_KEY]);
    this.complete = true;
  }

  private async loadLinks(): Promise<SessionLinks> {
    if (!this.links) this.links = checkLinks((await this.area.get(LINKS_KEY))[LINKS_KEY]);
    return this.links;
  }

  private async load(tabId: number): Promise<TabState> {
    const hit = this.cache.get(tabId);
    if (hit) return hit;
    const got = (await this.area.get(key(tabId)))[key(tabId)];
    const s = isTabState(got) ? got : emptyTabState(tabId);
    this.cache.set(tabId, s);
    return s;
  }
}
