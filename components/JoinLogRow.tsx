import { memo } from 'react';
import type { JoinAttempt } from '../lib/model/attempt';
import type { Correlation } from '../lib/correlate';
import type { LogColumn } from './state/columns';
import { redactForDisplay } from '../lib/report/redact';
import { analysisOf } from './state/analysis';
import { rowAnswerOf } from './state/answer';
import { classifyOutcome, isFailure, topAffectingFinding } from '../lib/correlate';
import { describeOutcome, issuerLabel, logTime, methodLabel, outcomeCode, sdkLabel, signedSeconds } from './state/format';

interface Props {
  attempt: JoinAttempt;
  /** Position in the filtered list; decides where the row sits in the scroll area. */
  index: number;
  selected: boolean;
  rowHeight: number;
  columns: readonly LogColumn[];
  /** Outcome as its code only (narrow dock); the message stays in the tooltip. */
  compactOutcome: boolean;
  onSelect(id: string): void;
  /** The session secret's result version: a new one re-renders the row with the secret rules applied. */
  secretVersion?: number;
  /** The session's attempts, for the row's cause (the same one the inspector and Correlation name). */
  attempts: readonly JoinAttempt[];
  /** The session's correlation once it has landed, so rows re-read their cause. */
  correlation?: Correlation | null;
}

/**
 * One attempt in the join log. Its analysis (for the top finding) runs the first time the row
 * scrolls into view, so a long log never analyses rows nobody looked at.
 */
export const JoinLogRow = memo(function JoinLogRow({ attempt: a, index, selected, rowHeight, columns, compactOutcome, onSelect, attempts }: Props) {
  const cls = classifyOutcome(a.outcome);
  const answer = columns.includes('finding') && isFailure(cls) ? rowAnswerOf(a, attempts) : null;
  const top = columns.includes('finding') && !answer ? topAffectingFinding(analysisOf(a).findings, cls) : null;
  const code = outcomeCode(a.outcome);
  const outcome = describeOutcome(a.outcome, a.sdk);
  const offsetMs = a.clockOffsetMs;
  const cell = (c: LogColumn) => {
    switch (c) {
      case 'time':
        return (
          <div key={c} role="gridcell" title={new Date(a.calledAt).toISOString()}>
            {logTime(a.calledAt)}
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
        );
      case 'api':
        return (
          <div key={c} role="gridcell" title={`${sdkLabel(a)} · ${a.api}`}>
            <span className={`sdk-tag sdk-${a.sdk ?? 'meeting'}`} data-testid="attempt-sdk">{a.sdk === 'video' ? 'V' : 'M'}</span>
            {methodLabel(a)}
          </div>
        );
      case 'meeting':
        return (
          <div key={c} role="gridcell" className="mono" title={a.sdk === 'video' ? 'Video SDK session topic' : 'meeting number'}>
            {a.sdk === 'video' ? (typeof a.topic === 'string' ? a.topic : <span className="dim">—</span>) : a.meetingNumber === undefined || a.meetingNumber === null ? <span className="dim">—</span> : String(a.meetingNumber)}
          </div>
        );
      case 'outcome':
        return (
          <div key={c} role="gridcell" className={`o-${a.outcome.kind}`} title={outcome} data-testid="outcome-cell">
            {compactOutcome ? compactOutcomeText(a, code) : outcome}
          </div>
        );
      case 'finding':
        if (answer) {
          return (
            <div key={c} role="gridcell" title={`${answer.cause}${answer.fix ? `\nFix: ${answer.fix}` : ''}`} className="cause-cell">
              <span data-testid="top-finding" data-rule-id={answer.ruleId ?? ''} data-cause-key={answer.key ?? ''} data-kind={answer.kind}>
                <span className={`sev sev-${answer.kind === 'cause' ? 'error' : answer.kind === 'suspect' || answer.kind === 'check-secret' ? 'warning' : 'info'}`} />
                {answer.cause}
              </span>
            </div>
          );
        }
        return (
          <div key={c} role="gridcell" title={top ? `${top.id}: ${top.message}` : 'no finding that affects this join'}>
            {top ? (
              <span data-testid="top-finding" data-rule-id={top.id}>
                <span className={`sev sev-${top.severity}`} />
                {top.id}
              </span>
            ) : (
              <span className="dim">—</span>
            )}
          </div>
        );
      case 'issuer':
        return (
          <div key={c} role="gridcell" title={a.issuer ? redactForDisplay(a.issuer.url) : 'issuing endpoint not seen'}>
            {a.issuer ? issuerLabel(a.issuer.url, a.pageUrl) : <span className="dim">—</span>}
          </div>
        );
    }
  };
  return (
    <div
      className="log-row"
      role="row"
      aria-rowindex={index + 2}
      id={`attempt-${a.id}`}
      aria-selected={selected}
      data-testid="attempt-row"
      data-attempt-id={a.id}
      data-outcome={a.outcome.kind}
      data-code={code ?? ''}
      data-method={methodLabel(a)}
      data-sdk={a.sdk ?? 'meeting'}
      style={{ top: index * rowHeight }}
      onMouseDown={() => onSelect(a.id)}
    >
      {columns.map(cell)}
    </div>
  );
});

const COMPACT: Record<JoinAttempt['outcome']['kind'], string> = { success: 'ok', failure: 'fail', 'silent-refusal': 'refused', timeout: 'timeout', superseded: 'replaced', pending: '…' };

function compactOutcomeText(a: JoinAttempt, code: number | null): string {
  return a.outcome.kind === 'failure' && code !== null ? String(code) : COMPACT[a.outcome.kind];
}
