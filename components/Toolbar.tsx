import { usePanel } from './state/store';
import { OutcomeFilter } from './OutcomeFilter';
import { ExportMenu } from './ExportMenu';
import { ImportHarButton } from './ImportHarButton';

/** The top bar: clear and preserve log like the Network panel, the filters, import and export. */
export function Toolbar() {
  const preserveLog = usePanel((s) => s.live.preserveLog);
  const source = usePanel((s) => s.source);
  const text = usePanel((s) => s.filter.text);
  const ruleId = usePanel((s) => s.filter.ruleId);
  const setFilter = usePanel((s) => s.setFilter);
  const clearLog = usePanel((s) => s.clearLog);
  const togglePreserveLog = usePanel((s) => s.togglePreserveLog);
  const live = source === 'live';
  return (
    <div className="toolbar" role="toolbar" aria-label="Join log">
      <button
        className="tool-btn"
        data-testid="clear-log"
        onClick={clearLog}
        disabled={!live}
        title={live ? 'Clear the live log for this tab' : 'Clearing applies to the live log; close the imported file instead'}
      >
        ⊘ Clear
      </button>
      <label title="Keep the log when the page reloads or navigates">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={preserveLog}
          onChange={(e) => togglePreserveLog(e.target.checked)}
        />
        Preserve log
      </label>
      <span className="sep" />
      <input
        className="filter-input"
        type="search"
        placeholder="Filter"
        aria-label="Filter by text"
        data-testid="filter-text"
        value={text}
        onChange={(e) => setFilter({ text: e.target.value })}
      />
      <input
        className="filter-input rule-input"
        type="search"
        placeholder="Rule id, e.g. iat-future"
        aria-label="Filter by rule id"
        data-testid="filter-rule"
        value={ruleId}
        onChange={(e) => setFilter({ ruleId: e.target.value })}
      />
      <OutcomeFilter />
      <span style={{ flex: 1 }} />
      <ImportHarButton />
      <ExportMenu />
    </div>
  );
}
