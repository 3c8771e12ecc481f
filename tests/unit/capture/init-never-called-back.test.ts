/**
 * A page whose init never calls back never calls join: before, the hook reported an init only when
 * it failed, so such a page left no row at all. The init is now reported when called and held by
 * the background until it calls back.
 */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { computeStats, emptyTabState } from '../../../lib/capture/tab-state';
import { analyseAttempt } from '../../../lib/attempt-context';
import { attemptAnswer } from '../../../lib/correlate';
import { batch, GOOD } from './fixtures';

const T = 1_795_912_284_000;
const init = (id: string, at: number, method: 'ZoomMtg.init' | 'client.init' | 'video.init' = 'ZoomMtg.init') => ({ t: 'call' as const, id, method, sig: null, at });

describe('init calls', () => {
  it('an init that calls back success leaves no row; the join after it is the row', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, init('n:1', T), { t: 'settle', id: 'n:1', ok: true, res: null, at: T + 900 }, { t: 'call', id: 'n:2', method: 'ZoomMtg.join', sig: GOOD, mn: '123456789', at: T + 1000 }]));
    expect(s.attempts.map((a) => a.method)).toEqual(['ZoomMtg.join']);
    expect(s.pendingInits).toEqual([]);
  });

  it('an init that fails is a row with its error, as before', () => {
    const s = emptyTabState(1);
    const r = applyBatch(s, batch([init('n:1', T, 'client.init'), { t: 'settle', id: 'n:1', ok: false, res: { type: 'INVALID_PARAMETERS', reason: 'dependent assets are not accessible', errorCode: 5001 }, at: T + 30 }]));
    expect(r.changed.map((a) => a.id)).toEqual(['n:1']);
    expect(s.attempts[0]).toMatchObject({ method: 'client.init', api: 'component-view', signature: null, outcome: { kind: 'failure', code: 5001 } });
  });

  it('an init that never calls back: no row while it may still, then "never called back (N s)" with the cause and fix, counted as a failure', () => {
    const s = emptyTabState(1);
    expect(applyBatch(s, batch([init('n:1', T)])).changed).toEqual([]);
    expect(s.attempts).toEqual([]);
    const r = applyBatch(s, batch([{ t: 'timeout', id: 'n:1', afterMs: 45_000, at: T + 45_000 }]));
    const a = r.changed[0]!;
    expect(a).toMatchObject({ method: 'ZoomMtg.init', outcome: { kind: 'silent-refusal', reason: 'ZoomMtg.init never called back (45 s): the join never started.' }, settledAt: T + 45_000 });
    expect(computeStats(s).failed).toBe(1);
    const analysis = analyseAttempt(a);
    // No token was passed to anything: no token finding for a row that has none.
    expect(analysis.findings.map((f) => f.id)).not.toContain('token-malformed');
    const answer = attemptAnswer({ attempt: a, analysis });
    expect(answer.verdict).toBe('FAIL');
    expect(answer.cause).toBe('ZoomMtg.init never called back (45 s): the join never started.');
    expect(answer.fix).toMatch(/lib\/av scripts and wasm.*setZoomJSLib before preLoadWasm\(\) and prepareWebSDK\(\).*CSP/);
  });

  it('an init row gets no token finding at all: no token rule runs and no "signature is null" problem reaches the inspector', () => {
    const s = emptyTabState(1);
    for (const [id, method] of [['n:1', 'ZoomMtg.init'], ['c:1', 'client.init'], ['v:1', 'video.init']] as const) {
      applyBatch(s, batch([init(id, T, method), { t: 'timeout', id, afterMs: 45_000, at: T + 45_000 }]));
    }
    expect(s.attempts.map((a) => a.method)).toEqual(['ZoomMtg.init', 'client.init', 'video.init']);
    for (const a of s.attempts) {
      const analysis = analyseAttempt(a);
      expect(analysis.findings.filter((f) => f.origin === undefined || f.origin === 'token'), a.method).toEqual([]);
      expect(analysis.token.problems, a.method).toEqual([]);
      expect(analysis.token.token, a.method).toBeNull();
    }
  });

  it('a Video SDK init keeps no topic (its first argument is the language)', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ ...init('v:1', T, 'video.init'), tp: 'en-US' }, { t: 'timeout', id: 'v:1', afterMs: 45_000, at: T + 45_000 }]));
    expect(s.attempts[0]).toMatchObject({ sdk: 'video', api: 'video-sdk', method: 'video.init' });
    expect(s.attempts[0]!.topic).toBeUndefined();
  });

  it('a page calling init in a loop holds at most 20', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch(Array.from({ length: 50 }, (_, i) => init(`n:${i}`, T + i))));
    expect(s.pendingInits).toHaveLength(20);
    expect(s.pendingInits![0]!.attempt.id).toBe('n:30');
  });
});
