import { useMemo } from 'react';
import { countByOutcome, selectActiveAttempts } from './state/selectors';
import { OUTCOME_KINDS, usePanel, type OutcomeKind } from './state/store';

const LABEL: Record<OutcomeKind, string> = {
  success: 'Success',
  failure: 'Failure',
  'silent-refusal': 'Silent refusal',
  timeout: 'Timeout',
  superseded: 'Superseded',
  pending: 'Pending',
};

/** Outcome chips like the Network panel's type filter: "All" or any combination. */
export function OutcomeFilter() {
  const attempts = usePanel(selectActiveAttempts);
  const selected = usePanel((s) => s.filter.outcomes);
  const setFilter = usePanel((s) => s.setFilter);
  const counts = useMemo(() => countByOutcome(attempts), [attempts]);
  const toggle = (k: OutcomeKind, additive: boolean) => {
    if (!additive) return setFilter({ outcomes: selected.length === 1 && selected[0] === k ? [] : [k] });
    setFilter({ outcomes: selected.includes(k) ? selected.filter((x) => x !== k) : [...selected, k] });
  };
  return (
    <span className="chips" role="group" aria-label="Filter by outcome" data-testid="outcome-filter">
      <button className="chip" aria-pressed={selected.length === 0} onClick={() => setFilter({ outcomes: [] })}>
        All
      </button>
      {/* Superseded is rare (a development double join): its chip appears only when there is one, so the toolbar keeps its width. */}
      {OUTCOME_KINDS.filter((k) => k !== 'superseded' || counts[k] > 0 || selected.includes(k)).map((k) => (
        <button
          key={k}
          className="chip"
          data-outcome={k}
          aria-pressed={selected.includes(k)}
          title="Ctrl/⌘-click to combine"
          onClick={(e) => toggle(k, e.ctrlKey || e.metaKey)}
        >
          {LABEL[k]}
          <span className="n">{counts[k]}</span>
        </button>
      ))}
    </span>
  );
}

/** The same filter as one select, for a narrow dock (one outcome at a time). */
export function OutcomeSelect() {
  const attempts = usePanel(selectActiveAttempts);
  const selected = usePanel((s) => s.filter.outcomes);
  const setFilter = usePanel((s) => s.setFilter);
  const counts = useMemo(() => countByOutcome(attempts), [attempts]);
  const value = selected.length === 1 ? selected[0]! : selected.length === 0 ? '' : 'several';
  return (
    <select
      className="outcome-select"
      aria-label="Filter by outcome"
      data-testid="outcome-select"
      value={value}
      onChange={(e) => setFilter({ outcomes: e.target.value === '' ? [] : [e.target.value as OutcomeKind] })}
    >
      <option value="">All outcomes</option>
      {value === 'several' && <option value="several">{selected.map((k) => LABEL[k]).join(' + ')}</option>}
      {OUTCOME_KINDS.map((k) => (
        <option key={k} value={k}>
          {LABEL[k]} ({counts[k]})
        </option>
      ))}
    </select>
  );
}
