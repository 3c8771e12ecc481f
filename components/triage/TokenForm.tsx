import { useState, type FormEvent } from 'react';
import { usePanelStoreApi } from '../state/store';
import { MAX_PASTED_TOKEN_CHARS, pastedTokenAttempt } from '../../lib/triage/pasted-token';

export const PASTED_SESSION = 'Pasted tokens';

/**
 * A token a customer pasted into a ticket, with what their page passed to join: checked as
 * `join-doctor check` checks it, shown in the same log and inspector as a HAR's joins. Each token
 * joins the "Pasted tokens" session (a file opened after replaces it, as in the panel).
 * The fields are cleared once read: the token is a credential.
 */
export function TokenForm({ onDone }: { onDone(): void }) {
  const api = usePanelStoreApi();
  const [token, setToken] = useState('');
  const [meetingNumber, setMeetingNumber] = useState('');
  const [sdkKey, setSdkKey] = useState('');
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    if (!t) return;
    if (t.length > MAX_PASTED_TOKEN_CHARS) {
      setError(`That is ${t.length} characters; a Zoom SDK token is a few hundred. Paste only the signature.`);
      return;
    }
    const s = api.getState();
    const previous = s.imported?.kind === 'tokens' ? s.imported.attempts : [];
    const attempt = pastedTokenAttempt({ token: t, meetingNumber, sdkKey, topic }, previous.length + 1, Date.now());
    s.importSession({ fileName: PASTED_SESSION, kind: 'tokens', importedAt: Date.now(), attempts: [...previous, attempt], warnings: [] });
    s.setView('log');
    s.select(attempt.id);
    setToken('');
    setError(null);
    onDone();
  };

  return (
    <form className="token-form" onSubmit={onSubmit} autoComplete="off" data-testid="token-form" aria-label="Check a pasted token">
      <label htmlFor="jd-paste-token">Signature (JWT)</label>
      <textarea
        id="jd-paste-token"
        data-testid="paste-token"
        rows={3}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        spellCheck={false}
        placeholder="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ…"
      />
      <label htmlFor="jd-paste-mn">Meeting number</label>
      <input id="jd-paste-mn" data-testid="paste-meeting" value={meetingNumber} onChange={(e) => setMeetingNumber(e.target.value)} spellCheck={false} placeholder="as passed to join (checks mn)" />
      <label htmlFor="jd-paste-key">SDK key</label>
      <input id="jd-paste-key" data-testid="paste-sdk-key" value={sdkKey} onChange={(e) => setSdkKey(e.target.value)} spellCheck={false} placeholder="optional (checks appKey)" />
      <label htmlFor="jd-paste-topic">Topic</label>
      <input id="jd-paste-topic" data-testid="paste-topic" value={topic} onChange={(e) => setTopic(e.target.value)} spellCheck={false} placeholder="Video SDK only (checks tpc)" />
      <div className="actions">
        <button className="btn" type="submit" disabled={!token.trim()} data-testid="paste-check">
          Check token
        </button>
        <span className="dim">Judged now, on this computer's clock. The SDK secret, if you have it, goes in the inspector's Verify with secret.</span>
      </div>
      {error && (
        <p className="o-failure" role="alert" data-testid="paste-error">
          {error}
        </p>
      )}
    </form>
  );
}
