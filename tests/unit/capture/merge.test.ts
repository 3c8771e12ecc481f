import { describe, expect, it } from 'vitest';
import { addClockSample, addIssuance, applyBatch } from '../../../lib/capture/merge';
import { clockSample } from '../../../lib/zoom/zoom-clock';
import { computeStats, emptyTabState } from '../../../lib/capture/tab-state';
import { GOOD, NO_APPKEY, batch, clientError3712, invalidSignatureBody } from './fixtures';

describe('merging what the hook saw into join attempts', () => {
  it('a ZoomMtg.join rejected with 3712 is one attempt, not an API record plus a wire record', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'a:1', method: 'ZoomMtg.join', sig: GOOD, mn: '123456789', at: 1000 },
      { t: 'wire-req', id: 'a:2', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '123456789', cv: '6.2.0', at: 1500 },
      { t: 'wire-res', id: 'a:2', http: 200, body: invalidSignatureBody, at: 1540 },
      { t: 'settle', id: 'a:1', ok: false, res: clientError3712, at: 1600 },
    ]));
    expect(s.attempts).toHaveLength(1);
    const a = s.attempts[0]!;
    expect(a).toMatchObject({ api: 'client-view', method: 'ZoomMtg.join', sdkVersion: '6.2.0', calledAt: 1000, settledAt: 1600 });
    expect(a.outcome).toMatchObject({ kind: 'failure', code: 3712, message: 'Signature is invalid.', serverMessage: 'Invalid signature.', serverCode: 200 });
  });

  it('an npm-module page (no global reached) still yields a 3712 attempt from the wire alone', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'wire-req', id: 'b:1', via: 'xhr', url: 'https://zoom.us/api/v1/wc/info', sig: GOOD, mn: '1', cv: '6.2.0', at: 10 },
      { t: 'wire-res', id: 'b:1', http: 200, body: invalidSignatureBody, at: 50 },
    ]));
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]).toMatchObject({ api: 'wire', method: 'wc/info', outcome: { kind: 'failure', code: 3712, serverCode: 200 } });
  });

  it('a 5xx answer retried by the SDK as JSONP stays one attempt', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'wire-req', id: 'c:1', via: 'xhr', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 10 },
      { t: 'wire-res', id: 'c:1', http: 500, body: null, at: 20 },
      { t: 'wire-req', id: 'c:2', via: 'jsonp', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 30 },
      { t: 'wire-res', id: 'c:2', http: null, body: invalidSignatureBody, at: 40 },
    ]));
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.method).toBe('wc/info (JSONP)');
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712 });
  });

  it('the JSONP retry starting before our listener hears the 5xx is still the same attempt', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'n:1', method: 'ZoomMtg.join', sig: GOOD, at: 0 },
      { t: 'wire-req', id: 'n:2', via: 'xhr', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 10 },
      { t: 'wire-req', id: 'n:3', via: 'jsonp', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 20 },
      { t: 'wire-res', id: 'n:2', http: 500, body: null, at: 21 },
      { t: 'wire-res', id: 'n:3', http: null, body: invalidSignatureBody, at: 30 },
      { t: 'settle', id: 'n:1', ok: false, res: clientError3712, at: 31 },
    ]));
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.outcome).toMatchObject({ kind: 'failure', code: 3712, serverCode: 200, serverMessage: 'Invalid signature.' });
  });

  it('a token without appKey that never gets a callback or request is a silent refusal, not nothing', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'call', id: 'd:1', method: 'ZoomMtg.join', sig: NO_APPKEY, at: 0 }]));
    applyBatch(s, batch([{ t: 'timeout', id: 'd:1', afterMs: 45000, at: 45000 }]));
    expect(s.attempts[0]!.outcome.kind).toBe('silent-refusal');
    expect((s.attempts[0]!.outcome as { reason: string }).reason).toMatch(/appKey/);
    expect(computeStats(s).failed).toBe(1);
  });

  it('a join whose wc/info request got no answer in time is a timeout', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'e:1', method: 'ZoomMtg.join', sig: GOOD, at: 0 },
      { t: 'wire-req', id: 'e:2', via: 'xhr', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 5 },
      { t: 'timeout', id: 'e:1', afterMs: 45000, at: 45000 },
    ]));
    expect(s.attempts[0]!.outcome).toEqual({ kind: 'timeout', afterMs: 45000 });
  });

  it('a component-view rejection with a plain Error keeps its message', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'f:1', method: 'client.join', sig: NO_APPKEY, at: 0 },
      { t: 'settle', id: 'f:1', ok: false, res: { name: 'Error', message: 'appKey can not empty in the signature' }, at: 3 },
    ]));
    expect(s.attempts[0]).toMatchObject({ api: 'component-view', outcome: { kind: 'failure', code: null, message: 'appKey can not empty in the signature' } });
  });

  it('a signature passed as a function is recorded as what it returned', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'g:1', method: 'ZoomMtg.join', sig: '[function]', at: 0 },
      { t: 'sig', id: 'g:1', sig: GOOD, at: 1 },
      { t: 'wire-req', id: 'g:2', via: 'xhr', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 5 },
    ]));
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.signature).toBe(GOOD);
  });

  it('two joins with the same token a minute apart are two attempts', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([
      { t: 'call', id: 'h:1', method: 'ZoomMtg.join', sig: GOOD, at: 0 },
      { t: 'settle', id: 'h:1', ok: false, res: clientError3712, at: 100 },
      { t: 'call', id: 'h:2', method: 'ZoomMtg.join', sig: GOOD, at: 60_000 },
      { t: 'wire-req', id: 'h:3', via: 'xhr', url: 'u', sig: GOOD, mn: '1', cv: '6.2.0', at: 60_100 },
    ]));
    expect(s.attempts.map((a) => a.id)).toEqual(['h:1', 'h:2']);
    expect(s.wireLinks['h:3']).toBe('h:2');
  });

  it('a retried batch (worker died after storing, before answering) is not applied twice', () => {
    const s = emptyTabState(1);
    const b = batch([{ t: 'call', id: 'i:1', method: 'ZoomMtg.join', sig: GOOD, at: 0 }]);
    applyBatch(s, b);
    const again = applyBatch(s, b);
    expect(again.duplicate).toBe(true);
    expect(s.attempts).toHaveLength(1);
  });

  it('a burst beyond the per-tab cap drops the oldest and says how many', () => {
    const s = emptyTabState(1);
    const events = Array.from({ length: 30 }, (_, i) => ({ t: 'call' as const, id: `j:${i}`, method: 'ZoomMtg.join' as const, sig: GOOD, at: i }));
    applyBatch(s, batch(events), { maxAttempts: 20 });
    expect(s.attempts).toHaveLength(20);
    expect(s.dropped).toBe(10);
    expect(s.attempts[0]!.id).toBe('j:10');
    expect(computeStats(s)).toMatchObject({ attempts: 20, dropped: 10 });
  });

  it('a reload clears the log unless preserve log is on', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'call', id: 'k:1', method: 'ZoomMtg.join', sig: GOOD, at: 0 }], { relayId: 'doc1', pageStart: true }));
    const r = applyBatch(s, batch([], { relayId: 'doc2', pageStart: true, url: 'http://127.0.0.1/next' }));
    expect(r.navigated).toEqual({ url: 'http://127.0.0.1/next', cleared: true });
    expect(r.state.attempts).toHaveLength(0);

    const p = emptyTabState(2, true);
    applyBatch(p, batch([{ t: 'call', id: 'k:2', method: 'ZoomMtg.join', sig: GOOD, at: 0 }], { relayId: 'doc3', pageStart: true }));
    const r2 = applyBatch(p, batch([], { relayId: 'doc4', pageStart: true }));
    expect(r2.navigated?.cleared).toBe(false);
    expect(r2.state.attempts).toHaveLength(1);
  });

  it('relay rejections and hook errors of every frame are summed, not overwritten', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([], { relayId: 'top', rejected: { forged: 3, 'too-large': 1 }, hookErrors: 2 }));
    applyBatch(s, batch([], { relayId: 'iframe', top: false, rejected: { forged: 1 }, hookErrors: 1 }));
    applyBatch(s, batch([], { relayId: 'top', rejected: { forged: 4, 'too-large': 1 }, hookErrors: 2 }));
    expect(computeStats(s)).toMatchObject({ rejected: { forged: 5, 'too-large': 1 }, rejectedTotal: 6, hookErrors: 3 });
  });

  it('a token issued by the page backend is linked to the join that used it, before or after', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'call', id: 'l:1', method: 'ZoomMtg.join', sig: ` ${GOOD}\n`, at: 10 }]));
    const linked = addIssuance(s, { url: 'http://127.0.0.1/api/signature', method: 'POST', receivedAt: 5, serverDate: 4000, token: GOOD });
    expect(linked.map((a) => a.id)).toEqual(['l:1']);
    applyBatch(s, batch([{ t: 'call', id: 'l:2', method: 'ZoomMtg.join', sig: GOOD, at: 20 }]));
    expect(s.attempts[1]!.issuer).toEqual({ url: 'http://127.0.0.1/api/signature', method: 'POST', receivedAt: 5, serverDate: 4000 });
  });

  it("Zoom's clock offset reaches attempts made before and after it was measured", () => {
    const s = emptyTabState(1);
    const t0 = Date.parse('2026-11-30T10:00:00Z');
    applyBatch(s, batch([{ t: 'call', id: 'm:1', method: 'ZoomMtg.join', sig: GOOD, at: t0 }]));
    const fresh = { host: 'zoom.us', method: 'GET', status: 200, startedAt: t0 + 1000, waitStartMs: 0, waitMs: 0, totalMs: 0, date: new Date(t0 + 1000 - 42_500).toUTCString(), age: null, fromCache: false };
    expect(addClockSample(s, clockSample(fresh)).map((a) => a.id)).toEqual(['m:1']);
    applyBatch(s, batch([{ t: 'call', id: 'm:2', method: 'ZoomMtg.join', sig: GOOD, at: t0 + 2000 }]));
    // Date (truncated to T0 − 42 s) + 500 ms − the request's middle (T0 + 1 s).
    expect(s.attempts.map((a) => a.clockOffsetMs)).toEqual([-42_500, -42_500]);
    expect(s.attempts[1]!.clockOffsetSource).toMatch(/fresh answer from zoom\.us/);
  });

  it('a CDN answer an hour old (Age: 3600) times no join, and is counted as left out', () => {
    const s = emptyTabState(1);
    const t0 = Date.parse('2026-11-30T10:00:00Z');
    applyBatch(s, batch([{ t: 'call', id: 'n:1', method: 'ZoomMtg.join', sig: GOOD, at: t0 }]));
    const cdn = { host: 'source.zoom.us', method: 'GET', status: 200, startedAt: t0 - 500, waitStartMs: 0, waitMs: 0, totalMs: 20, date: new Date(t0 - 3_600_000).toUTCString(), age: '3600', fromCache: false };
    expect(addClockSample(s, clockSample(cdn))).toEqual([]);
    expect(s.attempts[0]!.clockOffsetMs).toBeNull();
    expect(s.clock.rejected).toEqual({ 'cdn-age': 1 });
  });
});
