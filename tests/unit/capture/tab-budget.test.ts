/**
 * A page can send as much as it likes into its own tab's capture. These are the rules that keep
 * that tab inside its storage budget without losing track of what it dropped: oldest first,
 * counted, and no map keeps entries for attempts or documents that are gone.
 */
import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../../lib/capture/merge';
import { fitTabState, pruneTabMaps, tabBytes } from '../../../lib/capture/tab-budget';
import { computeStats, emptyTabState, type TabState } from '../../../lib/capture/tab-state';
import { MAX_FRAMES_PER_TAB, MAX_WIRE_LINKS_PER_TAB } from '../../../lib/protocol/limits';
import type { HookEvent } from '../../../lib/protocol/messages';
import { GOOD, batch, clientError3712 } from './fixtures';

const WC_INFO = 'https://zoom.us/api/v1/wc/info';

/** `n` joins from `n` documents (one relay each), each with its wc/info request, a CSP violation and page facts. */
function floodedTab(n: number, sig = GOOD, relays = n): TabState {
  let s = emptyTabState(5);
  for (let i = 0; i < n; i++) {
    const relayId = `relay-${i % relays}`;
    const events: HookEvent[] = [
      { t: 'page', coi: false, o: i, at: i },
      { t: 'call', id: `${relayId}:${i}`, method: 'ZoomMtg.join', sig, at: 1000 * i },
      { t: 'wire-req', id: `w:${i}`, via: 'xhr', url: WC_INFO, sig, mn: '123456789', cv: '6.2.0', at: 1000 * i + 1 },
      { t: 'csp', d: 'script-src', u: 'https://source.zoom.us/x.js', at: 1000 * i + 2 },
      { t: 'settle', id: `${relayId}:${i}`, ok: false, res: clientError3712, at: 1000 * i + 3 },
    ];
    s = applyBatch(s, batch(events, { relayId, top: false })).state;
  }
  return s;
}

const issuance = (at: number) => ({ url: 'http://127.0.0.1/api/signature', method: 'POST', receivedAt: at, serverDate: null, token: GOOD });

describe('pruning: every map follows the attempts and documents it describes', () => {
  it('meta, wire links, document counters and page facts of evicted joins go with them', () => {
    const s = floodedTab(300);
    s.frames['relay-0']!.rejected = { forged: 4 };
    s.frames['relay-0']!.hookErrors = 2;
    s.attempts.splice(0, 250);
    pruneTabMaps(s);
    const live = new Set(s.attempts.map((a) => a.id));
    expect(Object.keys(s.meta).every((id) => live.has(id))).toBe(true);
    expect(Object.values(s.wireLinks).every((id) => live.has(id))).toBe(true);
    expect(Object.keys(s.wireLinks)).toHaveLength(50);
    expect(Object.keys(s.frames).length).toBeLessThanOrEqual(Math.max(50, MAX_FRAMES_PER_TAB));
    expect(Object.keys(s.page!.frames).every((id) => s.frames[id])).toBe(true);
    expect(Object.keys(s.page!.csp).every((id) => s.frames[id])).toBe(true);
    // What a pruned document had counted is still counted.
    expect(computeStats(s)).toMatchObject({ rejected: { forged: 4 }, hookErrors: 2 });
  });

  it('a page with more reporting iframes than MAX_FRAMES_PER_TAB keeps its top document (forgetting it would read as a navigation and clear the log)', () => {
    let s = applyBatch(emptyTabState(5), batch([], { relayId: 'top-doc', top: true, pageStart: true })).state;
    for (let i = 0; i < MAX_FRAMES_PER_TAB + 20; i++) s = applyBatch(s, batch([], { relayId: `iframe-${i}`, top: false, pageStart: true })).state;
    pruneTabMaps(s);
    expect(s.frames['top-doc']).toBeDefined();
    expect(Object.keys(s.frames)).toHaveLength(MAX_FRAMES_PER_TAB + 1);
    const after = applyBatch(s, batch([{ t: 'call', id: 'late:1', method: 'ZoomMtg.join', sig: GOOD, at: 1 }], { relayId: 'iframe-0', top: false }), { top: { relayId: 'top-doc', url: 'http://127.0.0.1/app' } });
    expect(after.navigated).toBeNull();
  });

  it('a wire-request loop on one join keeps at most MAX_WIRE_LINKS_PER_TAB links, the newest', () => {
    const s = floodedTab(1);
    const id = s.attempts[0]!.id;
    for (let i = 0; i < MAX_WIRE_LINKS_PER_TAB + 500; i++) s.wireLinks[`loop:${i}`] = id;
    pruneTabMaps(s);
    const keys = Object.keys(s.wireLinks);
    expect(keys).toHaveLength(MAX_WIRE_LINKS_PER_TAB);
    expect(keys.at(-1)).toBe(`loop:${MAX_WIRE_LINKS_PER_TAB + 499}`);
  });
});

describe('fitting a tab into its budget', () => {
  it('a tab under its budget loses nothing', () => {
    const s = floodedTab(20);
    const before = tabBytes(s);
    expect(fitTabState(s, before)).toBe(before);
    expect(s.attempts).toHaveLength(20);
    expect(s.dropped).toBe(0);
  });

  it('a flood of large joins: the oldest go first, each counted, and the tab ends inside its budget', () => {
    const s = floodedTab(200, GOOD + 'A'.repeat(15_000), 1);
    const budget = 1024 * 1024;
    expect(tabBytes(s)).toBeGreaterThan(budget * 2.5);
    const bytes = fitTabState(s, budget);
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(bytes).toBe(tabBytes(s));
    expect(s.dropped + s.attempts.length).toBe(200);
    expect(s.attempts[0]!.id).toBe(`relay-0:${s.dropped}`); // the newest kept, in order
    expect(s.attempts.at(-1)!.id).toBe('relay-0:199');
    expect(computeStats(s).dropped).toBe(s.dropped);
  });

  it('issuances and joins go by age, oldest first, whichever kind it is', () => {
    const s = floodedTab(10);
    s.issuances.push(issuance(-1), issuance(4500), issuance(20_000));
    fitTabState(s, tabBytes(s) - 1);
    expect(s.issuances.map((i) => i.receivedAt)).toEqual([4500, 20_000]);
    expect(s.droppedOther).toBe(1);
    expect(s.dropped).toBe(0);
    fitTabState(s, tabBytes(s) - 1);
    expect(s.attempts[0]!.calledAt).toBe(1000);
    expect(s.dropped).toBe(1);
  });

  it('with no joins or issuances left, Zoom clock samples and page facts go, counted as other records', () => {
    const s = floodedTab(3);
    s.attempts = [];
    s.clock.samples.push({ host: 'zoom.us', offsetMs: 0, uncertaintyMs: 500, at: 1, join: false, tokenKey: null } as never);
    const assets = s.page!.assets;
    for (let i = 0; i < 5; i++) assets.push({ url: 'https://source.zoom.us/' + 'a'.repeat(2000), kind: 'wasm', problem: 'http-error', status: 404, at: i, mimeType: null, failureText: null });
    const bytes = fitTabState(s, 4000);
    expect(bytes).toBeLessThanOrEqual(4000);
    expect(s.clock.samples).toHaveLength(0);
    expect(s.page!.assets).toHaveLength(0);
    expect(s.droppedOther).toBeGreaterThanOrEqual(6);
  });

  it('a budget nothing can meet stops instead of looping', () => {
    const s = floodedTab(2);
    const bytes = fitTabState(s, 1);
    expect(s.attempts).toHaveLength(0);
    expect(bytes).toBe(tabBytes(s));
  });
});
