/**
 * Sorting the join log by a column, as the Network panel does when a header is clicked: ascending,
 * then descending, then back to capture order. Keys are computed once per row and the sort is
 * stable, so rows with equal keys keep capture order.
 */
import type { JoinAttempt } from '../../lib/model/attempt';
import type { LogColumn } from './columns';
import { issuerLabel, methodLabel, outcomeCode } from './format';

export interface LogSort {
  column: LogColumn;
  dir: 'asc' | 'desc';
}

/** Header click: none → ascending → descending → none (another column starts ascending). */
export function nextSort(current: LogSort | null, column: LogColumn): LogSort | null {
  if (!current || current.column !== column) return { column, dir: 'asc' };
  return current.dir === 'asc' ? { column, dir: 'desc' } : null;
}

const OUTCOME_ORDER: Record<JoinAttempt['outcome']['kind'], number> = { failure: 0, 'silent-refusal': 1, timeout: 2, pending: 3, superseded: 4, success: 5 };

type Key = number | string;

function keyOf(a: JoinAttempt, column: LogColumn, causeOf: (a: JoinAttempt) => string): Key {
  switch (column) {
    case 'time':
      return a.calledAt;
    case 'api':
      return methodLabel(a).toLowerCase();
    case 'meeting':
      return String((a.sdk === 'video' ? a.topic : a.meetingNumber) ?? '').toLowerCase();
    case 'outcome':
      // Failures first, then by code: "sort by outcome" groups the 3712s together.
      return OUTCOME_ORDER[a.outcome.kind] * 1e7 + (outcomeCode(a.outcome) ?? 0);
    case 'finding':
      return causeOf(a).toLowerCase();
    case 'issuer':
      return a.issuer ? issuerLabel(a.issuer.url, a.pageUrl).toLowerCase() : '\uffff';
  }
}

export function sortAttempts(rows: readonly JoinAttempt[], sort: LogSort | null, causeOf: (a: JoinAttempt) => string): JoinAttempt[] {
  if (!sort) return rows as JoinAttempt[];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((a, i) => ({ a, i, k: keyOf(a, sort.column, causeOf) }));
  keyed.sort((x, y) => (x.k < y.k ? -sign : x.k > y.k ? sign : x.i - y.i));
  return keyed.map((x) => x.a);
}
