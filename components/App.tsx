import { usePanel } from './state/store';
import { Toolbar } from './Toolbar';
import { ViewTabs } from './ViewTabs';
import { ConnectionBanner } from './ConnectionBanner';
import { ImportErrorBanner } from './ImportErrorBanner';
import { JoinLog } from './JoinLog';
import { AttemptDetails } from './AttemptDetails';
import { CorrelationView } from './CorrelationView';
import { ReproducePanel } from './ReproducePanel';
import { SessionSecretWatcher } from './VerifyWithSecret';
import { OtherTabsNotice } from './ScopeSwitch';

/** The Join Doctor panel. Data arrives through the store; see entrypoints/devtools-panel/main.tsx. */
export function App() {
  const view = usePanel((s) => s.view);
  return (
    <div className="app" data-testid="panel-app">
      <Toolbar />
      <ViewTabs />
      <ImportErrorBanner />
      <ConnectionBanner />
      {view === 'log' && <OtherTabsNotice />}
      <SessionSecretWatcher />
      {view === 'log' ? (
        <div className="split">
          <div className="log-pane">
            <JoinLog />
          </div>
          <div className="detail-pane">
            <AttemptDetails />
          </div>
        </div>
      ) : view === 'reproduce' ? (
        <ReproducePanel />
      ) : (
        <CorrelationView />
      )}
    </div>
  );
}
