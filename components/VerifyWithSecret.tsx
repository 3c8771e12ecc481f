import { useEffect, useState, type FormEvent } from 'react';
import type { JoinAttempt } from '../lib/model/attempt';
import type { SecretVerification } from '../lib/rules/types';
import { analysisOf } from './state/analysis';
import { selectActiveAttempts } from './state/selectors';
import { clearSessionSecret, setSessionSecret, tallyVerifications, useSecretVersion, useSessionSecret, verificationFor, verifyNewAttempts } from './state/session-secret';
import { usePanel } from './state/store';
import { FindingList } from './FindingList';

/** The secret rules only; the claim findings are already shown above. */
const SECRET_RULE = /^secret-/;

/** Keeps newly captured attempts checked while a session secret is set (mounted once, in App). */
export function SessionSecretWatcher() {
  const attempts = usePanel(selectActiveAttempts);
  const hasSecret = useSessionSecret((s) => s.secret !== '');
  useEffect(() => {
    if (hasSecret) void verifyNewAttempts(attempts);
  }, [attempts, hasSecret]);
  return null;
}

/**
 * The SDK secret for the whole session: pasted once, applied to every attempt. The secret lives in
 * memory only (components/state/session-secret.ts), never in the panel store, storage or exports.
 * `attempt`, when given, is the one whose result is shown in detail below the form.
 */
export function VerifyWithSecret({ attempt, compact = false, inline = false }: { attempt?: JoinAttempt; compact?: boolean; inline?: boolean }) {
  const attempts = usePanel(selectActiveAttempts);
  const active = useSessionSecret((s) => s.secret !== '');
  const checking = useSessionSecret((s) => s.checking);
  const byToken = useSessionSecret((s) => s.byToken);
  useSecretVersion();
  const page = usePanel((s) => s.host === 'page');
  const [secret, setSecret] = useState('');
  const [key, setKey] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return;
    void setSessionSecret(secret, key, attempts);
    // The field does not keep it: the session store holds the only copy, wiped on Forget.
    setSecret('');
    setKey('');
  };

  const tally = tallyVerifications(byToken);
  const verification = attempt ? verificationFor(attempt) : undefined;
  // Three forms can be on screen at once (answer line, inspector, Correlation): each needs its own ids.
  const idSuffix = inline ? '-i' : compact ? '-c' : '';
  const Wrapper = inline ? 'div' : 'section';

  return (
    <Wrapper className={inline ? 'secret-inline' : 'section'} data-testid="verify-secret" data-active={String(active)} data-inline={String(inline)}>
      {!inline && <h3>Verify with secret{compact ? '' : ' (optional)'}: every attempt of this session</h3>}
      <div className={inline ? '' : 'section-body'}>
        {!active ? (
          <form className="secret-form" onSubmit={onSubmit} autoComplete="off">
            <label htmlFor={`jd-secret${idSuffix}`}>SDK / Client secret</label>
            <input
              id={`jd-secret${idSuffix}`}
              data-testid="secret-input"
              type="password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
            <label htmlFor={`jd-key${idSuffix}`}>SDK key / Client ID</label>
            <input
              id={`jd-key${idSuffix}`}
              data-testid="key-input"
              type="text"
              value={key}
              placeholder="optional: finds a swapped key and secret"
              onChange={(e) => setKey(e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
            <div className="actions">
              <button className="btn" type="submit" disabled={!secret} data-testid="verify-button">
                Verify all
              </button>
            </div>
          </form>
        ) : (
          <div className="secret-active" data-testid="secret-tally">
            <p>
              <b>{checking ? `Checking ${attempts.length} attempts…` : `Secret set for this session: ${tallyText(tally)}.`}</b>{' '}
              <button className="btn" type="button" onClick={clearSessionSecret} data-testid="forget-secret">
                Forget secret
              </button>
            </p>
          </div>
        )}
        {inline ? (
          <p className="note" data-testid="secret-notice" hidden={active}>
            Checked in memory for every attempt of this session; never saved, sent or exported.
          </p>
        ) : (
          <p className="note" data-testid="secret-notice">
            Checked here, in memory (HMAC-SHA256 with jose), for every attempt of this session and those captured next. The
            secret is never saved, never sent anywhere and never included in exports (they only say which attempts were
            checked); it is gone when you press Forget or close {page ? 'this tab' : 'DevTools'}.
          </p>
        )}
        {attempt && verification && <VerificationSummary attempt={attempt} verification={verification} />}
      </div>
    </Wrapper>
  );
}

function tallyText(t: ReturnType<typeof tallyVerifications>): string {
  const parts = [`${t.tokens} distinct ${t.tokens === 1 ? 'token' : 'tokens'} checked`];
  if (t.verify) parts.push(`${t.verify} verify`);
  if (t.verifyTrimmed) parts.push(`${t.verifyTrimmed} verify only with the secret's whitespace changed`);
  if (t.swapped) parts.push(`${t.swapped} signed with the key (swapped)`);
  if (t.mismatch) parts.push(`${t.mismatch} do not verify`);
  if (t.unverifiable) parts.push(`${t.unverifiable} cannot be checked`);
  return parts.join(', ');
}

/** One attempt's result; a secret that verifies once its whitespace changes is said as such, first. */
export function verificationHeadline(v: SecretVerification): { text: string; cls: string } {
  if (v.unverifiable) return { text: `Could not check the signature: ${v.unverifiable}.`, cls: 'warn-text' };
  if (v.verifies) return { text: 'The signature verifies with this secret.', cls: 'o-success' };
  if (v.whitespaceVariant) {
    return {
      text: `The signature verifies with the secret ${v.whitespaceVariant}: the backend signs with a secret whose whitespace differs from the one you gave.`,
      cls: 'warn-text',
    };
  }
  if (v.verifiesSwapped) return { text: 'The signature verifies with the SDK key as the secret: key and secret are swapped in the backend.', cls: 'o-failure' };
  return { text: 'The signature does NOT verify with this secret.', cls: 'o-failure' };
}

function VerificationSummary({ attempt, verification: v }: { attempt: JoinAttempt; verification: SecretVerification }) {
  const { text, cls } = verificationHeadline(v);
  const secretFindings = analysisOf(attempt).findings.filter((f) => SECRET_RULE.test(f.id));
  return (
    <div data-testid="verification-result" data-verifies={String(v.verifies)} data-swapped={String(v.verifiesSwapped)} data-whitespace={v.whitespaceVariant ?? ''}>
      <p className={cls}>
        <b>This attempt: {text}</b>
      </p>
      <FindingList findings={secretFindings} emptyText="The secret rules found nothing further." />
    </div>
  );
}
