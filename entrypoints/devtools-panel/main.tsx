import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { panelStore } from '../../components/state/store';
import { connectCapture, inspectedTabId } from './connection';
import { applyDevtoolsTheme } from './theme';
import './style.css';

applyDevtoolsTheme();

const store = panelStore.getState();
const tabId = inspectedTabId();
if (tabId === null) {
  store.setConnection('no-tab');
} else {
  const s = () => panelStore.getState();
  const connection = connectCapture(tabId, {
    onSnapshot: (snapshot) => s().loadSnapshot(snapshot),
    onAttempts: (attempts) => s().upsertAttempts(attempts),
    onStats: (stats) => s().setStats(stats),
    onCleared: () => s().cleared(),
    onNavigated: (url) => s().navigated(url),
    onIssuance: (issuance) => s().addIssuance(issuance),
    onPreserveLog: (on) => s().preserveLogChanged(on),
    onStatus: (status) => {
      if (status === 'reconnecting') s().setConnection('reconnecting');
      // 'connected' only means the port is open; the panel is live once the snapshot arrives.
    },
    onProtocolError: (detail) =>
      s().setConnection('error', `a message from the background did not match this panel's protocol (${detail}); the extension was probably updated`),
  });
  store.setCommands({ clear: connection.clear, setPreserveLog: connection.setPreserveLog, setScope: connection.setScope });
  window.addEventListener('pagehide', () => connection.close());
}

createRoot(document.getElementById('root')!).render(<App />);
