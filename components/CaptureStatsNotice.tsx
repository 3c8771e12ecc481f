import { usePanel } from './state/store';

/**
 * Messages the capture lost or refused. Always in the DOM (tests read the counts), visible only
 * when something was lost, because a silent gap in the log would mislead the correlation.
 */
export function CaptureStatsNotice() {
  const stats = usePanel((s) => s.live.stats);
  const { dropped, rejectedTotal, hookErrors } = stats;
  const droppedOther = stats.droppedOther ?? 0;
  const parts: string[] = [];
  if (dropped > 0) parts.push(`${dropped} dropped (the oldest join${dropped === 1 ? '' : 's'}: this tab reached its storage budget)`);
  if (droppedOther > 0) parts.push(`${droppedOther} older record${droppedOther === 1 ? '' : 's'} dropped (token answers, Zoom clock samples, page facts)`);
  if (rejectedTotal > 0) {
    const why = Object.entries(stats.rejected)
      .filter(([, n]) => (n ?? 0) > 0)
      .map(([r, n]) => `${n} ${r}`)
      .join(', ');
    parts.push(`${rejectedTotal} rejected message${rejectedTotal === 1 ? '' : 's'}${why ? ` (${why})` : ''}`);
  }
  if (hookErrors > 0) parts.push(`${hookErrors} hook error${hookErrors === 1 ? '' : 's'}`);
  return (
    <span
      className="capture-stats"
      data-testid="capture-stats"
      data-dropped={dropped}
      data-dropped-other={droppedOther}
      data-rejected={rejectedTotal}
      data-hook-errors={hookErrors}
      hidden={parts.length === 0}
      title="Counted by the capture pipeline. Dropped: the tab captured more than it may keep (a count and a storage budget per tab), so the oldest went. Rejected: messages that were forged, oversized, malformed or from the wrong sender."
    >
      ⚠ {parts.join(' · ')}
    </span>
  );
}
