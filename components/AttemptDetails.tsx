import { selectSelectedAttempt } from './state/selectors';
import { usePanel } from './state/store';
import { TokenInspector } from './TokenInspector';

/** The right (or lower) pane: the selected attempt, or how to get one. */
export function AttemptDetails() {
  const attempt = usePanel(selectSelectedAttempt);
  const page = usePanel((s) => s.host === 'page');
  const any = usePanel((s) => (s.source === 'imported' ? (s.imported?.attempts.length ?? 0) : s.live.attempts.length) > 0);
  if (!attempt) {
    return (
      <div className="empty" data-testid="no-selection">
        <h2>{any ? 'Select an attempt' : 'Nothing to inspect yet'}</h2>
        <p>
          {any
            ? 'Click a row in the join log (or focus it and use ↑ ↓ Home End) to see its token, findings and fixes.'
            : page
              ? 'Open a HAR or an export, or paste a token: each join\'s token is decoded here claim by claim, with what is wrong and how to fix it.'
              : 'When a join happens, its token is decoded here claim by claim, with what is wrong and how to fix it.'}
        </p>
      </div>
    );
  }
  return <TokenInspector attempt={attempt} />;
}
