/**
 * The background's message router (entrypoints/background/index.ts is its thin shell): relay
 * batches and devtools-page records go into the per-tab store, changes are pushed to open panels,
 * and the badge follows the tab's failed joins. Every refusal is counted in the tab's rejections
 * (relay, devtools page or panel port alike) and answered with a typed reply. Browser APIs come
 * in as `RouterDeps`, so all of this runs in unit tests.
 */
import { backgroundMessage } from '../protocol/build';
import type { BackgroundMessage, BatchAck, IssuanceRecord, RejectReason, Reply, ReplyError, TopFrameAnswer } from '../protocol/messages';
import type { PanelScope } from './session-links';
import { checkDevtoolsMessage, checkPanelMessage, checkRelayMessage, countRejection } from '../protocol/validate';
import { PROTOCOL_VERSION, SOURCE } from '../protocol/version';
import { addAssetFailure, addClockSample, addIssuance, addNavigation, applyBatch } from './merge';
import { clearTabState, computeStats, toSnapshot, type TabState } from './tab-state';

/** The per-tab store (TabStore: serialised updates over storage.session). */
export interface CaptureStore {
  update<T>(tabId: number, fn: (s: TabState) => { state: TabState; result: T }): Promise<T>;
  read(tabId: number): Promise<TabState>;
  remove(tabId: number): Promise<void>;
}

/** Open panel ports per tab (PanelPorts). */
export interface PanelFanout<P> {
  add(tabId: number, port: P): void;
  remove(port: P): void;
  push(tabId: number, m: BackgroundMessage): void;
  /** The tabs a port subscribed to. */
  tabsOf(port: P): number[];
}

export interface PortLike {
  postMessage(m: unknown): void;
}

export interface RouterDeps<P extends PortLike = PortLike> {
  store: CaptureStore;
  ports: PanelFanout<P>;
  /** The toolbar badge: the tab's number of failed joins (0: no badge). */
  setBadge(tabId: number, failed: number): void;
  /** Asks the tab's top-frame relay which document is on top; null when none answers. */
  askTopFrame(tabId: number): Promise<TopFrameAnswer | null>;
  /** Joins in other tabs (entrypoints/background/session-scope.ts): absent, each tab stands alone. */
  session?: SessionHooks<P>;
}

/** What the router tells the session-wide linking of joins to issuers across tabs. */
export interface SessionHooks<P> {
  /** Subscribes the port in the scope it asked for and sends its snapshot; resolves to the tab's state. */
  subscribe(tabId: number, port: P, scope: PanelScope): Promise<TabState>;
  /** New or changed joins of a tab. */
  joins(tabId: number, attemptIds: readonly string[]): Promise<void>;
  /** An endpoint answer seen in a tab. */
  issuance(tabId: number, iss: IssuanceRecord): Promise<void>;
  /** A tab's capture changed (site-scope panels refresh). */
  changed(s: TabState): void;
}

/**
 * Who sent a runtime message or opened a port (the parts of runtime.MessageSender the browser
 * fills in; nothing in it comes from the message).
 */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** The sending frame (0: the tab's top frame), for content scripts. */
  frameId?: number;
}

/**
 * What a sender is, from what the browser says about it (measured in Chromium 156,
 * tests/e2e/senders.e2e.test.ts):
 *  - 'extension-page': one of our pages in no tab: the devtools page, and the panel inside DevTools
 *    (sender.url is our origin, sender.tab is undefined);
 *  - 'extension-tab': one of our pages open as a tab (the panel at devtools-panel.html?tabId=…,
 *    which the lab and the browser tests use): our origin, with a sender.tab;
 *  - 'content-script': our relay in a web page: a sender.tab, and the page's own URL;
 *  - null: not our extension at all.
 */
export type SenderKind = 'extension-page' | 'extension-tab' | 'content-script';

export function senderKind(sender: SenderLike | undefined, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (!sender || sender.id !== extensionId) return null;
  const tabId = sender.tab?.id;
  const hasTab = typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return hasTab ? 'extension-tab' : 'extension-page';
  return hasTab ? 'content-script' : null;
}

const reply = (): Reply => ({ source: SOURCE.background, v: PROTOCOL_VERSION, ok: true });
const refusal = (error: ReplyError): Reply => ({ source: SOURCE.background, v: PROTOCOL_VERSION, ok: false, error });
const refused = (reason: RejectReason, detail?: string): ReplyError => ({ code: 'ERR_REFUSED', reason, detail });
const storeFailed = (e: unknown): ReplyError => ({ code: 'ERR_STORE', detail: String(e) });

export class CaptureRouter<P extends PortLike = PortLike> {
  constructor(
    private deps: RouterDeps<P>,
    private extensionId: string,
    /** runtime.getURL(''): `chrome-extension://<id>/`, or Firefox's `moz-extension://<uuid>/`. */
    private extensionOrigin = `chrome-extension://${extensionId}/`,
  ) {}

  /**
   * A runtime message. Returns the reply to send, or null when the message is not for us (the
   * caller then leaves the channel alone). Each kind is taken only from its own sender: relay
   * batches from a content script, for the tab the browser names (never one the message names);
   * devtools-page records from an extension page in no tab. Anything else is refused as
   * 'bad-sender', counted in the sender's own tab when it has one.
   */
  onMessage(raw: unknown, sender: SenderLike): Promise<Reply> | null {
    if (sender.id !== this.extensionId) return null;
    const kind = senderKind(sender, this.extensionId, this.extensionOrigin);
    const src = (raw as { source?: unknown } | null)?.source;
    if (src !== SOURCE.relay && src !== SOURCE.devtools) return null;
    const ownTab = kind === 'content-script' || kind === 'extension-tab' ? sender.tab!.id! : undefined;
    if (src === SOURCE.relay) return kind === 'content-script' ? this.relayBatch(raw, ownTab, sender.frameId) : this.badSender(raw, ownTab, `a relay batch from ${kind ?? 'an unknown sender'}`);
    return kind === 'extension-page' ? this.devtools(raw) : this.badSender(raw, ownTab, `a devtools-page record from ${kind ?? 'an unknown sender'}`);
  }

  /**
   * A port opened to the background: only the panel, an extension page (in DevTools, or open as a
   * tab). A port from a content script is refused (the caller disconnects it) and counted in its tab.
   */
  acceptPanelPort(sender: SenderLike | undefined): boolean {
    const kind = senderKind(sender, this.extensionId, this.extensionOrigin);
    if (kind === 'extension-page' || kind === 'extension-tab') return true;
    if (kind === 'content-script') void this.countRefusal(sender!.tab!.id!, 'bad-sender').catch(() => undefined);
    return false;
  }

  private async badSender(raw: unknown, ownTab: number | undefined, detail: string): Promise<Reply> {
    if (ownTab !== undefined) await this.countRefusal(ownTab, 'bad-sender').catch(() => undefined);
    const r = refusal(refused('bad-sender', detail));
    const seq = (raw as { seq?: unknown } | null)?.seq;
    if (typeof seq !== 'number') return r;
    const ack: BatchAck = { ...r, seq };
    return ack;
  }

  /** A message on a panel port. Refusals are counted for the tab it names or the port watches. */
  onPanelMessage(port: P, raw: unknown): Promise<void> {
    const c = checkPanelMessage(raw);
    if (!c.ok) {
      const named = (raw as { tabId?: unknown } | null)?.tabId;
      const tabs = typeof named === 'number' && Number.isInteger(named) ? [named] : this.deps.ports.tabsOf(port);
      return Promise.all(tabs.map((t) => this.countRefusal(t, c.reason))).then(() => undefined);
    }
    const m = c.value;
    const { store } = this.deps;
    if (m.type === 'subscribe') {
      const { session } = this.deps;
      if (session) return session.subscribe(m.tabId, port, m.scope ?? 'tab').then((s) => this.badge(s));
      this.deps.ports.add(m.tabId, port);
      return store.read(m.tabId).then((s) => {
        port.postMessage(backgroundMessage({ type: 'snapshot', tabId: m.tabId, snapshot: toSnapshot(s) }));
        this.badge(s);
      });
    }
    if (m.type === 'clear')
      return store
        .update(m.tabId, (s) => ({ state: clearTabState(s), result: null }))
        .then(() => store.read(m.tabId))
        .then((s) => this.publish(s, [backgroundMessage({ type: 'cleared', tabId: m.tabId, reason: 'user' }), backgroundMessage({ type: 'snapshot', tabId: m.tabId, snapshot: toSnapshot(s) })]));
    return store
      .update(m.tabId, (s) => ({ state: { ...s, preserveLog: m.on }, result: null }))
      .then(() => store.read(m.tabId))
      .then((s) => this.publish(s, [backgroundMessage({ type: 'preserve-log', tabId: m.tabId, on: s.preserveLog })]));
  }

  onPanelDisconnect(port: P) {
    this.deps.ports.remove(port);
  }

  onTabRemoved(tabId: number): Promise<void> {
    return this.deps.store.remove(tabId);
  }

  private async relayBatch(raw: unknown, tabId: number | undefined, frameId?: number): Promise<BatchAck> {
    const seq = (raw as { seq?: unknown }).seq;
    const ack = (r: Reply): BatchAck => ({ ...r, seq: typeof seq === 'number' ? seq : 0 });
    const c = checkRelayMessage(raw);
    if (tabId === undefined || !c.ok) {
      const reason: RejectReason = c.ok ? 'bad-sender' : c.reason;
      if (tabId !== undefined) await this.countRefusal(tabId, reason).catch(() => undefined);
      return ack(refusal(refused(reason, c.ok ? 'no sender tab' : c.detail)));
    }
    const batch = c.value;
    const { store } = this.deps;
    // An iframe reporting before its top document did: ask which document is on top, so a new
    // one counts as a navigation (the top frame's relay stays dormant on a page without Zoom).
    let top: TopFrameAnswer | null = null;
    if (!batch.frame.top && !(await store.read(tabId)).frames[batch.frame.relayId]) top = await this.deps.askTopFrame(tabId).catch(() => null);
    let r;
    try {
      r = await store.update(tabId, (s) => {
        const res = applyBatch(s, batch, { top, ...(typeof frameId === 'number' && Number.isInteger(frameId) && frameId >= 0 ? { frameId } : {}) });
        return { state: res.state, result: res };
      });
    } catch (e) {
      return ack(refusal(storeFailed(e)));
    }
    if (!r.duplicate) {
      await this.deps.session?.joins(tabId, r.changed.map((a) => a.id)).catch(() => undefined);
      const out: BackgroundMessage[] = [];
      if (r.navigated) {
        out.push(backgroundMessage({ type: 'navigated', tabId, url: r.navigated.url, preserved: !r.navigated.cleared }));
        if (r.navigated.cleared) out.push(backgroundMessage({ type: 'snapshot', tabId, snapshot: toSnapshot(r.state) }));
      }
      if (r.changed.length) out.push(backgroundMessage({ type: 'attempts', tabId, attempts: r.changed }));
      this.publish(r.state, out);
    }
    return ack(reply());
  }

  private async devtools(raw: unknown): Promise<Reply> {
    const c = checkDevtoolsMessage(raw);
    if (!c.ok) {
      const tabId = (raw as { tabId?: unknown } | null)?.tabId;
      if (typeof tabId === 'number' && Number.isInteger(tabId)) await this.countRefusal(tabId, c.reason).catch(() => undefined);
      return refusal(refused(c.reason, c.detail));
    }
    const m = c.value;
    const { store } = this.deps;
    try {
      const changed = await store.update(m.tabId, (prev) => {
        // A tab no relay has reported from (it issues tokens, the join runs elsewhere) takes its
        // page from the devtools page, so the session's scope can name its site.
        const s = m.type === 'issuance' && m.pageUrl && Object.keys(prev.frames).length === 0 && prev.pageUrl !== m.pageUrl ? { ...prev, pageUrl: m.pageUrl } : prev;
        const result =
          m.type === 'clock' ? addClockSample(s, m.result) : m.type === 'asset' ? addAssetFailure(s, m.failure) : m.type === 'navigated' ? addNavigation(s, { url: m.url, at: m.at }) : addIssuance(s, m.issuance);
        return { state: s, result };
      });
      const s = await store.read(m.tabId);
      const out: BackgroundMessage[] = [];
      if (m.type === 'issuance') out.push(backgroundMessage({ type: 'issuance', tabId: m.tabId, issuance: m.issuance }));
      if (changed.length) out.push(backgroundMessage({ type: 'attempts', tabId: m.tabId, attempts: changed }));
      this.publish(s, out);
      if (m.type === 'issuance') await this.deps.session?.issuance(m.tabId, m.issuance).catch(() => undefined);
      return reply();
    } catch (e) {
      return refusal(storeFailed(e));
    }
  }

  /** Counts a refused message in the tab's rejections (shown in the panel's stats). */
  private countRefusal(tabId: number, reason: RejectReason): Promise<void> {
    return this.deps.store
      .update(tabId, (s) => ({ state: { ...s, bgRejected: countRejection(s.bgRejected, reason) }, result: null }))
      .then(() => this.deps.store.read(tabId))
      .then((s) => this.publish(s, []));
  }

  private badge(s: TabState) {
    this.deps.setBadge(s.tabId, computeStats(s).failed);
  }

  private publish(s: TabState, messages: BackgroundMessage[]) {
    for (const m of messages) this.deps.ports.push(s.tabId, m);
    this.deps.ports.push(s.tabId, backgroundMessage({ type: 'stats', tabId: s.tabId, stats: computeStats(s) }));
    this.badge(s);
    this.deps.session?.changed(s);
  }
}
