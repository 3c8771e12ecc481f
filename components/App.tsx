import { useState, type DragEvent } from 'react';
import { usePanel } from './state/store';
import { selectActiveAttempts } from './state/selectors';
import { dragHasFiles, useHarImport } from './state/har-import';
import { Toolbar } from './Toolbar';
import { panelId, tabId, ViewTabs } from './ViewTabs';
import { ConnectionBanner } from './ConnectionBanner';
import { ImportErrorBanner } from './ImportErrorBanner';
import { JoinLog, ROW_HEIGHT } from './JoinLog';
import { AttemptDetails } from './AttemptDetails';
import { CorrelationView } from './CorrelationView';
import { ReproducePanel } from './ReproducePanel';
import { SessionSecretWatcher } from './VerifyWithSecret';
import { OtherTabsNotice } from './ScopeSwitch';
import { SplitPane } from './SplitPane';
import { ReadingProgress } from './ReadingProgress';

/**
 * The Join Doctor panel. Data arrives through the store; see entrypoints/devtools-panel/main.tsx.
 * A HAR file dropped anywhere on it is imported, as the Network panel takes a dropped HAR.
 * The triage page (entrypoints/triage) renders the same App with host 'page': no live capture,
 * no Reproduce (it would send requests), only files and pasted tokens.
 */
export function App() {
  const view = usePanel((s) => s.view);
  const shown = usePanel((s) => s.shownCount);
  const total = usePanel((s) => selectActiveAttempts(s).length);
  const page = usePanel((s) => s.host === 'page');
  const { importFile } = useHarImport();
  const [dropping, setDropping] = useState(false);

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!dragHasFiles(e.dataTransfer?.types)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    if (!dragHasFiles(e.dataTransfer?.types)) return;
    e.preventDefault();
    setDropping(false);
    void importFile(e.dataTransfer.files?.[0]);
  };

  return (
    <div
      className={`app${dropping ? ' dropping' : ''}`}
      data-testid="panel-app"
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <Toolbar />
      <ViewTabs />
      <ReadingProgress />
      <ImportErrorBanner />
      <ConnectionBanner />
      {view === 'log' && <OtherTabsNotice />}
      <SessionSecretWatcher />
      <div className="tabpanel" role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} data-testid={`tabpanel-${view}`}>
        {view === 'log' ? (
          <SplitPane first={<JoinLog />} second={<AttemptDetails />} firstRows={total === 0 ? 3 : shown} rowHeight={ROW_HEIGHT} />
        ) : view === 'reproduce' ? (
          <ReproducePanel />
        ) : (
          <CorrelationView />
        )}
      </div>
      {dropping && (
        <div className="drop-hint" data-testid="drop-hint" aria-hidden="true">
          {page ? 'Drop a HAR or a Join Doctor export to open it (it stays in this browser tab)' : 'Drop a HAR file to open it (it stays in this panel)'}
        </div>
      )}
    </div>
  );
}
