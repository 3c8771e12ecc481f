import { useEffect, useState, type FormEvent } from 'react';
import type { JoinAttempt } from '../lib/model/attempt';
import type { DecodedToken } from '../lib/token/types';
import type { Analysis, SecretVerification } from '../lib/rules/types';
import { verifySecret } from '../lib/verify-secret';
import { analyseWithVerification } from './state/analysis';
import { FindingList } from './FindingList';

type Result = { verification: SecretVerification; analysis: Analysis };

/** The secret rules only; the claim findings are already shown above. */
const SECRET_RULE = /^secret-/;

/**
 * Checks the HMAC with a secret the user pastes. The secret lives only in this component's state:
 * not in the store, not in any export, gone when another attempt is selected, the form is
 * cleared, or the panel closes.
 */
export function VerifyWithSecret({ attempt, token }: { attempt: JoinAttempt; token: DecodedToken }) {
  const [secret, setSecret] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  // DevTools may keep the panel document around while hidden; drop the secret when the page goes.
  useEffect(() => {
    const wipe = () => {
      setSecret('');
      setKey('');
      setResult(null);
    };
    window.addEventListener('pagehide', wipe);
    return () => window.removeEventListener('pagehide', wipe);
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return;
    setBusy(true);
    try {
      const verification = await verifySecret(token, secret, key || undefined);
      setResult({ verification, analysis: analyseWithVerification(attempt, verification) });
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    setSecret('');
    setKey('');
    setResult(null);
  };

  return (
    <section className="section" data-testid="verify-secret">
      <h3>Verify with secret (optional)</h3>
      <div className="section-body">
        <form className="secret-form" onSubmit={onSubmit} autoComplete="off">
          <label htmlFor="jd-secret">SDK / Client secret</label>
          <input
            id="jd-secret"
            data-testid="secret-input"
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <label htmlFor="jd-key">SDK key / Client ID</label>
          <input
            id="jd-key"
            data-testid="key-input"
            type="text"
            value={key}
            placeholder="optional: finds a swapped key and secret"
            onChange={(e) => setKey(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <div className="actions">
            <button className="btn" type="submit" disabled={!secret || busy || token.token === null} data-testid="verify-button">
              {busy ? 'Verifying…' : 'Verify'}
            </button>
            <button className="btn" type="button" onClick={clear} disabled={!secret && !key && !result}>
              Clear
            </button>
          </div>
        </form>
        <p className="note" data-testid="secret-notice">
          The secret is checked here, in memory (HMAC-SHA256 with jose). It is never saved, never sent anywhere, never
          included in exports, and it is cleared when you select another attempt or close DevTools.
        </p>
        {token.token === null && <p className="note">There is no token text to verify for this attempt.</p>}
        {result && <VerificationSummary result={result} />}
      </div>
    </section>
  );
}

function VerificationSummary({ result: { verification: v, analysis } }: { result: Result }) {
  let headline: string;
  let cls: string;
  if (v.unverifiable) {
    headline = `Could not check the signature: ${v.unverifiable}.`;
    cls = 'warn-text';
  } else if (v.verifies) {
    headline = 'The signature verifies with this secret.';
    cls = 'o-success';
  } else {
    headline = 'The signature does NOT verify with this secret.';
    cls = 'o-failure';
  }
  const secretFindings = analysis.findings.filter((f) => SECRET_RULE.test(f.id));
  return (
    <div data-testid="verification-result" data-verifies={String(v.verifies)} data-swapped={String(v.verifiesSwapped)}>
      <p className={cls}>
        <b>{headline}</b>
      </p>
      <FindingList findings={secretFindings} emptyText="The secret rules found nothing further." />
    </div>
  );
}
