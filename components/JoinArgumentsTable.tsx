import type { JoinAttempt } from '../lib/model/attempt';
import { redactForDisplay, redactSignature } from '../lib/report/redact';
import { API_LABEL, clockTime, describeOutcome, formatNumber, sdkLabel, signedSeconds } from './state/format';
import { withoutSessionSecret } from './state/session-secret';

/** What the page passed to join and what came back; the signature is shown redacted as in exports. */
export function JoinArgumentsTable({ attempt: a }: { attempt: JoinAttempt }) {
  const video = a.sdk === 'video';
  const rows: Array<[string, string]> = [
    ['SDK', sdkLabel(a)],
    ['API', `${a.method ?? '—'} (${API_LABEL[a.api] ?? a.api})`],
    video
      ? ['topic', typeof a.topic === 'string' ? JSON.stringify(a.topic) : '—']
      : ['meetingNumber', a.meetingNumber === undefined || a.meetingNumber === null ? '—' : JSON.stringify(a.meetingNumber)],
    ['signature', `${redactSignature(a.signature) ?? '—'}${typeof a.signature === 'string' ? ` (${a.signature.length} chars; HMAC segment hidden)` : ''}`],
  ];
  if (a.sdkKey) rows.push(['sdkKey', a.sdkKey]);
  if (a.sdkVersion) rows.push(['SDK version', a.sdkVersion]);
  rows.push(['called at', `${new Date(a.calledAt).toISOString()} (page clock ${clockTime(a.calledAt)})`]);
  if (typeof a.settledAt === 'number') rows.push(['settled after', `${formatNumber(a.settledAt - a.calledAt)} ms`]);
  rows.push(['outcome', describeOutcome(a.outcome, a.sdk)]);
  if (a.outcome.kind === 'failure') {
    if (a.outcome.serverMessage) rows.push(["Zoom's message", a.outcome.serverMessage]);
    if (a.outcome.type) rows.push(['error type', a.outcome.type]);
  }
  if (typeof a.clockOffsetMs === 'number') {
    const pm = typeof a.clockUncertaintyMs === 'number' ? ` ±${formatNumber(Math.round(a.clockUncertaintyMs) / 1000)} s` : '';
    rows.push(['Zoom\'s clock', `${signedSeconds(a.clockOffsetMs / 1000)}${pm} vs this page${a.clockOffsetSource ? `, from ${a.clockOffsetSource}` : ''}`]);
  } else if (a.clockNote) {
    rows.push(['Zoom\'s clock', `not used: ${a.clockNote}; times are checked against this page's clock`]);
  }
  if (a.issuer) {
    rows.push(['issued by', `${a.issuer.method ?? 'GET/POST'} ${redactForDisplay(a.issuer.url)}`]);
    if (typeof a.issuer.serverDate === 'number') rows.push(['issuer Date header', new Date(a.issuer.serverDate).toISOString()]);
  }
  // URLs as shown: Zoom's web sample puts the full JWT (and passcode) in the meeting page's query.
  if (a.pageUrl) rows.push(['page', redactForDisplay(a.pageUrl)]);
  if (a.frameUrl && a.frameUrl !== a.pageUrl) rows.push(['frame', redactForDisplay(a.frameUrl)]);
  return (
    <table className="kv" data-testid="join-arguments">
      <tbody>
        {withoutSessionSecret(rows).map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td className="value">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
