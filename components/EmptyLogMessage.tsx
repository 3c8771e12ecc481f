import { usePanel } from './state/store';

/** What an empty log says, depending on why it is empty, always with the next thing to do. */
export function EmptyLogMessage({ filtered }: { filtered: boolean }) {
  const status = usePanel((s) => s.connection.status);
  const source = usePanel((s) => s.source);
  const setFilter = usePanel((s) => s.setFilter);
  const scope = usePanel((s) => s.live.scope);
  const usedElsewhere = usePanel((s) => s.live.issuedUsedElsewhere);
  const page = usePanel((s) => s.host === 'page');

  if (filtered) {
    return (
      <div className="empty" data-testid="empty-log" data-reason="filtered">
        <h2>No attempt matches the filter</h2>
        <p>
          Change the outcome, rule or text filter, or{' '}
          <button className="btn" onClick={() => setFilter({ outcomes: [], text: '' })}>
            show all attempts
          </button>
        </p>
      </div>
    );
  }
  if (page && source !== 'imported') {
    return (
      <div className="empty" data-testid="empty-log" data-reason="page-empty">
        <h2>Open a HAR, an export or a token</h2>
        <p>Drop a HAR file (DevTools → Network → Export HAR) or a Join Doctor export anywhere on this page, use Open file, or paste a token above.</p>
        <p className="dim">Everything is read in this browser tab: nothing is uploaded, stored or sent.</p>
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
  if (scope === 'site') {
    return (
      <div className="empty" data-testid="empty-log" data-reason="no-join-site">
        <h2>No join in any tab of this site yet</h2>
        <p>Joins made in any tab showing this site in this browser session appear here, with the tab's page in their details.</p>
      </div>
    );
  }
  if (usedElsewhere > 0) {
    return (
      <div className="empty" data-testid="empty-log" data-reason="joins-elsewhere">
        <h2>No join in this tab</h2>
        <p>This tab's endpoint issued the signatures; the joins ran in other tabs (as in Zoom's web sample, which opens meeting.html). Choose “All tabs of this site” to see them.</p>
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
