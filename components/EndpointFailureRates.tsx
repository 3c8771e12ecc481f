import type { EndpointRate } from '../lib/correlate';

/** Failure rate per issuing endpoint: the node-vs-Java comparison, done for you. */
export function EndpointFailureRates({ endpoints }: { endpoints: readonly EndpointRate[] }) {
  return (
    <section className="section" data-testid="endpoint-rates">
      <h3>Failure rate per issuing endpoint</h3>
      {endpoints.length === 0 ? (
        <p className="note section-body">No settled join yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Endpoint</th>
              <th className="num">Joins</th>
              <th className="num">Failed</th>
              <th className="num">3712</th>
              <th>Rate</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.endpoint} data-testid="endpoint-rate" data-endpoint={e.endpoint} data-rate={e.rate}>
                <td className="mono" title={e.text}>
                  {e.endpoint === '(unknown)' ? 'issuing request not seen' : e.endpoint}
                </td>
                <td className="num">{e.attempts}</td>
                <td className="num">{e.failures}</td>
                <td className="num">{e.failures3712}</td>
                <td>
                  <span className="bar" style={{ width: `${Math.round(e.rate * 60)}px` }} /> {Math.round(e.rate * 100)}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {endpoints.some((e) => e.endpoint === '(unknown)') && (
        <p className="note section-body">
          “Issuing request not seen”: the signature request happened before DevTools was open. Reload with DevTools open to link each token to its endpoint.
        </p>
      )}
    </section>
  );
}
