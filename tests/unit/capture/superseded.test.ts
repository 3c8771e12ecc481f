/**
 * React StrictMode's double join (Zoom's Video SDK sample in `npm start`): the SDK aborts its first
 * wc/lsdk request when join() is called again with the same token. The event order and times are
 * the ones measured with the real @zoom/videosdk 2.5.0 (tests/e2e/strict-mode-double-join).
 */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { computeStats, emptyTabState } from '../../../lib/capture/tab-state';
import { analyseAttempt } from '../../../lib/attempt-context';
import { attemptAnswer, correlate } from '../../../lib/correlate';
import { batch, jwt } from './fixtures';

const VIDEO = jwt({ app_key: 'K', role_type: 1, tpc: 'My Topic', version: 1, iat: 1795912284, exp: 1795919484 });
const LSDK = 'https://zoom.us/wc/lsdk';
const T = 1_796_678_319_991;
const call = (id: string, at: number, sig = VIDEO) => ({ t: 'call' as const, id, method: 'video.join' as const, sig, tp: 'My Topic', mn: null, sdkKey: null, at });
const req = (id: string, at: number, sig = VIDEO) => ({ t: 'wire-req' as const, id, via: 'xhr' as const, url: LSDK, sig, mn: null, cv: '2.5.0', tp: 'bXkgdG9waWM', at });
const aborted = (id: string, at: number) => ({ t: 'wire-res' as const, id, http: 0, body: null, at });
const accepted = (id: string, at: number) => ({ t: 'wire-res' as const, id, http: 200, body: { status: true, errorCode: 0, errorMessage: '' }, at });
const connectionError = { type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: 200 };

describe('a join request the SDK replaced is not a failure', () => {
  it('StrictMode: two client.join calls 85 ms apart, the first wc/lsdk aborted 2 ms after the second call: superseded, and its own rejection does not undo it', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([call('p:1', T), req('p:2', T + 6), call('p:3', T + 85), aborted('p:2', T + 87), req('p:4', T + 88), accepted('p:4', T + 231)]));
    applyBatch(s, batch([{ t: 'settle', id: 'p:1', ok: false, res: connectionError, at: T + 300 }]));
    const [first, second] = s.attempts;
    expect(first!.outcome).toMatchObject({ kind: 'superseded', by: 'p:3' });
    expect(first!.outcome.kind === 'superseded' && first!.outcome.reason).toMatch(/join\(\) again 85 ms later with the same token.*cancelled this wc\/lsdk request.*React StrictMode/);
    expect(second!.outcome).toEqual({ kind: 'success', acceptedOnly: true });
    expect(computeStats(s).failed).toBe(0);
    const c = correlate(s.attempts.map((a) => ({ attempt: a, analysis: analyseAttempt(a) })));
    expect(c.failures).toBe(0);
    expect(c.counts.superseded).toBe(1);
    const answer = attemptAnswer({ attempt: first!, analysis: analyseAttempt(first!) });
    expect(answer.verdict).not.toBe('FAIL');
    expect(answer.cause).toMatch(/^Not a failure: replaced by the next join \(the page called join\(\) again 85 ms later/);
  });

  it('seen on the wire only (a bundled SDK): the abort, then the second request 1 ms later', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([req('w:1', T + 6), aborted('w:1', T + 87), req('w:2', T + 88), accepted('w:2', T + 231)]));
    expect(s.attempts.map((a) => a.outcome.kind)).toEqual(['superseded', 'success']);
  });

  it('a page that retries after a network error (its second join starts after the first request failed) keeps the failure', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([call('p:1', T), req('p:2', T + 6), aborted('p:2', T + 500), { t: 'settle', id: 'p:1', ok: false, res: connectionError, at: T + 502 }, call('p:3', T + 505), req('p:4', T + 510)]));
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 200 });
  });

  it('a second join with another token, or from another document, or seconds later, replaces nothing', () => {
    const other = jwt({ app_key: 'K', role_type: 1, tpc: 'Other', version: 1, iat: 1795912284, exp: 1795919484 });
    const s1 = emptyTabState(1);
    applyBatch(s1, batch([call('p:1', T), req('p:2', T + 6), call('p:3', T + 85, other), aborted('p:2', T + 87)]));
    expect(s1.attempts[0]!.outcome.kind).toBe('failure');
    const s2 = emptyTabState(1);
    applyBatch(s2, batch([call('p:1', T), req('p:2', T + 6)], { relayId: 'a' }));
    applyBatch(s2, batch([call('q:1', T + 85)], { relayId: 'b', top: false }));
    applyBatch(s2, batch([aborted('p:2', T + 87)], { relayId: 'a' }));
    expect(s2.attempts[0]!.outcome.kind).toBe('failure');
    const s3 = emptyTabState(1);
    applyBatch(s3, batch([call('p:1', T), req('p:2', T + 6), call('p:3', T + 4000), aborted('p:2', T + 4001)]));
    expect(s3.attempts[0]!.outcome.kind).toBe('failure');
  });
});
