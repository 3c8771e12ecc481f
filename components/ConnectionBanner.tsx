import { usePanel } from './state/store';

/** Says when the live capture is not flowing, and what to do about it. */
export function ConnectionBanner() {
  const { status, message } = usePanel((s) => s.connection);
  const source = usePanel((s) => s.source);
  const imported = usePanel((s) => s.imported);
  const page = usePanel((s) => s.host === 'page');
  if (page) {
    // The triage page has no live capture to tell apart: only what the file could not give.
    if (!imported || imported.warnings.length === 0) return null;
    return (
      <div className="banner warning" data-testid="imported-banner">
        {imported.warnings.slice(0, 3).join(' ')}
        {imported.warnings.length > 3 ? ` (+${imported.warnings.length - 3} more)` : ''}
      </div>
    );
  }
  if (source === 'imported' && imported) {
    return (
      <div className="banner warning" data-testid="imported-banner">
        Showing the imported file {imported.fileName}, not live capture. Switch to “Live” to see this tab’s joins.
        {imported.warnings.length > 0 && <span>{imported.warnings.length} entries skipped: {imported.warnings.slice(0, 3).join('; ')}</span>}
      </div>
    );
  }
  if (status === 'reconnecting') {
    return (
      <div className="banner info" data-testid="connection-banner" data-status={status}>
        Reconnecting to the extension’s background (the service worker was stopped). Nothing captured is lost; the log refreshes when it is back.
      </div>
    );
  }
  if (status === 'no-tab') {
    return (
      <div className="banner warning" data-testid="connection-banner" data-status={status}>
        No inspected tab. Open this panel from DevTools (F12 → Join Doctor), or add ?tabId=N to its URL. You can still import a HAR file.
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="banner error" data-testid="connection-banner" data-status={status}>
        The capture connection failed{message ? `: ${message}` : ''}. Reload the extension (chrome://extensions), then close and reopen DevTools.
      </div>
    );
  }
  return null;
}
