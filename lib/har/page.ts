/**
 * A HAR's page facts for each join: the page document before it (COOP/COEP → isolation, CSP →
 * predicted blocks) and the SDK asset failures of that same document near it. A failure belongs to
 * the join's document: the same HAR page (`pageref`) when the recorder named pages, else made
 * between the document's start and the next navigation to the join page's origin. A recording
 * with Preserve log that goes on to another page whose wasm 404s leaves the earlier join alone.
 * Both lists are sorted once and searched by time, so the whole pass is O((joins + entries) log
 * entries) (the next-navigation lookup is bounded by DOCUMENT_LOOKBACK).
 */
import type { JoinAttempt } from '../model/attempt';
import type { AssetFailure, PageFacts } from '../model/page-facts';
import type { HarAssetFailure } from './collect';
import { MAX_PAGE_FACT_ITEMS, PAGE_FACT_WINDOW_MS } from '../model/page-facts';
import { cspBlocksForSdk } from '../zoom/sdk-assets';
import type { PageDocument } from './assets';

/** First index whose key is ≥ t. */
function lowerBound<T>(xs: readonly T[], key: (x: T) => number, t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function originOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** How many documents back to look for one of the join page's origin (frames and popups interleave). */
const DOCUMENT_LOOKBACK = 20;

export class HarPageIndex {
  private readonly docs: PageDocument[];
  private readonly failures: HarAssetFailure[];

  constructor(docs: readonly PageDocument[], failures: readonly HarAssetFailure[]) {
    this.docs = [...docs].sort((a, b) => a.startedAt - b.startedAt);
    this.failures = [...failures].sort((a, b) => a.at - b.at);
  }

  /**
   * The page document the join ran in: the latest before it of the referer's origin (else the
   * latest before it), in the join's HAR page when both name one.
   */
  documentFor(calledAt: number, pageUrl: string | null | undefined, pageref: string | null = null): PageDocument | null {
    const end = lowerBound(this.docs, (d) => d.startedAt, calledAt + 1);
    const origin = originOf(pageUrl);
    for (let i = end - 1; i >= 0 && i >= end - DOCUMENT_LOOKBACK; i--) {
      const d = this.docs[i]!;
      if (pageref !== null && d.pageref && d.pageref !== pageref) continue;
      if (origin === null || originOf(d.url) === origin) return d;
    }
    return null;
  }

  /** When the join's document was left: the next document of the same origin (a navigation or reload), else Infinity. */
  private documentEnd(doc: PageDocument): number {
    const origin = originOf(doc.url);
    const from = lowerBound(this.docs, (d) => d.startedAt, doc.startedAt + 1);
    for (let i = from; i < this.docs.length && i < from + DOCUMENT_LOOKBACK; i++) {
      const d = this.docs[i]!;
      if (originOf(d.url) === origin) return d.startedAt;
    }
    return Infinity;
  }

  factsFor(a: JoinAttempt, joinUrl: string, pageref: string | null = null): PageFacts | null {
    if (!Number.isFinite(a.calledAt)) return null;
    const doc = this.documentFor(a.calledAt, a.pageUrl, pageref);
    const facts: PageFacts = {};
    if (doc) {
      facts.crossOriginIsolated = doc.policy.isolated;
      facts.isolationSource = 'headers';
      facts.coop = doc.policy.coop;
      facts.coep = doc.policy.coep;
      const csp = cspBlocksForSdk(doc.policy.csp, a.calledAt, joinUrl);
      if (csp.length) facts.cspViolations = csp;
    }
    const from = Math.max(a.calledAt - PAGE_FACT_WINDOW_MS, doc ? doc.startedAt : -Infinity);
    // Without pages in the recording, the next navigation to the join page's origin ends its document.
    const end = doc && pageref === null ? this.documentEnd(doc) : Infinity;
    const out: AssetFailure[] = [];
    for (let i = lowerBound(this.failures, (f) => f.at, from); i < this.failures.length && out.length < MAX_PAGE_FACT_ITEMS; i++) {
      const f = this.failures[i]!;
      if (f.at > a.calledAt + PAGE_FACT_WINDOW_MS || f.at >= end) break;
      if (pageref !== null && f.pageref && f.pageref !== pageref) continue;
      const { pageref: _, ...failure } = f;
      out.push(failure);
    }
    if (out.length) facts.assetFailures = out;
    return Object.keys(facts).length ? facts : null;
  }
}
