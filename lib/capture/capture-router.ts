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
import { addAssetFailure, addClockSample, addIssuance, applyBatch } from './merge';
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

/** Who sent a runtime message (the parts of runtime.MessageSender we trust). */
export interface SenderLike {
  id?: string;
  tab?: { id?: number };
}

const reply = (): Reply => ({ source: SOURCE.background, v: PROTOCOL_VERSION, ok: true });
const refusal = (error: ReplyError): Reply => ({ source: SOURCE.background, v: PROTOCOL_VERSION, ok: false, error });
const refused = (reason: RejectReason, detail?: string): ReplyError => ({ code: 'ERR_REFUSED', reason, detail });
const storeFailed = (e: unknown): ReplyError => ({ code: 'ERR_STORE', detail: String(e) });

export class CaptureRouter<P extends PortLike = PortLike> {
  constructor(
    private deps: RouterDeps<P>,
    private extensionId: string,
  ) {}

  /**
   * A runtime message. Returns the reply to send, or null when the message is not for us (the
   * caller then leaves the channel alone).
   */
  onMessage(raw: unknown, sender: SenderLike): Promise<Reply> | null {
    if (sender.id !== this.extensionId) return null;
    const src = (raw as { source?: unknown } | null)?.source;
    if (src === SOURCE.relay) return this.relayBatch(raw, sender.tab?.id);
    if (src === SOURCE.devtools) return this.devtools(raw);
    return null;
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

  private async relayBatch(raw: unknown, tabId: number | undefined): Promise<BatchAck> {
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
        const res = applyBatch(s, batch, { top });
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
        return { state: s, result: m.type === 'clock' ? addClockSample(s, m.result) : m.type === 'asset' ? addAssetFailure(s, m.failure) : addIssuance(s, m.issuance) };
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
