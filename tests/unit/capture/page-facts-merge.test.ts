/**
 * The live path: the hook's `page` and `csp` events and the devtools page's asset failures reach
 * the join they concern (same tab, same document for hook facts, within the window), and the
 * join's analysis then names the cause.
 */
import { describe, expect, it } from 'vitest';
import { addAssetFailure, applyBatch } from '../../../lib/capture/merge';
import { emptyTabState, clearTabState } from '../../../lib/capture/tab-state';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { AssetFailure } from '../../../lib/model/page-facts';
import { PAGE_FACT_WINDOW_MS } from '../../../lib/model/page-facts';
import { checkDevtoolsMessage, checkHookEvent } from '../../../lib/protocol/validate';
import { PROTOCOL_VERSION, SOURCE } from '../../../lib/protocol/version';
import { batch, GOOD } from './fixtures';

const T = 1_795_912_284_000;
const call = (id: string, at: number) => ({ t: 'call' as const, id, method: 'ZoomMtg.join' as const, sig: GOOD, mn: '123456789', at });
const wasm404 = (at: number, url = 'http://127.0.0.1/lib/av/video.mt.wasm'): AssetFailure => ({ url, kind: 'wasm', problem: 'http-error', status: 404, mimeType: 'text/html', failureText: null, at });
const ids = (a: Parameters<typeof analyseAttempt>[0]) => analyseAttempt(a).findings.filter((f) => f.origin === 'page' || f.origin === 'assets').map((f) => f.id);

describe('page facts on the live path', () => {
  it('gallery view missing because the page is not cross-origin isolated: the hook says so with the first join', () => {
    const s = emptyTabState(1);
    const r = applyBatch(s, batch([{ t: 'page', coi: false, o: T - 5000, at: T }, call('n:1', T)]));
    const a = r.changed[0]!;
    expect(a.page).toEqual({ crossOriginIsolated: false, isolationSource: 'page' });
    expect(ids(a)).toEqual(['page-not-isolated']);
  });

  it('an isolated page gives no finding', () => {
    const s = emptyTabState(1);
    const a = applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)])).changed[0]!;
    expect(ids(a)).toEqual([]);
  });

  it('a wasm 404 seen by the devtools page before the join (preLoadWasm) reaches the join, after the reload cleared the log', () => {
    let s = emptyTabState(1);
    expect(addAssetFailure(s, wasm404(T - 3000))).toEqual([]);
    s = clearTabState(s);
    const a = applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)])).changed[0]!;
    expect(a.page?.assetFailures?.map((f) => f.url)).toEqual(['http://127.0.0.1/lib/av/video.mt.wasm']);
    expect(ids(a)).toEqual(['asset-http-error']);
  });

  it("a failure from the previous document (before this one's start) is not this join's", () => {
    const s = emptyTabState(1);
    addAssetFailure(s, wasm404(T - 10_000));
    const a = applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)])).changed[0]!;
    expect(a.page?.assetFailures).toBeUndefined();
  });

  it("the previous page's 404, made half a second before this document started (the next page opened at once), is not this join's", () => {
    let s = emptyTabState(1);
    addAssetFailure(s, wasm404(T - 5500));
    s = clearTabState(s);
    const a = applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)])).changed[0]!;
    expect(a.page?.assetFailures).toBeUndefined();
  });

  it('a failure after the join updates it; one outside the window does not', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)]));
    expect(addAssetFailure(s, wasm404(T + 2000)).map((a) => a.id)).toEqual(['n:1']);
    expect(addAssetFailure(s, wasm404(T + PAGE_FACT_WINDOW_MS + 1, 'http://127.0.0.1/lib/av/net.wasm'))).toEqual([]);
  });

  describe('Preserve log: asset failures belong to the document they came from', () => {
    const settle = (id: string, at: number) => ({ t: 'settle' as const, id, ok: true, res: null, at });
    const preserved = () => ({ ...emptyTabState(1), preserveLog: true });

    it('a successful join, then the same tab opens a page whose wasm 404s (the failure reported after the new page): the first join keeps no asset failure', () => {
      const s = preserved();
      applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T), settle('n:1', T + 2000)], { relayId: 'doc1', pageStart: true }));
      applyBatch(s, batch([{ t: 'page', coi: true, o: T + 10_000, at: T + 10_500 }], { relayId: 'doc2', pageStart: true, url: 'http://127.0.0.1/broken' }));
      expect(addAssetFailure(s, wasm404(T + 11_000))).toEqual([]);
      expect(s.attempts[0]!.page?.assetFailures).toBeUndefined();
      expect(ids(s.attempts[0]!)).toEqual([]);
    });

    it("the same, with the devtools page reporting the 404 before the new page's first batch: the new page takes it back from the first join", () => {
      const s = preserved();
      applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T), settle('n:1', T + 2000)], { relayId: 'doc1', pageStart: true }));
      expect(addAssetFailure(s, wasm404(T + 11_000)).map((a) => a.id)).toEqual(['n:1']);
      const r = applyBatch(s, batch([{ t: 'page', coi: true, o: T + 10_000, at: T + 11_500 }], { relayId: 'doc2', pageStart: true, url: 'http://127.0.0.1/broken' }));
      expect(r.changed.map((a) => a.id)).toEqual(['n:1']);
      expect(s.attempts[0]!.page?.assetFailures).toBeUndefined();
    });

    it("the later page's own join gets its 404", () => {
      const s = preserved();
      applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)], { relayId: 'doc1', pageStart: true }));
      applyBatch(s, batch([{ t: 'page', coi: true, o: T + 10_000, at: T + 10_500 }], { relayId: 'doc2', pageStart: true, url: 'http://127.0.0.1/broken' }));
      addAssetFailure(s, wasm404(T + 11_000));
      const a = applyBatch(s, batch([call('m:1', T + 12_000)], { relayId: 'doc2', url: 'http://127.0.0.1/broken' })).changed[0]!;
      expect(ids(a)).toEqual(['asset-http-error']);
      expect(ids(s.attempts[0]!)).toEqual([]);
    });

    it("the panel's Clear, a join on the same page, then a page whose wasm 404s: the join keeps no asset failure (Clear empties the log, not the documents)", () => {
      const s = preserved();
      applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T), settle('n:1', T + 2000)], { relayId: 'doc1', pageStart: true }));
      const cleared = clearTabState(s);
      // The lab's order: Clear, then the next join's batch (the tab's budget prunes what no relay owns).
      applyBatch(cleared, batch([call('n:2', T + 4000), settle('n:2', T + 5000)], { relayId: 'doc1' }));
      applyBatch(cleared, batch([{ t: 'page', coi: true, o: T + 10_000, at: T + 10_500 }], { relayId: 'doc2', pageStart: true, url: 'http://127.0.0.1/broken' }));
      addAssetFailure(cleared, wasm404(T + 11_000));
      expect(cleared.attempts.map((a) => a.id)).toEqual(['n:2']);
      expect(ids(cleared.attempts[0]!)).toEqual([]);
    });

    it('an iframe document that starts later does not end the top document; a new document in the same frame ends the earlier one there', () => {
      const s = preserved();
      applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)], { relayId: 'top1', pageStart: true }));
      applyBatch(s, batch([{ t: 'page', coi: true, o: T + 1000, at: T + 1000 }, call('f:1', T + 1500)], { relayId: 'frameA1', top: false, url: 'http://127.0.0.1/frame' }), { frameId: 7 });
      applyBatch(s, batch([{ t: 'page', coi: true, o: T + 5000, at: T + 5000 }], { relayId: 'frameA2', top: false, url: 'http://127.0.0.1/frame2' }), { frameId: 7 });
      addAssetFailure(s, wasm404(T + 6000));
      const byId = (id: string) => s.attempts.find((a) => a.id === id)!;
      expect(ids(byId('n:1'))).toEqual(['asset-http-error']);
      expect(byId('f:1').page?.assetFailures).toBeUndefined();
    });
  });

  it("CSP blocks wasm: the hook's violation links to the joins of the same document only", () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([{ t: 'page', coi: true, o: T - 5000, at: T }, call('n:1', T)]));
    applyBatch(s, batch([call('f:1', T + 100)], { relayId: 'frame2', top: false, url: 'http://127.0.0.1/frame' }));
    const r = applyBatch(s, batch([{ t: 'csp', d: 'script-src', u: 'wasm-eval', at: T + 500 }]));
    expect(r.changed.map((a) => a.id)).toEqual(['n:1']);
    expect(ids(r.changed[0]!)).toEqual(['csp-wasm-blocked']);
  });

  it('violations per document are capped', () => {
    const s = emptyTabState(1);
    applyBatch(s, batch([call('n:1', T)]));
    applyBatch(s, batch(Array.from({ length: 30 }, (_, i) => ({ t: 'csp' as const, d: 'connect-src', u: `https://zoom.us/${i}`, at: T + i }))));
    expect(s.attempts[0]!.page?.cspViolations).toHaveLength(20);
  });
});

describe('validation of the new messages', () => {
  it('page and csp hook events', () => {
    expect(checkHookEvent({ t: 'page', coi: false, o: 1, at: 2 }).ok).toBe(true);
    expect(checkHookEvent({ t: 'page', coi: 'no', o: 1, at: 2 }).ok).toBe(false);
    expect(checkHookEvent({ t: 'csp', d: 'script-src', u: 'wasm-eval', at: 2 }).ok).toBe(true);
    expect(checkHookEvent({ t: 'csp', d: 'x'.repeat(65), u: 'wasm-eval', at: 2 }).ok).toBe(false);
  });
  it('devtools asset message', () => {
    const m = { source: SOURCE.devtools, v: PROTOCOL_VERSION, type: 'asset', tabId: 1, failure: wasm404(T) };
    expect(checkDevtoolsMessage(m).ok).toBe(true);
    expect(checkDevtoolsMessage({ ...m, failure: { ...wasm404(T), problem: 'other' } }).ok).toBe(false);
  });
});
