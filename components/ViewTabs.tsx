import { useRef, type KeyboardEvent } from 'react';
import { usePanel, type PanelView } from './state/store';
import { CaptureStatsNotice } from './CaptureStatsNotice';
import { TOOL_VERSION } from '../lib/report/version';
import { ruleDocUrl } from './state/rule-docs';

const PANEL_TABS: ReadonlyArray<{ view: PanelView; label: string }> = [
  { view: 'log', label: 'Join log' },
  { view: 'correlation', label: 'Correlation' },
  { view: 'reproduce', label: 'Reproduce' },
];
const PAGE_TABS = PANEL_TABS.filter((t) => t.view !== 'reproduce');

export const tabId = (v: PanelView) => `jd-tab-${v}`;
export const panelId = (v: PanelView) => `jd-tabpanel-${v}`;

/**
 * Join log / Correlation / Reproduce as WAI-ARIA tabs (← → Home End move and select, one tab stop),
 * then which session is shown: a two-way switch "Live: N | Imported file: N", styled as a switch
 * and not as a fourth tab. One line at every dock width: the file name shrinks first.
 */
export function ViewTabs() {
  const page = usePanel((s) => s.host === 'page');
  // Reproduce fetches signatures from an endpoint: the triage page sends nothing, so it has no such tab.
  const TABS = page ? PAGE_TABS : PANEL_TABS;
  const view = usePanel((s) => s.view);
  const setView = usePanel((s) => s.setView);
  const count = usePanel((s) => s.live.attempts.length);
  const imported = usePanel((s) => s.imported);
  const source = usePanel((s) => s.source);
  const showSource = usePanel((s) => s.showSource);
  const closeImported = usePanel((s) => s.closeImported);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.view === view);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setView(TABS[next]!.view);
    list.current?.querySelector<HTMLElement>(`#${tabId(TABS[next]!.view)}`)?.focus();
  };

  return (
    <div className="tabs">
      <div className="tablist" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.view}
            id={tabId(t.view)}
            className="tab"
            role="tab"
            aria-selected={view === t.view}
            aria-controls={panelId(t.view)}
            tabIndex={view === t.view ? 0 : -1}
            onClick={() => setView(t.view)}
            data-testid={`tab-${t.view}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* The triage page has no live session: the switch only appears with a file to show. */}
      {(!page || imported) && (
        <div className="source-switch" role="group" aria-label="Session shown">
          {!page && (
            <button
              type="button"
              className="source-btn"
              aria-pressed={source === 'live'}
              onClick={() => showSource('live')}
              title="Attempts captured live on the inspected tab"
              data-testid="source-live"
            >
              Live <span className="source-n" data-testid="attempt-count">{count}</span>
            </button>
          )}
          {imported && (
            <>
              <button
                type="button"
                className="source-btn imported"
                aria-pressed={source === 'imported'}
                onClick={() => showSource('imported')}
                title={`${imported.fileName}, imported ${new Date(imported.importedAt).toLocaleString()}; never mixed with live capture`}
                data-testid="source-imported"
              >
                <span className="imported-tag">{imported.kind === 'export' ? 'export' : imported.kind === 'tokens' ? 'token' : 'HAR'}</span>
                <span className="file-name">{imported.fileName}</span>
                <span className="source-n">{imported.attempts.length}</span>
              </button>
              <button type="button" className="source-btn close" aria-label={`Close ${imported.fileName}`} title="Close the imported file" onClick={closeImported}>
                ✕
              </button>
            </>
          )}
        </div>
      )}
      <span className="tabs-fill" />
      <span className="tabs-stats">
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
