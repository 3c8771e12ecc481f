import type { JoinAttempt } from '../lib/model/attempt';
import { analysisOf } from './state/analysis';
import { describeNonString, relativeToJoin } from './state/format';
import { ClaimTable } from './ClaimTable';
import { CopyButton } from './CopyButton';
import { FindingList } from './FindingList';
import { JoinArgumentsTable } from './JoinArgumentsTable';
import { VerifyWithSecret } from './VerifyWithSecret';
import { useSecretVersion } from './state/session-secret';

/**
 * The selected attempt's token: header and payload claim by claim, the JSON exactly as the
 * generator wrote it, the findings with fixes, and the join arguments. Captured text is only ever
 * rendered as React text nodes, so markup inside a claim shows as characters.
 */
export function TokenInspector({ attempt }: { attempt: JoinAttempt }) {
  useSecretVersion();
  const analysis = analysisOf(attempt);
  const { token, findings } = analysis;
  const exp = token.payload?.exp;
  const expiry =
    typeof exp === 'number' && exp > 1e8 && exp < 1e11
      ? `It stays valid until exp (${relativeToJoin(exp - attempt.calledAt / 1000)}).`
      : 'It may stay valid for up to 48 h.';

  return (
    <div data-testid="token-inspector" data-attempt-id={attempt.id}>
      <section className="section">
        <h3>
          Findings <span className={`verdict verdict-${analysis.verdict}`} data-testid="verdict">{analysis.verdict}</span>
        </h3>
        <FindingList findings={findings} emptyText="No rule found a problem in this token. If Zoom still refused it, check the Correlation tab's unexplained failures." />
      </section>

      {token.header && token.headerMembers && (
        <section className="section">
          <h3>Header</h3>
          <div className="section-body">
            <ClaimTable members={token.headerMembers} attempt={attempt} findings={findings} label="header" />
          </div>
        </section>
      )}

      <section className="section">
        <h3>
          <span className="grow">Payload</span>
          {token.payloadJson !== null && <CopyButton label="Copy payload" text={() => token.payloadJson ?? ''} testId="copy-payload" />}
          {token.token !== null && (
            <CopyButton
              label="Copy token"
              testId="copy-token"
              text={() => token.token ?? ''}
              warning={`This token is a live credential: anyone holding it can join as this app. ${expiry}`}
            />
          )}
        </h3>
        <div className="section-body">
          {token.payloadMembers ? (
            <ClaimTable members={token.payloadMembers} attempt={attempt} findings={findings} label="payload" />
          ) : (
            <p className="note">
              {token.original === null
                ? `The signature argument was ${describeNonString(attempt.signature)}, not a string: pass the JWT text your endpoint returned.`
                : 'The payload could not be decoded; see the findings above.'}
            </p>
          )}
        </div>
      </section>

      {(token.headerJson !== null || token.payloadJson !== null) && (
        <section className="section">
          <h3>Raw JSON as sent</h3>
          <div className="section-body">
            {token.headerJson !== null && <pre className="raw" data-testid="raw-header">{token.headerJson}</pre>}
            {token.payloadJson !== null && <pre className="raw" data-testid="raw-payload">{token.payloadJson}</pre>}
          </div>
        </section>
      )}

      <section className="section">
        <h3>Join arguments</h3>
        <div className="section-body">
          <JoinArgumentsTable attempt={attempt} />
        </div>
      </section>

      <VerifyWithSecret attempt={attempt} />
    </div>
  );
}
