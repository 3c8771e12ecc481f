import type { EndpointRate, SdkOutcomeCounts } from '../lib/correlate';
import { MADE_IN_PAGE_ENDPOINT, UNKNOWN_ENDPOINT } from '../lib/correlate/endpoints';

/**
 * Failure rate per issuing endpoint: the node-vs-Java comparison, done for you. The signature
 * columns are the session's SDKs' own: 3712 for Meeting SDK joins, Zoom's JWT refusal (124) for
 * Video SDK joins, which never report 3712.
 */
export function EndpointFailureRates({ endpoints, sdks }: { endpoints: readonly EndpointRate[]; sdks?: readonly Pick<SdkOutcomeCounts, 'sdk'>[] }) {
  // An export from before Video SDK support has no SDK list: all its joins are Meeting SDK joins.
  const meeting = !sdks || sdks.length === 0 || sdks.some((s) => s.sdk === 'meeting');
  const video = !!sdks?.some((s) => s.sdk === 'video');
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
              {meeting && <th className="num">3712</th>}
              {video && (
                <th className="num" title="Video SDK joins whose JWT Zoom refused (wc/lsdk error 124: Verify JWT failed, expired or invalid topic)">
                  JWT refused
                </th>
              )}
              <th>Rate</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.endpoint} data-testid="endpoint-rate" data-endpoint={e.endpoint} data-rate={e.rate}>
                <td className="mono" title={e.text}>
                  {e.endpoint === UNKNOWN_ENDPOINT ? 'issuing request not seen' : e.endpoint === MADE_IN_PAGE_ENDPOINT ? 'made in the page' : e.endpoint}
                </td>
                <td className="num">{e.attempts}</td>
                <td className="num">{e.failures}</td>
                {meeting && <td className="num">{e.failures3712}</td>}
                {video && <td className="num">{e.failuresJwt ?? 0}</td>}
                <td>
                  <span className="bar" style={{ width: `${Math.round(e.rate * 60)}px` }} /> {Math.round(e.rate * 100)}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {endpoints.some((e) => e.endpoint === MADE_IN_PAGE_ENDPOINT) && (
        <p className="note section-body" data-testid="made-in-page-note">
          “Made in the page”: DevTools watched the page from its start and no response carried the token, so the page signed it itself. That means the SDK secret is in the page's code and ships to every visitor (Zoom's samples sign in the browser for development only). Sign on your server and fetch the token instead.
        </p>
      )}
      {endpoints.some((e) => e.endpoint === UNKNOWN_ENDPOINT) && (
        <p className="note section-body">
          “Issuing request not seen”: the signature request happened before DevTools was open. Reload with DevTools open to link each token to its endpoint.
        </p>
      )}
    </section>
  );
}
