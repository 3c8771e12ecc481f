/**
 * The panel's link to the background capture store.
 *
 * `connectCapture(tabId, handlers)` opens a port, asks for a snapshot, then receives live
 * updates. The MV3 worker may be stopped at any time, which disconnects the port: we reconnect
 * with backoff and ask for a fresh snapshot, so nothing captured meanwhile is missed (the store
 * lives in storage.session, not in the worker).
 *
 * The tab comes from `inspectedTabId()`: `browser.devtools.inspectedWindow.tabId` inside DevTools,
 * or `?tabId=` when the panel page is opened as a normal tab (tests, the lab).
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { BackgroundMessage, CaptureStats, IssuanceRecord, PanelMessage, TabSnapshot } from '../../lib/protocol/messages';
import { checkBackgroundMessage } from '../../lib/protocol/validate';
import { panelMessage } from '../../lib/protocol/build';
import { PANEL_PORT_NAME } from '../../lib/protocol/version';

export interface CaptureHandlers {
  onSnapshot?(snapshot: TabSnapshot): void;
  /** Attempts created or changed: upsert by id. */
  onAttempts?(attempts: JoinAttempt[]): void;
  onStats?(stats: CaptureStats): void;
  onCleared?(reason: 'user' | 'navigation'): void;
  onNavigated?(url: string, preserved: boolean): void;
  onIssuance?(issuance: IssuanceRecord): void;
  onPreserveLog?(on: boolean): void;
  /** Connection state, for a "reconnecting…" hint. */
  onStatus?(status: 'connected' | 'reconnecting'): void;
  /** A message from the background failed validation (protocol mismatch after an update). */
  onProtocolError?(detail: string): void;
}

export interface CaptureConnection {
  clear(): void;
  setPreserveLog(on: boolean): void;
  /** Re-subscribes for this tab only or every tab of its site; kept across reconnects. */
  setScope(scope: 'tab' | 'site'): void;
  close(): void;
}

/** Minimal slice of the runtime API, injectable for tests. */
export interface PortLike {
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (m: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}
export type ConnectFn = () => PortLike;

const defaultConnect: ConnectFn = () => browser.runtime.connect({ name: PANEL_PORT_NAME }) as unknown as PortLike;

export function inspectedTabId(search: string = globalThis.location?.search ?? ''): number | null {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const dt = (globalThis as { browser?: typeof browser }).browser?.devtools;
  return typeof dt?.inspectedWindow?.tabId === 'number' ? dt.inspectedWindow.tabId : null;
}

export function connectCapture(tabId: number, handlers: CaptureHandlers, connect: ConnectFn = defaultConnect): CaptureConnection {
  let port: PortLike | null = null;
  let closed = false;
  let backoff = 100;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scope: 'tab' | 'site' = 'tab';
  /** Commands issued while disconnected are sent after the next snapshot request. */
  const pending: PanelMessage[] = [];

  const dispatch = (raw: unknown) => {
    const c = checkBackgroundMessage(raw);
    if (!c.ok) return handlers.onProtocolError?.(`${c.reason}${c.detail ? `: ${c.detail}` : ''}`);
    const m: BackgroundMessage = c.value;
    if (m.tabId !== tabId) return;
    backoff = 100;
    switch (m.type) {
      case 'snapshot': return handlers.onSnapshot?.(m.snapshot);
      case 'attempts': return handlers.onAttempts?.(m.attempts);
      case 'stats': return handlers.onStats?.(m.stats);
      case 'cleared': return handlers.onCleared?.(m.reason);
      case 'navigated': return handlers.onNavigated?.(m.url, m.preserved);
      case 'issuance': return handlers.onIssuance?.(m.issuance);
      case 'preserve-log': return handlers.onPreserveLog?.(m.on);
    }
  };

  const send = (m: PanelMessage) => {
    if (!port) return void pending.push(m);
    try {
      port.postMessage(m);
    } catch {
      pending.push(m);
    }
  };

  const open = () => {
    if (closed) return;
    try {
      port = connect();
    } catch {
      port = null;
      return scheduleReconnect();
    }
    port.onMessage.addListener(dispatch);
    port.onDisconnect.addListener(() => {
      port = null;
      scheduleReconnect();
    });
    handlers.onStatus?.('connected');
    const queued = pending.splice(0);
    for (const m of queued) send(m);
    send(panelMessage({ type: 'subscribe', tabId, scope }));
  };

  const scheduleReconnect = () => {
    if (closed) return;
    handlers.onStatus?.('reconnecting');
    clearTimeout(timer);
    timer = setTimeout(open, backoff);
    backoff = Math.min(backoff * 2, 2000);
  };

  open();
  return {
    clear: () => send(panelMessage({ type: 'clear', tabId })),
    setPreserveLog: (on) => send(panelMessage({ type: 'set-preserve-log', tabId, on })),
    setScope: (next) => {
      scope = next;
      send(panelMessage({ type: 'subscribe', tabId, scope }));
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      port?.disconnect();
      port = null;
    },
  };
}
