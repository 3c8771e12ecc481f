/**
 * A HAR's page facts for each join: the page document before it (COOP/COEP → isolation, CSP →
 * predicted blocks) and the SDK asset failures near it. Both lists are sorted once and searched by
 * time, so the whole pass is O((joins + entries) log entries).
 */
import type { JoinAttempt } from '../model/attempt';
import type { AssetFailure, PageFacts } from '../model/page-facts';
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
  private readonly failures: AssetFailure[];

  constructor(docs: readonly PageDocument[], failures: readonly AssetFailure[]) {
    this.docs = [...docs].sort((a, b) => a.startedAt - b.startedAt);
    this.failures = [...failures].sort((a, b) => a.at - b.at);
  }

  /** The page document the join ran in: the latest before it of the referer's origin (else the latest before it). */
  documentFor(calledAt: number, pageUrl: string | null | undefined): PageDocument | null {
    const end = lowerBound(this.docs, (d) => d.startedAt, calledAt + 1);
    const origin = originOf(pageUrl);
    for (let i = end - 1; i >= 0 && i >= end - DOCUMENT_LOOKBACK; i--) {
      const d = this.docs[i]!;
      if (origin === null || originOf(d.url) === origin) return d;
    }
    return null;
  }

  factsFor(a: JoinAttempt, joinUrl: string): PageFacts | null {
    if (!Number.isFinite(a.calledAt)) return null;
    const doc = this.documentFor(a.calledAt, a.pageUrl);
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
    const out: AssetFailure[] = [];
    for (let i = lowerBound(this.failures, (f) => f.at, from); i < this.failures.length && out.length < MAX_PAGE_FACT_ITEMS; i++) {
      const f = this.failures[i]!;
      if (f.at > a.calledAt + PAGE_FACT_WINDOW_MS) break;
      out.push(f);
    }
    if (out.length) facts.assetFailures = out;
    return Object.keys(facts).length ? facts : null;
  }
}
