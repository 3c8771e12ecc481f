import { describe, expect, it, vi } from 'vitest';
import { connectCapture, inspectedTabId, type PortLike } from '../../../entrypoints/devtools-panel/connection';
import { backgroundMessage } from '../../../lib/protocol/build';
import { SOURCE } from '../../../lib/protocol/version';

class FakePort implements PortLike {
  sent: any[] = [];
  private msg: Array<(m: unknown) => void> = [];
  private disc: Array<() => void> = [];
  onMessage = { addListener: (cb: (m: unknown) => void) => void this.msg.push(cb) };
  onDisconnect = { addListener: (cb: () => void) => void this.disc.push(cb) };
  postMessage(m: unknown) {
    this.sent.push(m);
  }
  disconnect() {}
  deliver(m: unknown) {
    for (const cb of this.msg) cb(m);
  }
  die() {
    for (const cb of this.disc) cb();
  }
}

const snapshot = (n: number) =>
  backgroundMessage({
    type: 'snapshot',
    tabId: 7,
    snapshot: {
      tabId: 7,
      pageUrl: null,
      preserveLog: false,
      attempts: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, api: 'wire' as const, signature: null, calledAt: i, outcome: { kind: 'pending' as const } })),
      stats: { attempts: n, dropped: 0, rejected: {}, rejectedTotal: 0, hookErrors: 0, failed: 0 },
      issuances: [],
      clock: null,
    },
  });

/** A connection whose every (re)connect gets a new fake port, kept in `ports` in order. */
function connectWithFreshPorts() {
  const ports: FakePort[] = [];
  const c = connectCapture(7, {}, () => {
    const p = new FakePort();
    ports.push(p);
    return p;
  });
  return { ports, c };
}

describe('panel connection to the background', () => {
  it('asks for a snapshot on connect and after the MV3 worker is stopped (port dies) it reconnects and asks again', async () => {
    vi.useFakeTimers();
    const ports: FakePort[] = [];
    const onSnapshot = vi.fn();
    const statuses: string[] = [];
    connectCapture(7, { onSnapshot, onStatus: (s) => statuses.push(s) }, () => {
      const p = new FakePort();
      ports.push(p);
      return p;
    });
    expect(ports[0]!.sent).toEqual([{ source: SOURCE.panel, v: 1, type: 'subscribe', tabId: 7, scope: 'tab' }]);
    ports[0]!.deliver(snapshot(2));
    expect(onSnapshot).toHaveBeenCalledTimes(1);

    ports[0]!.die();
    expect(statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(150);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.at(-1)).toMatchObject({ type: 'subscribe', tabId: 7 });
    ports[1]!.deliver(snapshot(3));
    expect(onSnapshot.mock.calls[1]![0].attempts).toHaveLength(3);
    vi.useRealTimers();
  });

  it('a clear pressed while disconnected is sent once the port is back', async () => {
    vi.useFakeTimers();
    const { ports, c } = connectWithFreshPorts();
    ports[0]!.die();
    c.clear();
    await vi.advanceTimersByTimeAsync(150);
    expect(ports[1]!.sent.map((m) => m.type)).toEqual(['clear', 'subscribe']);
    c.close();
    vi.useRealTimers();
  });

  it('"all tabs of this site" stays chosen after the MV3 worker is stopped and the port comes back', async () => {
    vi.useFakeTimers();
    const { ports, c } = connectWithFreshPorts();
    c.setScope('site');
    expect(ports[0]!.sent.at(-1)).toMatchObject({ type: 'subscribe', tabId: 7, scope: 'site' });
    ports[0]!.die();
    await vi.advanceTimersByTimeAsync(150);
    expect(ports[1]!.sent.at(-1)).toMatchObject({ type: 'subscribe', tabId: 7, scope: 'site' });
    c.close();
    vi.useRealTimers();
  });

  it('a message from a mismatched background version is reported, not applied', () => {
    const port = new FakePort();
    const onSnapshot = vi.fn();
    const onProtocolError = vi.fn();
    connectCapture(7, { onSnapshot, onProtocolError }, () => port);
    port.deliver({ ...snapshot(1), v: 2 });
    expect(onSnapshot).not.toHaveBeenCalled();
    expect(onProtocolError).toHaveBeenCalledWith(expect.stringMatching(/wrong-version/));
  });

  it('updates for another inspected tab are ignored', () => {
    const port = new FakePort();
    const onAttempts = vi.fn();
    connectCapture(7, { onAttempts }, () => port);
    port.deliver(backgroundMessage({ type: 'attempts', tabId: 8, attempts: [] }));
    expect(onAttempts).not.toHaveBeenCalled();
  });

  it('the panel opened as a normal tab takes the tab from ?tabId=', () => {
    expect(inspectedTabId('?tabId=42')).toBe(42);
    // A malformed ?tabId= is not taken as a tab (falls back to DevTools' inspected tab).
    expect(inspectedTabId('?tabId=12abc')).not.toBe(12);
  });
});
