/**
 * Links joins to the issuance that produced their token across the tabs of one browser session.
 *
 * Zoom's web sample fetches the signature on its index tab, then `window.open`s
 * `meeting.html?…&signature=…` where the join runs: the endpoint's answer is seen by the devtools
 * page of one tab, the join by the hook in another. They meet here, by token fingerprint
 * (`tokenKey`), never by tab. The index holds fingerprints and issuer URLs only, no token: the
 * tokens themselves stay where they already were (each tab's state, session storage only).
 *
 * Pure data, serialisable into storage.session, so a stopped worker loses nothing.
 */
import type { Issuance, JoinAttempt } from '../model/attempt';
import type { CaptureStats, IssuanceRecord, TabSnapshot } from '../protocol/messages';
import { totalRejected } from '../protocol/validate';
import { computeStats, toSnapshot, type TabState } from './tab-state';
import { tokenKey } from '../zoom/zoom-clock';
import { getDomain } from './psl';

/**
 * Tokens remembered per session; the oldest tenth is forgotten at once when full (links already
 * made stay). The whole index is rewritten whenever it changes, so it is kept small (~100 KB).
 */
export const MAX_SESSION_TOKENS = 1000;
/** Tabs remembered per token: a token used in more tabs than this is a loop, not a user. */
export const MAX_TABS_PER_TOKEN = 32;

export interface TokenLink {
  /** The endpoint answer that returned the token, and the tab it arrived in; null until seen. */
  issuer: (Issuance & { tabId: number }) | null;
  /** Tabs whose joins carried the token, in first-use order. */
  joinTabs: number[];
}

export interface SessionLinks {
  v: 1;
  /** Bumped on every change, so the store writes the index only when it changed. */
  rev: number;
  tokens: Record<string, TokenLink>;
  /** The keys of `tokens`, oldest first. */
  order: string[];
}

export type PanelScope = 'tab' | 'site';

export function emptyLinks(): SessionLinks {
  return { v: 1, rev: 0, tokens: {}, order: [] };
}

/** State read back from storage: anything not of this shape starts empty rather than crashing the worker. */
export function checkLinks(raw: unknown): SessionLinks {
  const l = raw as Partial<SessionLinks> | null;
  const ok = l && typeof l === 'object' && l.v === 1 && typeof l.rev === 'number' && l.tokens && typeof l.tokens === 'object' && Array.isArray(l.order);
  return ok ? (l as SessionLinks) : emptyLinks();
}

function entry(links: SessionLinks, key: string): TokenLink {
  let e = links.tokens[key];
  if (!e) {
    e = links.tokens[key] = { issuer: null, joinTabs: [] };
    links.order.push(key);
    links.rev++;
    // A tenth at a time, so eviction costs O(1) per token on average.
    if (links.order.length > MAX_SESSION_TOKENS) for (const k of links.order.splice(0, MAX_SESSION_TOKENS / 10)) delete links.tokens[k];
  }
  return e;
}

function issuerOf(link: TokenLink): Issuance | null {
  if (!link.issuer) return null;
  const { url, method, receivedAt, serverDate } = link.issuer;
  return { url, method, receivedAt, serverDate: serverDate ?? null };
}

/**
 * Records an endpoint answer seen in `tabId`. Returns the other tabs whose joins already carried
 * the token (a join that ran before the devtools page delivered the answer), to link them now.
 */
export function noteIssuance(links: SessionLinks, tabId: number, iss: IssuanceRecord): number[] {
  const key = tokenKey(iss.token);
  if (key === null) return [];
  const e = entry(links, key);
  // The newest answer wins, as within a tab: the same token fetched twice came from the later call.
  e.issuer = { url: iss.url, method: iss.method, receivedAt: iss.receivedAt, serverDate: iss.serverDate ?? null, tabId };
  links.rev++;
  return e.joinTabs.filter((t) => t !== tabId);
}

/**
 * A closed tab: its joins leave every token's list, and a token no open tab used and no endpoint
 * issued is forgotten. An issuer seen in the closed tab stays: joins elsewhere still name it.
 */
export function forgetTab(links: SessionLinks, tabId: number): void {
  const keep: string[] = [];
  for (const k of links.order) {
    const e = links.tokens[k];
    if (!e) continue;
    if (e.joinTabs.includes(tabId)) {
      e.joinTabs = e.joinTabs.filter((t) => t !== tabId);
      links.rev++;
    }
    if (e.joinTabs.length === 0 && !e.issuer) {
      delete links.tokens[k];
      links.rev++;
      continue;
    }
    keep.push(k);
  }
  links.order = keep;
}

/**
 * Forgets the oldest tokens, a tenth at a time, while the index costs more than `budget` bytes
 * (`bytesOf` measures it as storage counts it). Returns what it costs afterwards.
 */
export function trimLinks(links: SessionLinks, budget: number, bytesOf: (l: SessionLinks) => number): number {
  let bytes = bytesOf(links);
  while (bytes > budget && links.order.length > 0) {
    for (const k of links.order.splice(0, Math.max(1, Math.ceil(links.order.length / 10)))) delete links.tokens[k];
    links.rev++;
    bytes = bytesOf(links);
  }
  return bytes;
}

export interface JoinLinks {
  /** Attempts that got their issuer from another tab. */
  linked: JoinAttempt[];
  /** Tabs whose issuances were used here for the first time (their "used in other tabs" count changed). */
  issuerTabs: number[];
}

/**
 * Records the joins of `tabId` (new or changed attempts) and gives those without an issuer the one
 * seen in any tab for the same token. Linear in the attempts given.
 */
export function noteJoins(links: SessionLinks, tabId: number, attempts: readonly JoinAttempt[]): JoinLinks {
  const linked: JoinAttempt[] = [];
  const issuerTabs = new Set<number>();
  for (const a of attempts) {
    const key = tokenKey(a.signature);
    if (key === null) continue;
    const e = entry(links, key);
    if (!e.joinTabs.includes(tabId) && e.joinTabs.length < MAX_TABS_PER_TOKEN) {
      e.joinTabs.push(tabId);
      links.rev++;
      if (e.issuer && e.issuer.tabId !== tabId) issuerTabs.add(e.issuer.tabId);
    }
    if (!a.issuer && e.issuer) {
      a.issuer = issuerOf(e);
      linked.push(a);
    }
  }
  return { linked, issuerTabs: [...issuerTabs] };
}

/** Gives a tab's attempts without an issuer the one the index knows for their token. */
export function linkTab(links: SessionLinks, s: TabState): JoinAttempt[] {
  const linked: JoinAttempt[] = [];
  for (const a of s.attempts) {
    if (a.issuer) continue;
    const key = tokenKey(a.signature);
    const e = key === null ? undefined : links.tokens[key];
    if (e?.issuer) {
      a.issuer = issuerOf(e);
      linked.push(a);
    }
  }
  return linked;
}

/** How many of the tokens this tab's endpoint returned were used by joins in other tabs. */
export function issuedHereUsedElsewhere(links: SessionLinks, s: TabState): number {
  const seen = new Set<string>();
  let n = 0;
  for (const iss of s.issuances) {
    const key = tokenKey(iss.token);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    const e = links.tokens[key];
    if (e && e.joinTabs.some((t) => t !== s.tabId)) n++;
  }
  return n;
}

/**
 * The page's site: scheme and registrable domain by the Public Suffix List (tldts, bundled),
 * private suffixes included, so alice.github.io and mallory.github.io (vercel.app, netlify.app,
 * pages.dev…) are two sites, as the browser's own site isolation has them. Ports are ignored, as
 * browsers group tabs of one app. A host with no registrable domain (an IP address, localhost, a
 * single label, a public suffix itself) is its own site. Null for non-web URLs.
 */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  // IPv6 literals keep their brackets in URL.hostname; tldts would read them as no domain anyway.
  const domain = host.startsWith('[') ? null : getDomain(host, { allowPrivateDomains: true, extractHostname: false });
  return `${u.protocol}//${domain ?? host}`;
}

/** The tab's snapshot with what the session index adds: tokens used elsewhere, scope. */
export function tabSnapshot(links: SessionLinks, s: TabState): TabSnapshot {
  return { ...toSnapshot(s), scope: 'tab', site: siteOf(s.pageUrl), tabs: 1, issuedUsedElsewhere: issuedHereUsedElsewhere(links, s) };
}

function sumStats(all: readonly CaptureStats[]): CaptureStats {
  const rejected: CaptureStats['rejected'] = {};
  const out: CaptureStats = { attempts: 0, dropped: 0, rejected, rejectedTotal: 0, hookErrors: 0, failed: 0 };
  for (const st of all) {
    out.attempts += st.attempts;
    out.dropped += st.dropped;
    if (st.droppedOther) out.droppedOther = (out.droppedOther ?? 0) + st.droppedOther;
    out.hookErrors += st.hookErrors;
    out.failed += st.failed;
    for (const [k, v] of Object.entries(st.rejected)) rejected[k as keyof typeof rejected] = (rejected[k as keyof typeof rejected] ?? 0) + (v ?? 0);
  }
  out.rejectedTotal = totalRejected(rejected);
  return out;
}

/**
 * Every join of the tabs showing the same site as `own` (own included), in call order, with their
 * issuances; clock evidence and preserve-log stay the inspected tab's. Linear in the attempts
 * plus a sort; nothing is dropped or merged (attempt ids are unique per document).
 */
export function siteSnapshot(links: SessionLinks, own: TabState, all: readonly TabState[]): TabSnapshot {
  const site = siteOf(own.pageUrl);
  const tabs = site === null ? [own] : [own, ...all.filter((t) => t.tabId !== own.tabId && siteOf(t.pageUrl) === site)];
  const attempts = tabs.flatMap((t) => t.attempts).sort((a, b) => a.calledAt - b.calledAt);
  const issuances = tabs.flatMap((t) => t.issuances).sort((a, b) => a.receivedAt - b.receivedAt);
  return {
    ...toSnapshot(own),
    attempts,
    issuances,
    stats: sumStats(tabs.map(computeStats)),
    scope: 'site',
    site,
    tabs: tabs.length,
    issuedUsedElsewhere: issuedHereUsedElsewhere(links, own),
  };
}
