/**
 * Per-tab capture state in storage.session: it survives the MV3 worker being stopped, and is
 * gone when the browser closes (signatures are credentials). All changes go through one
 * serial queue so concurrent messages never overwrite each other's writes; the caller's
 * promise resolves only after the write, which is what the relay waits for before it lets a
 * batch go.
 */
import { emptyTabState, type TabState } from '../../lib/capture/tab-state';

const key = (tabId: number) => `tab:${tabId}`;

export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export class TabStore {
  private chain: Promise<unknown> = Promise.resolve();
  /** Cache of what is in storage; rebuilt from storage after a worker restart. */
  private cache = new Map<number, TabState>();

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

  private async load(tabId: number): Promise<TabState> {
    const hit = this.cache.get(tabId);
    if (hit) return hit;
    const got = (await this.area.get(key(tabId)))[key(tabId)] as TabState | undefined;
    const s = got && typeof got === 'object' && Array.isArray(got.attempts) ? got : emptyTabState(tabId);
    this.cache.set(tabId, s);
    return s;
  }
}
