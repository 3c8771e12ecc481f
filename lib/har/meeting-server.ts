/**
 * The meeting-server stage in a HAR: Chrome records WebSockets with their frames
 * (`_webSocketMessages: [{type:"send"|"receive", time, opcode, data}]`). The SDK's RWG socket
 * (`wss://<rwg>/wc/api/<meetingNumber>`) carries the meeting server's join answer
 * `{"evt":4098,"body":{"res":N}}` (docs/join-errors.md §7); a refusal there (6601 → 4011…) comes
 * after a wc/info answer that said status:true, so without it a HAR reads "signature accepted".
 */
import { isAcceptedOnly, type JoinAttempt } from '../model/attempt';
import { sdkCodeForMeetingServer } from '../zoom/meeting-server-codes';
import type { SdkView } from '../zoom/wc-info-codes';

/** Frames read per socket, and the longest frame parsed: the join answer is among the first few. */
const MAX_FRAMES = 500;
const MAX_FRAME_CHARS = 64 * 1024;

export interface MeetingServerSocket {
  entry: number;
  /** When the socket was opened, epoch ms (the entry's start); null when unparsable. */
  openedAt: number | null;
  /** The join answer's result code and when it came (frame time), or null when none was recorded. */
  res: number | null;
  answeredAt: number | null;
}

export const isRwgUrl = (url: string): boolean => /^wss?:\/\/[^/]+\/wc\/api\//.test(url);

/** The RWG socket's join answer from a HAR entry's recorded frames. */
export function readRwgSocket(raw: unknown, entry: number, openedAt: number | null): MeetingServerSocket {
  const frames = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)._webSocketMessages : null;
  const out: MeetingServerSocket = { entry, openedAt, res: null, answeredAt: null };
  if (!Array.isArray(frames)) return out;
  for (let i = 0; i < frames.length && i < MAX_FRAMES; i++) {
    const f = frames[i] as Record<string, unknown> | null;
    const data = f && f.type === 'receive' ? f.data : null;
    if (typeof data !== 'string' || data.length > MAX_FRAME_CHARS || !/"evt":\s*4098\b/.test(data)) continue;
    try {
      const m = JSON.parse(data) as { evt?: unknown; body?: { res?: unknown } };
      if (m.evt !== 4098 || typeof m.body?.res !== 'number') continue;
      out.res = m.body.res;
      out.answeredAt = typeof f!.time === 'number' && Number.isFinite(f!.time) ? Math.round(f!.time * 1000) : null;
      return out;
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * Gives each socket to the newest accepted Meeting SDK join sent before it opened. Both lists are
 * walked once in time order (attempts in request order, sockets sorted), so the cost is linear.
 * A refusal turns that join's "signature accepted" into the failure the SDK reported.
 */
export function linkMeetingServer(attempts: readonly JoinAttempt[], sockets: readonly MeetingServerSocket[], viewOf: (a: JoinAttempt) => SdkView): void {
  const sorted = [...sockets].filter((s) => s.openedAt !== null).sort((a, b) => a.openedAt! - b.openedAt! || a.entry - b.entry);
  let i = 0;
  let current: JoinAttempt | null = null;
  for (const s of sorted) {
    while (i < attempts.length && (attempts[i]!.wire?.sentAt ?? Infinity) <= s.openedAt!) {
      const a = attempts[i++]!;
      if (a.sdk !== 'video' && a.wire?.accepted === true) current = a;
    }
    const a = current;
    if (!a || !a.wire || a.wire.meetingServer?.res != null) continue;
    a.wire.meetingServer = { openedAt: s.openedAt, answeredAt: s.answeredAt, res: s.res };
    if (s.res !== null && s.res !== 0 && isAcceptedOnly(a.outcome)) {
      const view = viewOf(a);
      const { code, message } = sdkCodeForMeetingServer(s.res, view);
      a.outcome = { kind: 'failure', code, message, serverCode: null, serverMessage: null, ...(view === 'component-view' ? { type: 'JOIN_MEETING_FAILED' } : {}) };
      a.settledAt = s.answeredAt ?? a.settledAt;
    }
  }
}
