/**
 * The triage page: the extension's toolbar page (triage.html) and, built from the same index.html
 * by `npm run build:web` (scripts/web.vite.config.ts), the static page. One store that only imports (host 'page'): no port to
 * the background, no capture, no network.
 */
import { createRoot } from 'react-dom/client';
import { TriageApp } from '../../components/triage/TriageApp';
import { createPanelStore, PanelStoreContext } from '../../components/state/store';
import { applyDevtoolsTheme } from '../devtools-panel/theme';
import '../devtools-panel/style.css';
import '../../components/triage/triage.css';

applyDevtoolsTheme();

// 'live' only so that no banner waits for a capture connection: the page has none.
const store = createPanelStore({ host: 'page', connection: { status: 'live', message: null } });

createRoot(document.getElementById('root')!).render(
  <PanelStoreContext.Provider value={store}>
    <TriageApp />
  </PanelStoreContext.Provider>,
);
