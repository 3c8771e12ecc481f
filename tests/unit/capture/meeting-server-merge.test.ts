/**
 * The meeting-server stage as the hook sees it (the RWG WebSocket's `rwg` events), measured with
 * the real 6.2.0 (tests/e2e/meeting-server.e2e.test.ts): after Zoom accepted the signature, the
 * client view reports a meeting-server refusal (6601 → 4011) only in its own dialog and calls no
 * callback, so the capture takes the code from the RWG's join answer; the component view rejects
 * its promise, which keeps the last word.
 */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { emptyTabState } from '../../../lib/capture/tab-state';
import type { HookEvent } from '../../../lib/protocol/messages';
import { GOOD, batch } from './fixtures';

const accepted = { status: true, errorCode: 0 };
const acceptedJoin = (method: 'ZoomMtg.join' | 'client.join'): HookEvent[] => [
  { t: 'call', id: 'j:1', method, sig: GOOD, mn: '123456789', at: 0 },
  { t: 'wire-req', id: 'j:2', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', at: 2_000 },
  { t: 'wire-res', id: 'j:2', http: 200, body: accepted, at: 2_040 },
];

describe('the meeting server refuses after Zoom accepted the signature', () => {
  it('client view, unpublished app joining another account (6601), no callback: failure 4011 with the meeting server\'s code', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([...acceptedJoin('ZoomMtg.join'), { t: 'rwg', res: null, at: 2_300 }, { t: 'rwg', res: 6601, at: 2_500 }]));
    const a = s.attempts[0]!;
    expect(a.outcome).toEqual({ kind: 'failure', code: 4011, message: expect.stringContaining('external Zoom account'), serverCode: null, serverMessage: null });
    expect(a.wire?.meetingServer).toEqual({ openedAt: 2_300, answeredAt: 2_500, res: 6601 });
    expect(a.settledAt).toBe(2_500);
    // The hook's settle timeout later does not turn the refusal into a timeout.
    applyBatch(s, batch([{ t: 'timeout', id: 'j:1', afterMs: 45_000, at: 45_000 }]));
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 4011 });
  });

  it('component view, 6601 then client.join() rejects: the promise\'s 4011 "cross account join error" stands, JOIN_MEETING_FAILED', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([...acceptedJoin('client.join'), { t: 'rwg', res: null, at: 2_300 }, { t: 'rwg', res: 6601, at: 2_500 }]));
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 4011, message: 'cross account join error', type: 'JOIN_MEETING_FAILED' });
    applyBatch(s, batch([{ t: 'settle', id: 'j:1', ok: false, res: { type: 'JOIN_MEETING_FAILED', reason: 'cross account join error', errorCode: 4011 }, at: 2_510 }]));
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 4011, message: 'cross account join error', type: 'JOIN_MEETING_FAILED' });
    expect(s.attempts[0]!.wire?.meetingServer?.res).toBe(6601);
  });

  it('a component view that rejected before the hook read the socket keeps its own code; the meeting server\'s is added', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([...acceptedJoin('client.join'), { t: 'settle', id: 'j:1', ok: false, res: { type: 'JOIN_MEETING_FAILED', reason: 'meeting ended', errorCode: 4004 }, at: 2_400 }, { t: 'rwg', res: 6, at: 2_500 }]));
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 4004 });
    expect(s.attempts[0]!.wire?.meetingServer?.res).toBe(6);
  });

  it('the meeting server joins (res 0): the outcome is left to the join\'s own callback', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([...acceptedJoin('ZoomMtg.join'), { t: 'rwg', res: 0, at: 2_500 }]));
    expect(s.attempts[0]!.outcome).toEqual({ kind: 'success', acceptedOnly: true });
    expect(s.attempts[0]!.wire?.meetingServer?.res).toBe(0);
  });

  it('a meeting-server event with no accepted join in its document is ignored', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'call', id: 'k:1', method: 'ZoomMtg.join', sig: GOOD, mn: '1', at: 0 }, { t: 'rwg', res: 6601, at: 10 }]));
    expect(s.attempts[0]!.outcome).toEqual({ kind: 'pending' });
    const other = emptyTabState(2);
    applyBatch(other, batch(acceptedJoin('ZoomMtg.join'), { relayId: 'doc-a' }));
    applyBatch(other, batch([{ t: 'rwg', res: 6601, at: 2_500 }], { relayId: 'doc-b', top: false, url: 'http://127.0.0.1/frame' }));
    expect(other.attempts[0]!.outcome).toEqual({ kind: 'success', acceptedOnly: true });
  });
});

describe('accepted, then nothing', () => {
  it('a client-view join Zoom accepted that then never settles is a timeout, not "signature accepted" forever', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([...acceptedJoin('ZoomMtg.join'), { t: 'rwg', res: null, at: 2_300 }, { t: 'timeout', id: 'j:1', afterMs: 45_000, at: 45_000 }]));
    expect(s.attempts[0]!.outcome).toEqual({ kind: 'timeout', afterMs: 45_000 });
    expect(s.attempts[0]!.wire).toMatchObject({ accepted: true, meetingServer: { openedAt: 2_300, answeredAt: null, res: null } });
  });

  it('a join whose success callback came is never turned into a timeout', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([...acceptedJoin('ZoomMtg.join'), { t: 'settle', id: 'j:1', ok: true, res: {}, at: 5_000 }, { t: 'timeout', id: 'j:1', afterMs: 45_000, at: 45_000 }]));
    expect(s.attempts[0]!.outcome).toEqual({ kind: 'success' });
  });
});
