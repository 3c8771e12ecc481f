import type { Finding } from '../lib/rules/types';
import { findingText } from '../lib/report/finding-text';
import { RuleLink } from './RuleLink';

/**
 * The analysis findings, most severe first as the engine ordered them. Each reads in one line as
 * its measured fact; the explanation and the per-language fix sit behind "why / how to fix", so a
 * docked panel shows every finding and the join arguments without scrolling past paragraphs.
 */
export function FindingList({ findings, emptyText }: { findings: readonly Finding[]; emptyText: string }) {
  if (findings.length === 0) return <p className="note" data-testid="no-findings">{emptyText}</p>;
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((f, i) => {
        const { fact, detail } = findingText(f);
        return (
          <li
            key={`${f.id}-${i}`}
            id={`finding-${f.id}-${i}`}
            className={`finding ${f.severity}`}
            data-testid="finding"
            data-rule-id={f.id}
            data-severity={f.severity}
          >
            <div className="fact-line">
              <span className={`sev sev-${f.severity}`} title={f.severity} />
              <span className="fact" data-testid="finding-fact">
                {fact}
              </span>
              <RuleLink id={f.id} />
            </div>
            <details className="why" data-testid="finding-why">
              <summary>why / how to fix</summary>
              <div className="title">{f.title}</div>
              {detail && <p>{detail}</p>}
              <p className="fix">
                <b>Fix:</b> {f.fix}
              </p>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
