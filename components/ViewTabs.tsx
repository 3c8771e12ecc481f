import { selectActiveAttempts } from './state/selectors';
import { usePanel } from './state/store';
import { CaptureStatsNotice } from './CaptureStatsNotice';
import { TOOL_VERSION } from '../lib/report/version';
import { ruleDocUrl } from './state/rule-docs';

/** Log / Correlation tabs, which session is shown (live or an imported file), and the counts. */
export function ViewTabs() {
  const view = usePanel((s) => s.view);
  const setView = usePanel((s) => s.setView);
  const count = usePanel((s) => s.live.attempts.length);
  const shown = usePanel((s) => selectActiveAttempts(s).length);
  const imported = usePanel((s) => s.imported);
  const source = usePanel((s) => s.source);
  const showSource = usePanel((s) => s.showSource);
  const closeImported = usePanel((s) => s.closeImported);
  return (
    <div className="tabs" role="tablist">
      <button className="tab" role="tab" aria-selected={view === 'log'} onClick={() => setView('log')} data-testid="tab-log">
        Join log
      </button>
      <button
        className="tab"
        role="tab"
        aria-selected={view === 'correlation'}
        onClick={() => setView('correlation')}
        data-testid="tab-correlation"
      >
        Correlation
      </button>
      <button className="tab" role="tab" aria-selected={view === 'reproduce'} onClick={() => setView('reproduce')} data-testid="tab-reproduce">
        Reproduce
      </button>
      <span className="sep" />
      <button
        className="tab"
        aria-pressed={source === 'live'}
        aria-selected={source === 'live'}
        onClick={() => showSource('live')}
        title="Attempts captured live on the inspected tab"
        data-testid="source-live"
      >
        Live: <span data-testid="attempt-count">{count}</span>
      </button>
      {imported && (
        <span style={{ display: 'inline-flex', alignItems: 'center' }}>
          <button
            className="tab"
            aria-selected={source === 'imported'}
            onClick={() => showSource('imported')}
            title={`Imported ${new Date(imported.importedAt).toLocaleString()}; never mixed with live capture`}
            data-testid="source-imported"
          >
            <span className="imported-tag">Imported</span> {imported.fileName}: {imported.attempts.length}
          </button>
          <button className="tool-btn" aria-label="Close the imported file" title="Close the imported file" onClick={closeImported}>
            ✕
          </button>
        </span>
      )}
      <span style={{ flex: 1 }} />
      {source === 'imported' && <span className="dim" style={{ alignSelf: 'center', padding: '0 6px' }}>showing {shown} imported</span>}
      <span style={{ alignSelf: 'center', padding: '0 6px' }}>
        <CaptureStatsNotice />
      </span>
      <a
        className="version"
        href={ruleDocUrl('').replace(/#$/, '')}
        target="_blank"
        rel="noreferrer"
        title={`Join Doctor ${TOOL_VERSION}: open the rule reference`}
        data-testid="panel-version"
      >
        v{TOOL_VERSION} · rules
      </a>
    </div>
  );
}
