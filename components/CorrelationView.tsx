import { useMemo } from 'react';
import { namedOutcomeCounts } from '../lib/report/report-facts';
import { attemptLabel } from './state/format';
import { useCorrelationProgress, useSessionCorrelation } from './state/correlation';
import { positionOf } from './state/session-index';
import { selectActiveAttempts } from './state/selectors';
import { usePanel } from './state/store';
import { EndpointFailureRates } from './EndpointFailureRates';
import { IatOffsetPlot } from './IatOffsetPlot';
import { CauseGroups } from './CauseGroups';
import { VerifyWithSecret } from './VerifyWithSecret';
import { useSessionSecret } from './state/session-secret';
import { UnexplainedFailures } from './UnexplainedFailures';
import { SdkBreakdown } from './SdkBreakdown';

/**
 * Across the whole session: which findings go with failures, the iat offsets over time, each
 * endpoint's failure rate and what is left unexplained. Computed after a first paint that says
 * so, because analysing thousands of attempts takes a moment.
 */
export function CorrelationView() {
  const page = usePanel((s) => s.host === 'page');
  const attempts = usePanel(selectActiveAttempts);
  const select = usePanel((s) => s.select);
  const setView = usePanel((s) => s.setView);
  const setFilter = usePanel((s) => s.setFilter);
  const secretActive = useSessionSecret((s) => s.secret !== '');
  const c = useSessionCorrelation(attempts, { keepPrevious: true });
  const progress = useCorrelationProgress();
  const outcomes = useMemo(() => namedOutcomeCounts(attempts.map((a) => a.outcome)), [attempts]);
  // "#5 19:05:33 3712": the row number in the unfiltered log, its time and its code.
  const labelOf = useMemo(() => {
    return (id: string) => {
      const i = positionOf(attempts, id);
      return i < 0 ? id : attemptLabel(i, attempts[i]!.calledAt, attempts[i]!.outcome);
    };
  }, [attempts]);

  const pick = (id: string) => {
    setFilter({ outcomes: [], text: '' });
    select(id);
    setView('log');
  };

  if (attempts.length === 0) {
    return (
      <div className="empty corr" data-testid="correlation-empty">
        <h2>No join to correlate yet</h2>
        <p>
          {page
            ? 'Open a HAR recorded during the joins (or an export, or paste a token); intermittent 3712s need several joins.'
            : 'Reload the page with DevTools open, or call ZoomMtg.join; intermittent 3712s need several joins, so join a few times (or import a HAR).'}
        </p>
      </div>
    );
  }
  if (!c) {
    const done = progress.total === attempts.length ? progress.analysed : 0;
    return (
      <div className="empty corr" data-testid="correlation-loading">
        <h2>Analysing {attempts.length} attempts…</h2>
        {done > 0 && <progress max={attempts.length} value={done} aria-label="Attempts analysed" data-testid="correlation-progress" />}
      </div>
    );
  }
  return (
    <div className="corr" data-testid="correlation-view">
      <div className="banner info" data-testid="outcome-summary">
        {outcomes.map((o) => `${o.count} × ${o.label}`).join(' · ')}
      </div>
      <SdkBreakdown sdks={c.sdks} />
      <CauseGroups
        correlation={c}
        onRule={(id) => {
          setFilter({ outcomes: [], text: `rule:${id}` });
          setView('log');
        }}
        onPick={pick}
      />
      <section className="section">
        <h3>iat − join time per attempt</h3>
        <div className="section-body">
          <IatOffsetPlot points={c.offsets.points} labelOf={labelOf} onPick={pick} />
          {c.offsets.split && (
            <p data-testid="offset-split">
              <b>{c.offsets.split.text}</b>
            </p>
          )}
        </div>
      </section>
      <EndpointFailureRates endpoints={c.endpoints} sdks={c.sdks} />
      <UnexplainedFailures unexplained={c.unexplained} labelOf={labelOf} onPick={pick} />
      {(c.unexplained.attemptIds.length > 0 || secretActive) && <VerifyWithSecret compact />}
    </div>
  );
}
