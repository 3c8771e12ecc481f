import type { Finding } from '../lib/rules/types';

/** The analysis findings, most severe first as the engine ordered them, each with its fix. */
export function FindingList({ findings, emptyText }: { findings: readonly Finding[]; emptyText: string }) {
  if (findings.length === 0) return <p className="note" data-testid="no-findings">{emptyText}</p>;
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`} className={`finding ${f.severity}`} data-testid="finding" data-rule-id={f.id} data-severity={f.severity}>
          <div>
            <span className={`sev sev-${f.severity}`} />
            <span className="title">{f.title}</span>
            <span className="rule-id">{f.id}</span>
          </div>
          <div>{f.message}</div>
          <div className="fix">
            <b>Fix:</b> {f.fix}
          </div>
        </li>
      ))}
    </ul>
  );
}
