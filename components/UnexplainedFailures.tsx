import type { UnexplainedFailures as Unexplained } from '../lib/correlate';

/** Failures no rule explains, with what to check next (things the token alone cannot tell). */
export function UnexplainedFailures({ unexplained: u, labelOf, onPick }: { unexplained: Unexplained; labelOf(id: string): string; onPick(id: string): void }) {
  return (
    <section className="section" data-testid="unexplained" data-count={u.attemptIds.length}>
      <h3>Unexplained failures ({u.attemptIds.length})</h3>
      <div className="section-body">
        <p>{u.text}</p>
        {u.checks.length > 0 && (
          <ul style={{ margin: '2px 0', paddingLeft: 18 }}>
            {u.checks.map((c) => (
              <li key={c.id} data-check={c.id}>
                {c.text}
              </li>
            ))}
          </ul>
        )}
        {u.attemptIds.length > 0 && (
          <p className="note">
            Attempts:{' '}
            {u.attemptIds.slice(0, 20).map((id) => (
              <button key={id} className="tool-btn mono" title={`Open ${id} in the join log`} data-testid="unexplained-attempt" data-attempt-id={id} onClick={() => onPick(id)}>
                {labelOf(id)}
              </button>
            ))}
            {u.attemptIds.length > 20 && ` and ${u.attemptIds.length - 20} more`}
          </p>
        )}
      </div>
    </section>
  );
}
