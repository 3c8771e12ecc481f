import { usePanel } from './state/store';

/** What an empty log says, depending on why it is empty, always with the next thing to do. */
export function EmptyLogMessage({ filtered }: { filtered: boolean }) {
  const status = usePanel((s) => s.connection.status);
  const source = usePanel((s) => s.source);
  const setFilter = usePanel((s) => s.setFilter);

  if (filtered) {
    return (
      <div className="empty" data-testid="empty-log" data-reason="filtered">
        <h2>No attempt matches the filter</h2>
        <p>
          Change the outcome, rule or text filter, or{' '}
          <button className="btn" onClick={() => setFilter({ outcomes: [], ruleId: '', text: '' })}>
            show all attempts
          </button>
        </p>
      </div>
    );
  }
  if (source === 'imported') {
    return (
      <div className="empty" data-testid="empty-log" data-reason="imported-empty">
        <h2>The imported file has no join attempt</h2>
        <p>It contains no request to Zoom's wc/info endpoint. Record the HAR while the join runs, then import it again.</p>
      </div>
    );
  }
  if (status === 'connecting') {
    return (
      <div className="empty" data-testid="empty-log" data-reason="connecting">
        <h2>Connecting to the capture…</h2>
        <p>If this stays, close and reopen DevTools; the extension may have been updated or reloaded.</p>
      </div>
    );
  }
  return (
    <div className="empty" data-testid="empty-log" data-reason="no-join">
      <h2>No join yet</h2>
      <p>Reload the page with DevTools open, or call ZoomMtg.join (client view) or client.join (component view).</p>
      <p className="dim">Every join attempt on this tab appears here with its signature, Zoom's answer and what is wrong with the token.</p>
    </div>
  );
}
