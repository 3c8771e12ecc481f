import { useEffect } from 'react';
import { rules } from '../lib/rules';
import { joinRules } from '../lib/rules/join/index';
import { ORIGIN_LABEL } from '../lib/rules/table';
import { TOOL_VERSION } from '../lib/report/version';

/** Every rule of this build: the page each rule id in the panel links to (rules.html#id). */
export function RulesReference() {
  // The panel links to #rule-id; the browser looked for it before React rendered the list.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <main className="rules-ref" data-testid="rules-reference">
      <h1>Join Doctor {TOOL_VERSION}: rules</h1>
      <p className="note">
        Each finding names one of these rules. <b>error</b>: Zoom rejects the signature. <b>warning</b>: version-dependent or
        risky. <b>info</b>: worth knowing. Sources are sections of the project's Zoom signature reference or public threads.
      </p>
      <dl>
        {[...rules.map((r) => ({ ...r, from: ORIGIN_LABEL.token })), ...joinRules.map((r) => ({ ...r, from: ORIGIN_LABEL[r.origin] }))].map((r) => (
          <div key={r.id} id={r.id} className="rule-entry" data-rule-id={r.id}>
            <dt>
              <span className={`sev sev-${r.severity}`} /> <code>{r.id}</code> <span className="dim">{r.severity} · {r.from}</span>
            </dt>
            <dd>
              <div>{r.title}</div>
              <div className="note">Source: {r.source}</div>
            </dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
