import type { JoinAttempt } from '../lib/model/attempt';
import type { JsonMember } from '../lib/token/types';
import type { Finding } from '../lib/rules/types';
import { findingText } from '../lib/report/finding-text';
import { duration, epochSecondsIso, relativeToJoin } from './state/format';

interface Props {
  /** Members of the header or payload with their literal text. */
  members: Record<string, JsonMember>;
  attempt: JoinAttempt;
  findings: readonly Finding[];
  label: string;
}

const TIME_CLAIMS = new Set(['iat', 'exp', 'tokenExp', 'nbf']);
const ROLE_TEXT: Record<string, string> = { '0': 'participant', '1': 'host / co-host (starting needs zak)' };
const WEBRTC_TEXT: Record<string, string> = { '0': 'WebRTC off', '1': 'WebRTC on' };

/** Seconds values that can be shown as dates; millisecond or absurd values are left to the findings. */
const plausibleEpochSeconds = (v: unknown): v is number => typeof v === 'number' && v > 1e8 && v < 1e11;

/**
 * Every claim with its literal as sent and what it means for this join. Judgements (is mn the
 * joined meeting? is iat in the future?) come from the findings about that claim, not from here.
 */
export function ClaimTable({ members, attempt, findings, label }: Props) {
  const joinSec = attempt.calledAt / 1000;
  const iat = members.iat?.value;
  const rows = Object.values(members);
  if (rows.length === 0) return <p className="note">The {label} has no members.</p>;
  return (
    <table className="kv" aria-label={label} data-testid={`claims-${label}`}>
      <tbody>
        {rows.map((m) => {
          const about = findings.filter((f) => f.claim === m.key);
          const notes: string[] = [];
          if (TIME_CLAIMS.has(m.key) && plausibleEpochSeconds(m.value)) {
            notes.push(`${epochSecondsIso(m.value)} (${relativeToJoin(m.value - joinSec)})`);
            if (m.key !== 'iat' && plausibleEpochSeconds(iat)) notes.push(`${m.key} − iat = ${duration(m.value - iat)}`);
          }
          if (m.key === 'mn') {
            const joined = attempt.meetingNumber;
            notes.push(joined === undefined || joined === null ? 'joined meeting not captured' : `joined meeting: ${String(joined)}`);
          }
          if ((m.key === 'appKey' || m.key === 'sdkKey') && attempt.sdkKey) notes.push(`join was passed sdkKey ${attempt.sdkKey}`);
          if (m.key === 'role' && ROLE_TEXT[String(m.value)]) notes.push(ROLE_TEXT[String(m.value)]!);
          // Video SDK: tpc against the topic joined, role_type as for role (issue 11).
          if (m.key === 'tpc') notes.push(typeof attempt.topic === 'string' ? `joined topic: ${JSON.stringify(attempt.topic)} (compared case-insensitively)` : 'joined topic not captured');
          if (m.key === 'role_type' && ROLE_TEXT[String(m.value)] && typeof m.value === 'number') notes.push(ROLE_TEXT[String(m.value)]!);
          if (m.key === 'video_webrtc_mode' && WEBRTC_TEXT[String(m.value)]) notes.push(WEBRTC_TEXT[String(m.value)]!);
          const flagged = about.some((f) => f.severity === 'error');
          const isNumber = typeof m.value === 'number' || typeof m.value === 'boolean' || m.value === null;
          return (
            <tr key={m.key} className={flagged ? 'flagged' : undefined} data-claim={m.key}>
              <th scope="row">{m.key}</th>
              <td>
                <div className={`value${isNumber ? ' nowrap' : ''}`} data-testid="claim-value">
                  {m.raw}
                </div>
                {(notes.length > 0 || about.length > 0) && (
                  <div className="claim-notes">
                    {notes.map((n) => (
                      <span key={n} className="claim-note">
                        {n}
                      </span>
                    ))}
                    {about.map((f, i) => (
                      // The finding itself (fact, why, fix) is in Findings; here only which one, once.
                      <a
                        key={`${f.id}-${i}`}
                        className={`claim-finding ${f.severity}`}
                        href={`#finding-${f.id}-${findings.indexOf(f)}`}
                        title={findingText(f).fact}
                        data-testid="claim-finding"
                        onClick={(e) => {
                          e.preventDefault();
                          const li = document.getElementById(`finding-${f.id}-${findings.indexOf(f)}`);
                          li?.scrollIntoView({ block: 'nearest' });
                          li?.querySelector('summary')?.focus();
                        }}
                      >
                        <span className={`sev sev-${f.severity}`} />
                        {f.id}
                      </a>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
