/**
 * Links what was seen about the page and the SDK's assets to the joins it concerns: the same tab,
 * the same document (relay) for the hook's facts, and within PAGE_FACT_WINDOW_MS either side of the
 * join. Asset failures (which the devtools page reports per tab, without their frame) belong to the
 * join's document: from its start until the next document of the same frame, or the next top
 * document, started (with Preserve log, a later page's wasm 404 is that page's, not an earlier
 * join's). Every list is bounded
 * (MAX_PAGE_FACT_ITEMS per join, TAB_ASSET_CAP per tab), and the walks over attempts stop at the
 * first one too old to matter, so each new fact costs a bounded amount of work.
 */
import type { JoinAttempt } from '../model/attempt';
import type { AssetFailure, CspViolation, PageFacts } from '../model/page-facts';
import { MAX_PAGE_FACT_ITEMS, PAGE_FACT_WINDOW_MS } from '../model/page-facts';

/** Asset failures kept per tab while they wait for a join (the devtools page reports them as they happen). */
export const TAB_ASSET_CAP = 100;

/** What the background keeps per tab about its documents and assets (serialisable). */
export interface TabPageState {
  /** Per document (relayId): window.crossOriginIsolated, the document's start (performance.timeOrigin) and its frame. */
  frames: Record<string, PageDocumentState>;
  /** Per document (relayId): CSP violations the SDK caused, first seen first. */
  csp: Record<string, CspViolation[]>;
  /** The tab's SDK asset failures, newest last; kept across navigations, filtered by each document's start. */
  assets: AssetFailure[];
}

/** One document as its hook's `page` event described it. */
export interface PageDocumentState {
  coi: boolean | null;
  origin: number;
  /**
   * Which frame of the tab the document lives in: TOP_FRAME for the top document, else the
   * browser's frameId (a relay batch's sender), else the document's own relayId (a frame whose id
   * was not given is its own). Absent in state stored before documents were tied to frames.
   */
  frame?: number | string;
}

/**
 * A document's requests start after its navigation did (performance.timeOrigin); the slack only
 * absorbs rounding between that and a request's start time. It was 1 s: a 404 of the page before,
 * made within a second of the next page load, then counted as the next page's (measured in
 * tests/e2e/page-and-assets.e2e.test.ts once the test stopped waiting 3 s between pages).
 */
export const DOCUMENT_START_SLACK_MS = 20;

/** The top frame's key (the browser's frameId of a tab's top document). */
export const TOP_FRAME = 0;

export function emptyTabPageState(): TabPageState {
  return { frames: {}, csp: {}, assets: [] };
}

const near = (at: number, joinAt: number) => Math.abs(at - joinAt) <= PAGE_FACT_WINDOW_MS;

/**
 * Items within the window of the join and, when known, of its document (not older than its start,
 * not after the next document of its frame started), at most the cap.
 */
export function nearJoin<T extends { at: number }>(items: readonly T[], joinAt: number, notBefore = -Infinity, before = Infinity): T[] {
  const out: T[] = [];
  for (const x of items) {
    if (x.at < notBefore || x.at >= before || !near(x.at, joinAt)) continue;
    out.push(x);
    if (out.length >= MAX_PAGE_FACT_ITEMS) break;
  }
  return out;
}

/** The attempt's page facts as the tab knows them now; null when nothing is known. */
export function pageFactsFor(p: TabPageState | undefined, relayId: string | undefined, a: JoinAttempt): PageFacts | null {
  if (!p || !relayId) return null;
  const frame = p.frames[relayId];
  const facts: PageFacts = {};
  if (frame && frame.coi !== null) {
    facts.crossOriginIsolated = frame.coi;
    facts.isolationSource = 'page';
  }
  const csp = nearJoin(p.csp[relayId] ?? [], a.calledAt);
  if (csp.length) facts.cspViolations = csp;
  // Without the document's start, only the window bounds which failures belong to this page.
  const assets = nearJoin(p.assets, a.calledAt, frame ? frame.origin - DOCUMENT_START_SLACK_MS : -Infinity, frame ? documentEnd(p, frame) : Infinity);
  if (assets.length) facts.assetFailures = assets;
  return Object.keys(facts).length ? facts : null;
}

/**
 * When the document stopped being the one its frame showed: the start of the next document in the
 * same frame, or of the next top document (a top navigation replaces every frame). Infinity while
 * it is the newest. At most MAX_FRAMES_PER_TAB documents are kept, so this is bounded.
 */
export function documentEnd(p: TabPageState, doc: PageDocumentState): number {
  if (doc.frame === undefined) return Infinity;
  let end = Infinity;
  for (const d of Object.values(p.frames)) {
    if (d === doc || d.origin <= doc.origin || d.origin >= end) continue;
    if (d.frame === doc.frame || d.frame === TOP_FRAME) end = d.origin;
  }
  return end;
}

/** Sets the attempt's page facts; true when they changed. */
export function refreshPageFacts(p: TabPageState | undefined, relayId: string | undefined, a: JoinAttempt): boolean {
  const next = pageFactsFor(p, relayId, a);
  const before = JSON.stringify(a.page ?? null);
  if (JSON.stringify(next) === before) return false;
  if (next) a.page = next;
  else delete a.page;
  return true;
}

/**
 * Re-links the attempts a fact at `at` may concern (newest first; attempts are in call order, so
 * the walk stops at the first one called before the window). Returns the ones that changed.
 */
export function relinkNear(p: TabPageState, attempts: readonly JoinAttempt[], relayOf: (a: JoinAttempt) => string | undefined, at: number, onlyRelay?: string): JoinAttempt[] {
  const changed: JoinAttempt[] = [];
  for (let i = attempts.length - 1; i >= 0; i--) {
    const a = attempts[i]!;
    if (a.calledAt < at - PAGE_FACT_WINDOW_MS) break;
    const r = relayOf(a);
    if (onlyRelay !== undefined && r !== onlyRelay) continue;
    if (near(at, a.calledAt) && refreshPageFacts(p, r, a)) changed.push(a);
  }
  return changed;
}

export function notePageDocument(p: TabPageState, relayId: string, coi: boolean | null, origin: number, frame?: number | string): void {
  p.frames[relayId] = frame === undefined ? { coi, origin } : { coi, origin, frame };
}

export function noteCspViolation(p: TabPageState, relayId: string, v: CspViolation): boolean {
  const list = (p.csp[relayId] ??= []);
  if (list.length >= MAX_PAGE_FACT_ITEMS) return false;
  list.push(v);
  return true;
}

export function noteAssetFailure(p: TabPageState, f: AssetFailure): void {
  p.assets.push(f);
  if (p.assets.length > TAB_ASSET_CAP) p.assets.shift();
}
