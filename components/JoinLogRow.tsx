import { memo } from 'react';
import type { JoinAttempt } from '../lib/model/attempt';
import { redactForDisplay } from '../lib/report/redact';
import { topFindingOf } from './state/analysis';
import { clockTime, describeOutcome, issuerLabel, methodLabel, outcomeCode, signedSeconds } from './state/format';

interface Props {
  attempt: JoinAttempt;
  /** Position in the filtered list; decides where the row sits in the scroll area. */
  index: number;
  selected: boolean;
  rowHeight: number;
  onSelect(id: string): void;
  /** The session secret's result version: a new one re-renders the row with the secret rules applied. */
  secretVersion?: number;
}

/**
 * One attempt in the join log. Its analysis (for the top finding) runs the first time the row
 * scrolls into view, so a long log never analyses rows nobody looked at.
 */
export const JoinLogRow = memo(function JoinLogRow({ attempt: a, index, selected, rowHeight, onSelect }: Props) {
  const top = topFindingOf(a);
  const code = outcomeCode(a.outcome);
  const outcome = describeOutcome(a.outcome);
  const offsetMs = a.clockOffsetMs;
  return (
    <div
      className="log-row"
      role="option"
      id={`attempt-${a.id}`}
      aria-selected={selected}
      data-testid="attempt-row"
      data-attempt-id={a.id}
      data-outcome={a.outcome.kind}
      data-code={code ?? ''}
      data-method={methodLabel(a)}
      style={{ top: index * rowHeight }}
      onMouseDown={() => onSelect(a.id)}
    >
      <div title={new Date(a.calledAt).toISOString()}>
        {clockTime(a.calledAt)}
        {typeof offsetMs === 'number' && (
          <span
            className="offset"
            data-testid="zoom-offset"
            title={`Zoom's clock minus this page's clock: ${signedSeconds(offsetMs / 1000)}${typeof a.clockUncertaintyMs === 'number' ? ` ±${signedSeconds(a.clockUncertaintyMs / 1000).replace(/^[+−-]/, '')}` : ''}${a.clockOffsetSource ? `, from ${a.clockOffsetSource}` : ''}`}
          >
            {signedSeconds(offsetMs / 1000).replace(' ', '')}
          </span>
        )}
      </div>
      <div title={a.api}>{methodLabel(a)}</div>
      <div className="mono">{a.meetingNumber === undefined || a.meetingNumber === null ? <span className="dim">—</span> : String(a.meetingNumber)}</div>
      <div className={`o-${a.outcome.kind}`} title={outcome}>
        {outcome}
      </div>
      <div title={top ? `${top.id}: ${top.message}` : 'no finding'}>
        {top ? (
          <span data-testid="top-finding" data-rule-id={top.id}>
            <span className={`sev sev-${top.severity}`} />
            {top.id}
          </span>
        ) : (
          <span className="dim">no finding</span>
        )}
      </div>
      <div title={a.issuer ? redactForDisplay(a.issuer.url) : 'issuing endpoint not seen'}>
        {a.issuer ? issuerLabel(a.issuer.url, a.pageUrl) : <span className="dim">—</span>}
      </div>
    </div>
  );
});
