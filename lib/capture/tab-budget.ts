/**
 * Keeps one tab's capture state inside its storage budget. A page decides how much it sends, so
 * the background measures the state before each write (lib/capture/storage-size.ts, Chromium's
 * own accounting) and evicts the oldest records until it fits: attempts and issuances by age,
 * then Zoom clock samples, then page facts. Every map keyed by something an attempt or document
 * names is pruned with it, so nothing outlives what it describes. Evictions are counted in the
 * tab (`dropped` for joins, `droppedOther` for the rest), which the panel shows.
 */
import { MAX_FRAMES_PER_TAB, MAX_WIRE_LINKS_PER_TAB } from '../protocol/limits';
import { countRejection } from '../protocol/validate';
import { ARRAY_SLOT_BYTES, itemBytes, PROPERTY_SLOT_BYTES, sessionBytes, stringBytes } from './storage-size';
import type { TabState } from './tab-state';

/** storage.session key of a tab's state. */
export const tabKey = (tabId: number) => `tab:${tabId}`;

/** Bytes the tab's state costs in storage.session under its key. */
export function tabBytes(s: TabState): number {
  return itemBytes(tabKey(s.tabId), s);
}

/**
 * Drops what no longer belongs to a live attempt or a kept document: attempt meta and wire links
 * of evicted attempts (wire links beyond MAX_WIRE_LINKS_PER_TAB, oldest first), documents' counters
 * beyond the MAX_FRAMES_PER_TAB newest unless an attempt came from them or it is the current top
 * document (their rejections and hook errors are kept, folded into the tab's), and page facts of
 * documents no longer kept.
 */
export function pruneTabMaps(s: TabState): void {
  const live = new Set<string>();
  for (const a of s.attempts) live.add(a.id);
  for (const id of Object.keys(s.meta)) if (!live.has(id)) delete s.meta[id];

  const links = Object.keys(s.wireLinks);
  let over = links.length - MAX_WIRE_LINKS_PER_TAB;
  for (const w of links) {
    if (!live.has(s.wireLinks[w]!) || over-- > 0) delete s.wireLinks[w];
  }

  const used = new Set<string>();
  for (const m of Object.values(s.meta)) used.add(m.relayId);
  const frames = Object.keys(s.frames);
  const newest = new Set(frames.slice(-MAX_FRAMES_PER_TAB));
  const topNow = frames.findLast((id) => s.frames[id]!.top);
  if (topNow !== undefined) used.add(topNow);
  for (const id of frames) {
    if (used.has(id) || newest.has(id)) continue;
    const f = s.frames[id]!;
    for (const [reason, n] of Object.entries(f.rejected)) s.bgRejected = countRejection(s.bgRejected, reason as keyof typeof f.rejected, n ?? 0);
    s.retiredHookErrors = (s.retiredHookErrors ?? 0) + f.hookErrors;
    delete s.frames[id];
  }
  if (s.page) {
    for (const id of Object.keys(s.page.frames)) if (!s.frames[id]) delete s.page.frames[id];
    for (const id of Object.keys(s.page.csp)) if (!s.frames[id]) delete s.page.csp[id];
  }
}

/** The slot and contents one array element costs. */
const elementBytes = (v: unknown) => ARRAY_SLOT_BYTES + sessionBytes(v);

/**
 * Removes the oldest record of the tab and returns an estimate of the bytes it freed (0: nothing
 * left to remove). Attempts and issuances go by age; clock samples and page facts only once both
 * are gone (they describe joins, and are small).
 */
function evictOldest(s: TabState): number {
  const a = s.attempts[0];
  const i = s.issuances[0];
  if (a && (!i || a.calledAt <= i.receivedAt)) {
    s.attempts.shift();
    s.dropped++;
    let freed = elementBytes(a);
    const m = s.meta[a.id];
    if (m) freed += PROPERTY_SLOT_BYTES + stringBytes(a.id) + sessionBytes(m);
    delete s.meta[a.id];
    return freed;
  }
  const other = i ? s.issuances : s.clock?.samples?.length ? s.clock.samples : s.page?.assets.length ? s.page.assets : null;
  if (other) {
    const gone = other.shift();
    s.droppedOther = (s.droppedOther ?? 0) + 1;
    return elementBytes(gone);
  }
  for (const list of Object.values(s.page?.csp ?? {})) {
    if (list.length === 0) continue;
    s.droppedOther = (s.droppedOther ?? 0) + 1;
    return elementBytes(list.shift());
  }
  return 0;
}

/**
 * Evicts the tab's oldest records until its state costs at most `budget` bytes (or nothing is
 * left to evict) and prunes its maps. Returns the bytes it costs now. Linear in the state: sizes
 * of evicted records are subtracted, and the whole is measured again only when that estimate says
 * it fits.
 */
export function fitTabState(s: TabState, budget: number): number {
  pruneTabMaps(s);
  let bytes = tabBytes(s);
  while (bytes > budget) {
    let estimate = bytes;
    while (estimate > budget) {
      const freed = evictOldest(s);
      if (freed === 0) break;
      estimate -= freed;
    }
    pruneTabMaps(s);
    const measured = tabBytes(s);
    if (measured >= bytes) return measured; // nothing more to take
    bytes = measured;
  }
  return bytes;
}
