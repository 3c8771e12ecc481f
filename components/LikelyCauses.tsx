import type { Correlation } from '../lib/correlate';

/** The rules ranked by how well they separate failed joins from successful ones. */
export function LikelyCauses({ correlation: c, onRule }: { correlation: Correlation; onRule(id: string): void }) {
  const causes = c.causes;
  return (
    <section className="section" data-testid="likely-causes">
      <h3>Likely causes</h3>
      {causes.length === 0 ? (
        <p className="note section-body">
          {c.failures === 0
            ? 'No failed join in this session, so nothing to rank. Failures will be compared with successes here.'
            : 'No rule separates the failures from the successes. See the unexplained failures below for what to check next.'}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Rule</th>
              <th className="num">Failures with it</th>
              <th className="num">Successes with it</th>
              <th className="num">Score</th>
            </tr>
          </thead>
          <tbody>
            {causes.map((x, i) => (
              <tr key={x.id} data-testid="likely-cause" data-rule-id={x.id} data-rank={i + 1}>
                <td>
                  <span className={`sev sev-${x.severity}`} />
                  <button className="tool-btn" title="Show these attempts in the join log" onClick={() => onRule(x.id)}>
                    <code>{x.id}</code>
                  </button>{' '}
                  <span className="dim">{x.title}</span>
                  <div className="note">{x.text}</div>
                </td>
                <td className="num">
                  {x.failuresWith} of {x.failures}
                </td>
                <td className="num">
                  {x.successesWith} of {x.successes}
                </td>
                <td className="num">{x.score.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.quantization.verdict !== 'none' && (
        <p className="section-body warn-text" data-testid="quantization">
          {c.quantization.text}
        </p>
      )}
    </section>
  );
}
