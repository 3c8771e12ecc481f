import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { findingsOf, notePreviousJoins } from './state/analysis';
import { filterAttempts, filterIsActive, nextSelection, selectActiveAttempts } from './state/selectors';
import { usePanel } from './state/store';
import { useSecretVersion } from './state/session-secret';
import { JoinLogRow } from './JoinLogRow';
import { EmptyLogMessage } from './EmptyLogMessage';
import { LogHeader } from './LogHeader';
import { useSessionCorrelation } from './state/correlation';
import { joinTimeRange, positionOf } from './state/session-index';
import { rowAnswerOf } from './state/answer';
import { nextSort, sortAttempts } from './state/sort';
import { classifyOutcome, isFailure } from '../lib/correlate';
import type { JoinAttempt } from '../lib/model/attempt';
import { anyOtherDay } from './state/format';
import { columnLayout, loadColumnPrefs, saveColumnPrefs, type ColumnPrefs } from './state/columns';

export const ROW_HEIGHT = 20;
/** Rows rendered above and below the visible window, so fast scrolling shows no blank gap. */
const OVERSCAN = 12;
/** Used until the viewport has been measured (and in DOM-less tests). */
const FALLBACK_VIEWPORT = 600;

const KEYS: Record<string, 'up' | 'down' | 'home' | 'end' | 'pageup' | 'pagedown'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
  PageUp: 'pageup',
  PageDown: 'pagedown',
};

/**
 * The join log: one row per attempt, windowed so only the rows in view (plus a margin) are in
 * the DOM; 10,000 attempts cost the same to render as 40.
 */
export function JoinLog() {
  const attempts = usePanel(selectActiveAttempts);
  const filter = usePanel((s) => s.filter);
  const sort = usePanel((s) => s.sort);
  const setSort = usePanel((s) => s.setSort);
  const selectedId = usePanel((s) => s.selectedId);
  const select = usePanel((s) => s.select);
  const setShownCount = usePanel((s) => s.setShownCount);
  const secretVersion = useSecretVersion();

  // The rows' causes come from the session's correlation, computed in the background after the
  // first paint (a slice at a time, so a long session's log scrolls and filters meanwhile); until
  // it lands each failed row is judged alone (all but the session-wide Java Math.round evidence is the same).
  const correlation = useSessionCorrelation(attempts);

  const rows = useMemo(() => {
    notePreviousJoins(attempts);
    // A failure's cause is the answer line's; other rows have none (sorting by cause puts them first).
    const causeOf = (a: JoinAttempt) => (isFailure(classifyOutcome(a.outcome)) ? rowAnswerOf(a, attempts).cause : '');
    return sortAttempts(filterAttempts(attempts, filter, findingsOf, causeOf), sort, causeOf);
  }, [attempts, filter, sort, secretVersion, correlation]);

  // Unfiltered and unsorted, the rows are the session: its index answers "is it shown" without a scan.
  const shows = useCallback((id: string | null) => (rows === attempts ? positionOf(attempts, id) >= 0 : rows.some((a) => a.id === id)), [rows, attempts]);
  useEffect(() => setShownCount(rows.length), [rows.length, setShownCount]);
  // Like the Network panel: a row the filter hides leaves the inspector too.
  useEffect(() => {
    if (selectedId !== null && !shows(selectedId)) select(null);
  }, [shows, selectedId, select]);

  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const [width, setWidth] = useState(0);
  const [prefs, setPrefsState] = useState<ColumnPrefs>(() => loadColumnPrefs());
  const setPrefs = useCallback((p: ColumnPrefs) => {
    setPrefsState(p);
    saveColumnPrefs(p);
  }, []);
  // Dates only when some row is not from today (an imported HAR); one pass over the list, once per list.
  const withDates = useMemo(() => anyOtherDay(joinTimeRange(attempts)), [attempts]);
  const layout = useMemo(() => columnLayout(width, prefs, { withDates }), [width, prefs, withDates]);
  // Like the Network panel: while the user is at the bottom, new rows keep the bottom in view.
  const pinnedToBottom = useRef(true);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    setHeight(el.clientHeight);
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      setHeight(el.clientHeight);
      setWidth(el.clientWidth);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (el && pinnedToBottom.current && rows.length * ROW_HEIGHT > el.clientHeight) {
      el.scrollTop = el.scrollHeight;
    }
  }, [rows.length]);

  const viewHeight = height || FALLBACK_VIEWPORT;
  // A filter that shortens a scrolled log leaves scrollTop past the new end: the browser clamps the
  // element but reports it only in the next scroll event, so a window computed from the stale value
  // drew nothing for a frame (or until the user scrolled). Clamp to the new length in this render.
  const top = Math.min(scrollTop, Math.max(0, rows.length * ROW_HEIGHT - viewHeight));
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  const scrollIntoView = useCallback(
    (id: string | null) => {
      const el = viewport.current;
      if (!el || id === null) return;
      const i = rows === attempts ? positionOf(attempts, id) : rows.findIndex((a) => a.id === id);
      if (i < 0) return;
      const top = i * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    },
    [rows, attempts],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = KEYS[e.key];
    if (!key) return;
    e.preventDefault();
    const page = Math.max(1, Math.floor(viewHeight / ROW_HEIGHT) - 1);
    const id = nextSelection(rows, selectedId, key, page);
    select(id);
    scrollIntoView(id);
  };

  useEffect(() => {
    if (selectedId) scrollIntoView(selectedId);
    // Only when the selection changes from elsewhere (a click in the plot); keys scroll themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const onScroll = () => {
    const el = viewport.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    pinnedToBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
  };

  const visible = [];
  for (let i = first; i < last; i++) {
    const a = rows[i];
    if (!a) continue;
    visible.push(
      <JoinLogRow
        key={a.id}
        attempt={a}
        index={i}
        selected={a.id === selectedId}
        rowHeight={ROW_HEIGHT}
        columns={layout.columns}
        compactOutcome={layout.compactOutcome}
        onSelect={select}
        secretVersion={secretVersion}
        attempts={attempts}
        correlation={correlation}
      />,
    );
  }

  return (
    <div
      className="log"
      id="join-log-grid"
      role="grid"
      aria-label="Join attempts"
      aria-rowcount={rows.length + 1}
      aria-colcount={layout.columns.length}
      aria-multiselectable={false}
      style={{ ['--log-cols' as string]: layout.template }}
      data-compact-outcome={layout.compactOutcome}
    >
      <LogHeader layout={layout} prefs={prefs} width={width} onPrefs={setPrefs} sort={sort} onSort={(c) => setSort(nextSort(sort, c))} />
      <div
        ref={viewport}
        className="log-viewport"
        role="rowgroup"
        tabIndex={0}
        aria-label="Join attempts: arrow keys move the selection"
        aria-activedescendant={selectedId && shows(selectedId) ? `attempt-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        data-testid="join-log"
        data-visible-rows={rows.length}
      >
        {rows.length === 0 ? (
          <EmptyLogMessage filtered={attempts.length > 0 && filterIsActive(filter)} />
        ) : (
          <div className="log-spacer" style={{ height: rows.length * ROW_HEIGHT }}>
            {visible}
          </div>
        )}
      </div>
    </div>
  );
}
