import type { Correlation } from '../lib/correlate';
import { QUANTIZATION_THRESHOLD_TEXT } from '../lib/correlate';
import type { JoinAttempt } from '../lib/model/attempt';
import { selectActiveAttempts } from './state/selectors';
import { usePanel } from './state/store';
import { attemptLabel as formatAttemptLabel } from './state/format';

const KIND_LABEL = { cause: 'cause', suspect: 'suspect', unexplained: 'unexplained' } as const;
const KIND_SEV = { cause: 'error', suspect: 'warning', unexplained: 'info' } as const;

/** "#5 19:05:33 3712": the row number in the log, the time and the code, as the log shows them. */
export function attemptLabel(attempts: readonly JoinAttempt[], id: string): string {
  const i = attempts.findIndex((a) => a.id === id);
  const a = attempts[i];
  return a ? formatAttemptLabel(i, a.calledAt, a.outcome) : id;
}

/**
 * The session's failures grouped by primary cause (lib/correlate/primary-cause.ts): the headline
 * is the group that explains the most failures; each group lists its attempts.
 */
export function CauseGroups({ correlation: c, onRule, onPick }: { correlation: Correlation; onRule(id: string): void; onPick(id: string): void }) {
  const attempts = usePanel(selectActiveAttempts);
  const top = c.causes[0];
  return (
    <section className="section" data-testid="likely-causes">
      <h3>Failures by cause</h3>
      <div className="section-body">
        {!top ? (
          <p className="note" data-testid="cause-headline" data-key="">
            <b>{c.headline}</b> Failures will be grouped by what explains each of them here.
          </p>
        ) : (
          <>
            <p className={top.kind === 'cause' ? 'o-failure' : 'warn-text'} data-testid="cause-headline" data-key={top.key}>
              <b>{c.headline}</b>
            </p>
            <ol className="cause-groups">
              {c.causes.map((g, i) => (
                <li key={g.key} data-testid="likely-cause" data-rule-id={g.ruleIds[0] ?? ''} data-key={g.key} data-kind={g.kind} data-rank={i + 1} data-count={g.failures}>
                  <span className={`sev sev-${KIND_SEV[g.kind]}`} title={KIND_LABEL[g.kind]} />
                  <b>{g.failures}</b> of {g.ofFailures}: {g.title}
                  {g.verified && <span className="dim"> (verified with your secret in this panel)</span>}
                  {g.ruleIds.length > 0 && (
                    <>
                      {' '}
                      {g.ruleIds.slice(0, 3).map((id) => (
                        <button key={id} className="tool-btn" title="Show the attempts with this finding in the join log" onClick={() => onRule(id)}>
                          <code>{id}</code>
                        </button>
                      ))}
                    </>
                  )}
                  {g.kind !== 'unexplained' && g.successes > 0 && (
                    <span className="dim">
                      {' '}
                      · {g.successesWith} of {g.successes} successes carry it too
                    </span>
                  )}
                  <div className="note">
                    {g.attemptIds.slice(0, 12).map((id) => (
                      <button key={id} className="tool-btn mono" onClick={() => onPick(id)} data-testid="cause-attempt">
                        {attemptLabel(attempts, id)}
                      </button>
                    ))}
                    {g.attemptIds.length > 12 && ` and ${g.attemptIds.length - 12} more`}
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
        {c.quantization.verdict !== 'none' && (
          <p className="warn-text" data-testid="quantization">
            {c.quantization.text} Counted as evidence for a cause only when {QUANTIZATION_THRESHOLD_TEXT}.
          </p>
        )}
      </div>
    </section>
  );
}
