import { useCallback, useRef, useState } from 'react';
import { useDismiss } from './state/use-dismiss';
import { usePanel } from './state/store';
import { useElementWidth } from './state/use-width';
import { OutcomeFilter, OutcomeSelect } from './OutcomeFilter';
import { ExportMenu } from './ExportMenu';
import { ImportHarButton } from './ImportHarButton';
import { ScopeSwitch } from './ScopeSwitch';
import { selectActiveAttempts } from './state/selectors';
import { FILTER_HELP } from './state/filter-syntax';

/** Below this toolbar width the outcome chips become a drop-down and the rest goes under "»". */
export const COMPACT_TOOLBAR_PX = 640;

/**
 * The top bar: clear and preserve log like the Network panel, the filters, import and export.
 * The filters act on the join log only, so on Correlation and Reproduce they give way to a line
 * saying what those tabs cover. In a narrow dock it stays one line: chips become a select and
 * Preserve log moves into the "»" overflow menu, as in DevTools' own toolbars; Import stays in view.
 * One filter box in the Network panel's syntax, with how many rows it leaves ("4 / 106").
 */
export function Toolbar() {
  const preserveLog = usePanel((s) => s.live.preserveLog);
  const source = usePanel((s) => s.source);
  const view = usePanel((s) => s.view);
  const text = usePanel((s) => s.filter.text);
  const count = usePanel((s) => selectActiveAttempts(s).length);
  const shown = usePanel((s) => s.shownCount);
  const setFilter = usePanel((s) => s.setFilter);
  const clearLog = usePanel((s) => s.clearLog);
  const togglePreserveLog = usePanel((s) => s.togglePreserveLog);
  const bar = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bar);
  const compact = width > 0 && width < COMPACT_TOOLBAR_PX;
  const [overflow, setOverflow] = useState(false);
  const overflowBox = useRef<HTMLSpanElement>(null);
  const live = source === 'live';
  // The triage page has no live capture: nothing to clear, preserve or scope.
  const page = usePanel((s) => s.host === 'page');

  const closeOverflow = useCallback(() => setOverflow(false), []);
  useDismiss(overflow, overflowBox, closeOverflow);

  const preserve = (
    <label title="Keep the log when the page reloads or navigates">
      <input type="checkbox" data-testid="preserve-log" checked={preserveLog} onChange={(e) => togglePreserveLog(e.target.checked)} />
      Preserve log
    </label>
  );

  return (
    <div className={`toolbar${compact ? ' compact' : ''}`} role="toolbar" aria-label="Join log" ref={bar} data-testid="toolbar" data-compact={compact}>
      {!page && (
        <>
          <button
            className="tool-btn"
            data-testid="clear-log"
            onClick={clearLog}
            disabled={!live}
            aria-label="Clear"
            title={live ? 'Clear the live log for this tab' : 'Clearing applies to the live log; close the imported file instead'}
          >
            {compact ? '⊘' : '⊘ Clear'}
          </button>
          {!compact && preserve}
          <ScopeSwitch compact={compact} />
          <span className="sep" />
        </>
      )}
      {view === 'log' ? (
        <>
          <input
            className="filter-input"
            type="search"
            placeholder={compact ? 'Filter: -text status: rule:' : 'Filter: text -text status:3712 rule:iat sdk: meeting:'}
            title={FILTER_HELP}
            aria-label="Filter the join log (text, -text, status:, rule:, sdk:, meeting:, cause:)"
            aria-controls="join-log-grid"
            data-testid="filter-text"
            value={text}
            onChange={(e) => setFilter({ text: e.target.value })}
          />
          <span className="shown-count" data-testid="shown-count" role="status" aria-live="polite" title="Rows shown / attempts in this session">
            {shown} / {count}
            {compact ? '' : ' shown'}
          </span>
          {compact ? <OutcomeSelect /> : <OutcomeFilter />}
        </>
      ) : (
        <span className="dim scope-note" data-testid="filter-scope-note">
          {view === 'correlation'
            ? `All ${count} attempts of this session; the log's filters do not apply here.`
            : 'Samples your endpoint now; the log and its filters are not used.'}
        </span>
      )}
      <span style={{ flex: 1 }} />
      {/* The triage page opens files from its header ("Open file…"). */}
      {!page && <ImportHarButton compact={compact} />}
      <ExportMenu compact={compact} />
      {compact && !page && (
        <span className="overflow" ref={overflowBox}>
          <button
            className="tool-btn"
            aria-label="More tools"
            aria-expanded={overflow}
            title="Preserve log"
            data-testid="toolbar-overflow"
            onClick={() => setOverflow(!overflow)}
          >
            »
          </button>
          <div className="overflow-menu" role="menu" hidden={!overflow} data-testid="toolbar-overflow-menu">
            {preserve}
          </div>
        </span>
      )}
    </div>
  );
}
