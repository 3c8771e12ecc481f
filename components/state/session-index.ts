/**
 * What the panel derives from a session's attempts list (positions by id, outcome counts, the
 * range of join times, each join's previous join of the same page) kept up to date as joins
 * arrive. The store replaces the list on every change; rebuilding these from 100,000 joins per
 * appended join cost a frame several times over, so the store hands each new list's changes here
 * (`deriveSessionIndex`) and the index moves on to the new list in O(changes).
 *
 * A list the store did not derive (an import, a test's own array) is indexed once, in one pass,
 * the first time something asks. An index describes exactly one list at a time: asking for a list
 * it has moved on from builds that list its own.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { CorrelationAccumulator } from '../../lib/correlate/accumulator';
import type { OutcomeKind } from './store';
import { isPreviousJoin, joinChainKey } from '../../lib/capture/previous-join';

/** The running correlation of an index's list (components/state/correlation.ts owns it). */
export interface RunningCorrelation {
  acc: CorrelationAccumulator;
  /** The session secret's result version the analyses were made with. */
  version: number;
  /** Joins of the list given to `acc`, from the start. */
  fed: number;
  /** Positions below `fed` whose join was replaced since it was given. */
  stale: Set<number>;
}

export interface SessionIndex {
  list: readonly JoinAttempt[];
  /** Position of each id (the first one when an id repeats, as a search from the top finds it). */
  positions: Map<string, number>;
  /** Some id occurs twice (an imported file can say so): per-id sums do not apply. */
  duplicateIds: boolean;
  outcomes: Record<OutcomeKind, number>;
  /** Earliest and latest finite join time (NaN when none). */
  minAt: number;
  maxAt: number;
  /**
   * The join before each join of the same page, frame and API (lib/capture/previous-join.ts).
   * These three are Maps, not WeakMaps: their keys are the list's own joins (a replaced join's
   * entries are deleted when it leaves), and 300,000 weak entries at 100,000 joins cost the
   * collector's final marking pause ~40 ms of ephemeron processing.
   */
  previous: Map<JoinAttempt, JoinAttempt>;
  /** Along each page's chain of joins, whatever the times: to move a replaced join's links. */
  chainPrev: Map<JoinAttempt, JoinAttempt>;
  chainNext: Map<JoinAttempt, JoinAttempt>;
  last: Map<string, JoinAttempt>;
  correlation: RunningCorrelation | null;
}

const byList = new WeakMap<readonly JoinAttempt[], SessionIndex>();

const emptyOutcomes = (): Record<OutcomeKind, number> => ({ success: 0, failure: 0, 'silent-refusal': 0, timeout: 0, superseded: 0, pending: 0 });


function linkNext(idx: SessionIndex, a: JoinAttempt): void {
  const key = joinChainKey(a);
  if (key === null) return;
  const p = idx.last.get(key);
  if (p) {
    if (isPreviousJoin(p, a)) idx.previous.set(a, p);
    idx.chainPrev.set(a, p);
    idx.chainNext.set(p, a);
  }
  idx.last.set(key, a);
}

function extendRange(idx: SessionIndex, t: number): void {
  if (!Number.isFinite(t)) return;
  if (!(t >= idx.minAt)) idx.minAt = t;
  if (!(t <= idx.maxAt)) idx.maxAt = t;
}

function resetLinks(idx: SessionIndex, list: readonly JoinAttempt[], upTo: number): void {
  idx.previous = new Map();
  idx.chainPrev = new Map();
  idx.chainNext = new Map();
  idx.last = new Map();
  for (let i = 0; i < upTo; i++) linkNext(idx, list[i]!);
}

function build(list: readonly JoinAttempt[]): SessionIndex {
  const idx: SessionIndex = {
    list,
    positions: new Map(),
    duplicateIds: false,
    outcomes: emptyOutcomes(),
    minAt: NaN,
    maxAt: NaN,
    previous: new Map(),
    chainPrev: new Map(),
    chainNext: new Map(),
    last: new Map(),
    correlation: null,
  };
  list.forEach((a, i) => {
    if (idx.positions.has(a.id)) idx.duplicateIds = true;
    else idx.positions.set(a.id, i);
    idx.outcomes[a.outcome.kind] += 1;
    extendRange(idx, a.calledAt);
    linkNext(idx, a);
  });
  return idx;
}

/** The index of this list, built in one pass if nothing derived it. */
export function sessionIndex(list: readonly JoinAttempt[]): SessionIndex {
  let idx = byList.get(list);
  if (!idx || idx.list !== list) {
    idx = build(list);
    byList.set(list, idx);
  }
  return idx;
}

/**
 * The store made `next` from `prev` by replacing the joins at `replaced` (same id, same position)
 * and appending everything from `appendedFrom` on. Moves prev's index, if anyone built one, to
 * next in O(changes); a replaced join whose place in its page's chain moved costs one pass.
 */
export function deriveSessionIndex(prev: readonly JoinAttempt[], next: readonly JoinAttempt[], replaced: ReadonlyArray<{ at: number; old: JoinAttempt }>, appendedFrom: number): void {
  const idx = byList.get(prev);
  if (!idx || idx.list !== prev) return;
  byList.delete(prev);
  idx.list = next;
  let relink = false;
  let rerange = false;
  for (const { at, old } of replaced) {
    const a = next[at]!;
    idx.outcomes[old.outcome.kind] -= 1;
    idx.outcomes[a.outcome.kind] += 1;
    if (old.calledAt !== a.calledAt) rerange = true;
    if (joinChainKey(old) !== joinChainKey(a) || old.calledAt !== a.calledAt) relink = true;
    else if (!relink) {
      // Same place in the same chain: the new object takes the old one's links.
      const before = idx.chainPrev.get(old);
      const after = idx.chainNext.get(old);
      const p = idx.previous.get(old);
      if (p) idx.previous.set(a, p);
      if (before) {
        idx.chainPrev.set(a, before);
        idx.chainNext.set(before, a);
      }
      if (after) {
        idx.chainNext.set(a, after);
        idx.chainPrev.set(after, a);
        if (idx.previous.get(after) === old) idx.previous.set(after, a);
      }
      const key = joinChainKey(a);
      if (key !== null && idx.last.get(key) === old) idx.last.set(key, a);
      // The old object has left the list: the maps must not keep it (nor what it links to) alive.
      if (old !== a) {
        idx.previous.delete(old);
        idx.chainPrev.delete(old);
        idx.chainNext.delete(old);
      }
    }
    if (idx.correlation && at < idx.correlation.fed) idx.correlation.stale.add(at);
  }
  if (rerange) {
    idx.minAt = NaN;
    idx.maxAt = NaN;
    for (let i = 0; i < appendedFrom; i++) extendRange(idx, next[i]!.calledAt);
  }
  if (relink) resetLinks(idx, next, appendedFrom);
  for (let i = appendedFrom; i < next.length; i++) {
    const a = next[i]!;
    if (idx.positions.has(a.id)) idx.duplicateIds = true;
    else idx.positions.set(a.id, i);
    idx.outcomes[a.outcome.kind] += 1;
    extendRange(idx, a.calledAt);
    linkNext(idx, a);
  }
  byList.set(next, idx);
}

export function outcomeCounts(list: readonly JoinAttempt[]): Record<OutcomeKind, number> {
  return { ...sessionIndex(list).outcomes };
}

/** Position of the attempt with this id in the list, or -1. */
export function positionOf(list: readonly JoinAttempt[], id: string | null): number {
  if (id === null) return -1;
  const i = sessionIndex(list).positions.get(id);
  return i !== undefined && list[i]?.id === id ? i : -1;
}

/** The earliest and latest join time (empty when no join has a finite one): enough to tell whether any is on another day. */
export function joinTimeRange(list: readonly JoinAttempt[]): number[] {
  const { minAt, maxAt } = sessionIndex(list);
  return Number.isNaN(minAt) ? [] : [minAt, maxAt];
}
