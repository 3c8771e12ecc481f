import { isInitAttempt, type JoinAttempt } from '../lib/model/attempt';
import { affectsJoin, classifyOutcome } from '../lib/correlate';
import { analysisOf } from './state/analysis';
import { answerOf } from './state/answer';
import { useSessionCorrelation } from './state/correlation';
import { positionOf } from './state/session-index';
import { sessionLanguage } from './state/fix-language';
import { attemptLabel, describeNonString, methodLabel, relativeToJoin, sdkLabel } from './state/format';
import { selectActiveAttempts } from './state/selectors';
import { usePanel } from './state/store';
import { AnswerLine } from './AnswerLine';
import { ClaimTable } from './ClaimTable';
import { CopyButton } from './CopyButton';
import { FindingList } from './FindingList';
import { JoinArgumentsTable } from './JoinArgumentsTable';
import { Section } from './Section';
import { VerifyWithSecret } from './VerifyWithSecret';
import { useSecretVersion } from './state/session-secret';

/**
 * The selected attempt: a header naming it, its answer (verdict, cause, fix) pinned on top, then
 * the findings that affect the join (the rest folded to one line), the token claim by claim, the
 * JSON exactly as the generator wrote it and the join arguments, each section foldable. An init row
 * (ZoomMtg.init, client.init) has no token: it says so instead of judging an absent signature, and
 * offers no secret check. Captured text is only ever rendered as React text nodes, so markup inside
 * a claim shows as characters.
 */
export function TokenInspector({ attempt }: { attempt: JoinAttempt }) {
  useSecretVersion();
  const attempts = usePanel(selectActiveAttempts);
  // Subscribes to the background correlation: the answer takes the session's cause when it lands.
  useSessionCorrelation(attempts);
  const analysis = analysisOf(attempt);
  const answer = answerOf(attempt, attempts);
  const cls = classifyOutcome(attempt.outcome);
  const { findings } = analysis;
  const at = positionOf(attempts, attempt.id);
  const index = attempts[at] === attempt ? at : -1;
  const meeting = attempt.sdk === 'video' ? attempt.topic : attempt.meetingNumber;

  return (
    <div className="inspector" data-testid="token-inspector" data-attempt-id={attempt.id}>
      <div className="inspector-head" data-testid="inspector-head">
        <h2 className="inspector-title">
          {index >= 0 ? attemptLabel(index, attempt.calledAt, attempt.outcome) : attempt.id}
          <span className="dim">
            {' '}
            · {methodLabel(attempt)} · {sdkLabel(attempt)}
            {meeting !== undefined && meeting !== null && meeting !== '' ? ` · ${String(meeting)}` : ''}
          </span>
        </h2>
        <AnswerLine attempt={attempt} answer={answer} sessionLang={sessionLanguage(attempts)} />
      </div>

      <Section id="findings" title={`Findings (${findings.length})`}>
        <FindingList
          findings={findings}
          affects={(f) => affectsJoin(f, cls)}
          emptyText="No rule found a problem that affects this join."
        />
      </Section>

      {isInitAttempt(attempt) ? (
        <Section id="no-token" title="Token">
          <p className="note" data-testid="init-no-token">
            {methodLabel(attempt)} takes no signature: the token goes to join, and the join that would have carried one was never called.
          </p>
        </Section>
      ) : (
        <TokenSections attempt={attempt} analysis={analysis} />
      )}

      <Section id="arguments" title="Join arguments">
        <JoinArgumentsTable attempt={attempt} />
      </Section>

      {answer.kind !== 'check-secret' && !isInitAttempt(attempt) && <VerifyWithSecret attempt={attempt} />}
    </div>
  );
}

/** The token claim by claim, as the generator wrote it: header, payload, raw JSON. */
function TokenSections({ attempt, analysis }: { attempt: JoinAttempt; analysis: ReturnType<typeof analysisOf> }) {
  const { token, findings } = analysis;
  const exp = token.payload?.exp;
  const expiry =
    typeof exp === 'number' && exp > 1e8 && exp < 1e11
      ? `It stays valid until exp (${relativeToJoin(exp - attempt.calledAt / 1000)}).`
      : 'It may stay valid for up to 48 h.';
  return (
    <>
      {token.header && token.headerMembers && (
        <Section id="header" title="Header">
          <ClaimTable members={token.headerMembers} attempt={attempt} findings={findings} label="header" />
        </Section>
      )}

      <Section
        id="payload"
        title="Payload"
        extra={
          <>
            <span className="grow" />
            {token.payloadJson !== null && <CopyButton label="Copy payload" text={() => token.payloadJson ?? ''} testId="copy-payload" />}
            {token.token !== null && (
              <CopyButton
                label="Copy token"
                testId="copy-token"
                text={() => token.token ?? ''}
                warning={`This token is a live credential: anyone holding it can join as this app. ${expiry}`}
              />
            )}
          </>
        }
      >
        {token.payloadMembers ? (
          <ClaimTable members={token.payloadMembers} attempt={attempt} findings={findings} label="payload" />
        ) : (
          <p className="note">
            {token.original === null
              ? `The signature argument was ${describeNonString(attempt.signature)}, not a string: pass the JWT text your endpoint returned.`
              : 'The payload could not be decoded; see the findings above.'}
          </p>
        )}
      </Section>

      {(token.headerJson !== null || token.payloadJson !== null) && (
        <Section id="raw" title="Raw JSON as sent">
          {token.headerJson !== null && <pre className="raw" data-testid="raw-header">{token.headerJson}</pre>}
          {token.payloadJson !== null && <pre className="raw" data-testid="raw-payload">{token.payloadJson}</pre>}
        </Section>
      )}
    </>
  );
}
