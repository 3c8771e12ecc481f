import type { AttemptAnswer } from '../lib/correlate';
import type { JoinAttempt } from '../lib/model/attempt';
import type { Lang } from '../lib/rules/lang';
import { FixView } from './FixView';
import { RuleLink } from './RuleLink';
import { VerifyWithSecret } from './VerifyWithSecret';

const TONE: Record<AttemptAnswer['verdict'], string> = { FAIL: 'fail', ERROR: 'fail', WARN: 'warn', OK: 'ok', PASS: 'ok' };

/**
 * The attempt's answer, pinned above its findings: the verdict word (from the outcome), the primary
 * cause (the same one the Correlation tab groups by) and its fix in the backend's language. When
 * Zoom refused a token that passes every check, the secret field is right here: it is the one
 * thing the token cannot show.
 */
export function AnswerLine({ attempt, answer, sessionLang }: { attempt: JoinAttempt; answer: AttemptAnswer; sessionLang: Lang | null }) {
  return (
    <section className={`answer answer-${answer.kind}`} data-testid="answer" data-kind={answer.kind} data-verdict={answer.verdict} data-cause-key={answer.key ?? ''} aria-label="Cause and fix">
      <div className="answer-line">
        <span className={`verdict verdict-${TONE[answer.verdict]}`} data-testid="verdict">
          {answer.verdict}
        </span>
        <b className="answer-cause" data-testid="answer-cause">
          {answer.cause}
        </b>
        {answer.ruleId && <RuleLink id={answer.ruleId} />}
      </div>
      {answer.fix && <FixView key={`${attempt.id}:${answer.finding?.id ?? answer.kind}`} fix={answer.fix} sessionLang={sessionLang} />}
      {answer.kind === 'check-secret' && <VerifyWithSecret attempt={attempt} compact inline />}
    </section>
  );
}
