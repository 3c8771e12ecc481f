/**
 * Derived views of the store. Filtering needs the findings of every attempt only when a rule
 * filter or a text filter is set; otherwise no attempt is analysed here (rows analyse themselves
 * when they scroll into view). Counts and lookups by id come from the session's index, which moves
 * on with each appended join instead of being rebuilt.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { LogFilter, OutcomeKind, PanelState } from './store';
import { matchesFilter, parseFilter, type CauseOf, type FindingsOf } from './filter-syntax';
import { outcomeCounts, positionOf } from './session-index';

export function selectActiveAttempts(s: PanelState): JoinAttempt[] {
  return s.source === 'imported' && s.imported ? s.imported.attempts : s.live.attempts;
}

/** Runs on every store change: a lookup in the session's index, not a scan of 100,000 joins. */
export function selectSelectedAttempt(s: PanelState): JoinAttempt | null {
  if (!s.selectedId) return null;
  const attempts = selectActiveAttempts(s);
  return attempts[positionOf(attempts, s.selectedId)] ?? null;
}

export function filterIsActive(f: LogFilter): boolean {
  return f.outcomes.length > 0 || parseFilter(f.text).length > 0;
}

export type { FindingsOf };

/** The rows the log shows, in capture order: the outcome chips and the filter box's terms. */
export function filterAttempts(attempts: readonly JoinAttempt[], f: LogFilter, findingsOf: FindingsOf, causeOf?: CauseOf): JoinAttempt[] {
  const terms = parseFilter(f.text);
  if (f.outcomes.length === 0 && terms.length === 0) return attempts as JoinAttempt[];
  const outcomes = f.outcomes.length ? new Set<OutcomeKind>(f.outcomes) : null;
  return attempts.filter((a) => (!outcomes || outcomes.has(a.outcome.kind)) && matchesFilter(a, terms, findingsOf, causeOf));
}

/** Kept by the session's index as joins arrive (components/state/session-index.ts). */
export function countByOutcome(attempts: readonly JoinAttempt[]): Record<OutcomeKind, number> {
  return outcomeCounts(attempts);
}

/** Keyboard navigation over the visible rows: the id to select next, or null when nothing is shown. */
export function nextSelection(
  rows: readonly JoinAttempt[],
  currentId: string | null,
  key: 'up' | 'down' | 'home' | 'end' | 'pageup' | 'pagedown',
  pageSize = 10,
): string | null {
  if (rows.length === 0) return null;
  const last = rows.length - 1;
  const cur = currentId === null ? -1 : rows.findIndex((a) => a.id === currentId);
  let next: number;
  switch (key) {
    case 'home':
      next = 0;
      break;
    case 'end':
      next = last;
      break;
    case 'up':
      next = cur < 0 ? last : Math.max(0, cur - 1);
      break;
    case 'down':
      next = cur < 0 ? 0 : Math.min(last, cur + 1);
      break;
    case 'pageup':
      next = cur < 0 ? 0 : Math.max(0, cur - pageSize);
      break;
    case 'pagedown':
      next = cur < 0 ? 0 : Math.min(last, cur + pageSize);
      break;
  }
  return rows[next]?.id ?? null;
}
