/**
 * Links what was seen about the page and the SDK's assets to the joins it concerns: the same tab,
 * the same document (relay) for the hook's facts, and within PAGE_FACT_WINDOW_MS either side of the
 * join. Live capture (background) and HAR import both go through here. Every list is bounded
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
  /** Per document (relayId): window.crossOriginIsolated and the document's start (performance.timeOrigin). */
  frames: Record<string, { coi: boolean | null; origin: number }>;
  /** Per document (relayId): CSP violations the SDK caused, first seen first. */
  csp: Record<string, CspViolation[]>;
  /** The tab's SDK asset failures, newest last; kept across navigations, filtered by each document's start. */
  assets: AssetFailure[];
}

export function emptyTabPageState(): TabPageState {
  return { frames: {}, csp: {}, assets: [] };
}

const near = (at: number, joinAt: number) => Math.abs(at - joinAt) <= PAGE_FACT_WINDOW_MS;

/** Items within the window of the join (and, when known, not older than the document), at most the cap. */
export function nearJoin<T extends { at: number }>(items: readonly T[], joinAt: number, notBefore = -Infinity): T[] {
  const out: T[] = [];
  for (const x of items) {
    if (x.at < notBefore || !near(x.at, joinAt)) continue;
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
  const assets = nearJoin(p.assets, a.calledAt, frame ? frame.origin - 1000 : -Infinity);
  if (assets.length) facts.assetFailures = assets;
  return Object.keys(facts).length ? facts : null;
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

export function notePageDocument(p: TabPageState, relayId: string, coi: boolean | null, origin: number): void {
  p.frames[relayId] = { coi, origin };
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
