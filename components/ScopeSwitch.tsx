import { usePanel } from './state/store';

/**
 * This tab / all tabs of this site. Zoom's web sample fetches the signature on one tab and joins
 * in the tab it opens; "site" shows both tabs' joins together (and Correlation counts them all).
 * Two small toggle buttons: in a narrow dock they shrink to "Tab" and "Site".
 */
export function ScopeSwitch({ compact }: { compact: boolean }) {
  const scope = usePanel((s) => s.live.scope);
  const site = usePanel((s) => s.live.site);
  const tabs = usePanel((s) => s.live.tabs);
  const live = usePanel((s) => s.source === 'live' && s.connection.status !== 'no-tab');
  const setScope = usePanel((s) => s.setScope);
  const siteName = site ?? 'this site';
  const siteTitle =
    scope === 'site'
      ? `Joins from ${tabs} tab${tabs === 1 ? '' : 's'} of ${siteName} in this browser session`
      : `Also show joins from the other tabs of ${siteName} (e.g. a meeting page opened with window.open)`;
  return (
    <span className="scope-switch" role="group" aria-label="Which tabs' joins to show" data-testid="scope-switch" data-scope={scope}>
      <button
        className="tool-btn"
        aria-pressed={scope === 'tab'}
        data-testid="scope-tab"
        disabled={!live}
        title="Only joins made in the inspected tab"
        onClick={() => setScope('tab')}
      >
        {compact ? 'Tab' : 'This tab'}
      </button>
      <button className="tool-btn" aria-pressed={scope === 'site'} data-testid="scope-site" disabled={!live} title={siteTitle} onClick={() => setScope('site')}>
        {compact ? 'Site' : 'All tabs of this site'}
        {scope === 'site' && tabs > 1 ? <span className="scope-count"> ·{tabs}</span> : null}
      </button>
    </span>
  );
}

/** On the tab whose endpoint issued the tokens: where the joins went, and how to see them. */
export function OtherTabsNotice() {
  const n = usePanel((s) => (s.source === 'live' && s.live.scope === 'tab' ? s.live.issuedUsedElsewhere : 0));
  const setScope = usePanel((s) => s.setScope);
  if (n === 0) return null;
  return (
    <div className="banner info" data-testid="other-tabs-notice">
      {n} signature{n === 1 ? '' : 's'} issued here, used by joins in other tabs.{' '}
      <button className="btn" data-testid="show-site-scope" onClick={() => setScope('site')}>
        Show all tabs of this site
      </button>
    </div>
  );
}
