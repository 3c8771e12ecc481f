import { usePanel } from './state/store';

/**
 * Messages the capture lost or refused. Always in the DOM (tests read the counts), visible only
 * when something was lost, because a silent gap in the log would mislead the correlation.
 */
export function CaptureStatsNotice() {
  const stats = usePanel((s) => s.live.stats);
  const { dropped, rejectedTotal, hookErrors } = stats;
  const parts: string[] = [];
  if (dropped > 0) parts.push(`${dropped} dropped (oldest attempts beyond the per-tab cap)`);
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
      data-rejected={rejectedTotal}
      data-hook-errors={hookErrors}
      hidden={parts.length === 0}
      title="Counted by the capture pipeline. Dropped: the tab kept more attempts than its cap. Rejected: messages that were forged, oversized or malformed."
    >
      ⚠ {parts.join(' · ')}
    </span>
  );
}
