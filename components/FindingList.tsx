import type { Finding, FindingOrigin } from '../lib/rules/types';
import { findingText } from '../lib/report/finding-text';
import { ORIGIN_LABEL } from '../lib/rules/table';
import { RuleLink } from './RuleLink';
import { RichText } from './RichText';
import { FixView } from './FixView';

/**
 * The analysis findings, most severe first as the engine ordered them. Each reads in one line as
 * its measured fact; the explanation and the per-language fix sit behind "why / how to fix", so a
 * docked panel shows every finding and the join arguments without scrolling past paragraphs.
 * When findings come from more than the token (join arguments, Zoom's answer, page, assets) they
 * are grouped by where they come from, the group with the most severe finding first; the ids
 * (`finding-<id>-<index>`) keep the engine's index so the claim table's links still land.
 */
export function FindingList({ findings, emptyText, affects }: { findings: readonly Finding[]; emptyText: string; affects?: (f: Finding) => boolean }) {
  if (findings.length === 0) return <p className="note" data-testid="no-findings">{emptyText}</p>;
  const all = findings.map((f, i) => [f, i] as [Finding, number]);
  const main = affects ? all.filter(([f]) => affects(f)) : all;
  const quiet = affects ? all.filter(([f]) => !affects(f)) : [];
  const folded = quiet.length > 0 && (
    <details className="quiet-findings" data-testid="quiet-findings" data-count={quiet.length}>
      <summary>
        {quiet.length} {quiet.length === 1 ? 'note that does' : 'notes that do'} not affect this join:{' '}
        <span className="mono">{quiet.map(([f]) => f.id).join(', ')}</span>
      </summary>
      <ul className="findings">
        {quiet.map(([f, i]) => (
          <FindingItem key={`${f.id}-${i}`} f={f} i={i} />
        ))}
      </ul>
    </details>
  );
  if (main.length === 0) {
    return (
      <div data-testid="findings">
        <p className="note" data-testid="no-findings">{emptyText}</p>
        {folded}
      </div>
    );
  }
  const groups = byOrigin(main);
  if (groups.length === 1 && groups[0]!.origin === 'token') {
    return (
      <div data-testid="findings">
        <ul className="findings">
          {groups[0]!.items.map(([f, i]) => <FindingItem key={`${f.id}-${i}`} f={f} i={i} />)}
        </ul>
        {folded}
      </div>
    );
  }
  return (
    <div className="finding-groups" data-testid="findings">
      {groups.map((g) => (
        <section key={g.origin} className="finding-group" data-testid="finding-group" data-origin={g.origin}>
          <h4 className="finding-origin">
            {ORIGIN_LABEL[g.origin]} <span className="count">({g.items.length})</span>
          </h4>
          <ul className="findings">
            {g.items.map(([f, i]) => <FindingItem key={`${f.id}-${i}`} f={f} i={i} />)}
          </ul>
        </section>
      ))}
      {folded}
    </div>
  );
}

function byOrigin(items: ReadonlyArray<[Finding, number]>): Array<{ origin: FindingOrigin; items: Array<[Finding, number]> }> {
  const out = new Map<FindingOrigin, Array<[Finding, number]>>();
  items.forEach(([f, i]) => {
    const o = f.origin ?? 'token';
    const list = out.get(o);
    if (list) list.push([f, i]);
    else out.set(o, [[f, i]]);
  });
  return [...out.entries()].map(([origin, items]) => ({ origin, items }));
}

function FindingItem({ f, i }: { f: Finding; i: number }) {
  const { fact, detail } = findingText(f);
  return (
    <li id={`finding-${f.id}-${i}`} className={`finding ${f.severity}`} data-testid="finding" data-rule-id={f.id} data-severity={f.severity} data-origin={f.origin ?? 'token'}>
      <div className="fact-line">
        <span className={`sev sev-${f.severity}`} title={f.severity} />
        <span className="fact" data-testid="finding-fact">
          <RichText text={fact} />
        </span>
        <RuleLink id={f.id} />
      </div>
      <details className="why" data-testid="finding-why">
        <summary>why / how to fix</summary>
        <div className="title">
          <RichText text={f.title} />
        </div>
        {detail && (
          <p>
            <RichText text={detail} />
          </p>
        )}
        <FixView fix={f.fix} sessionLang={null} testId="finding-fix" />
      </details>
    </li>
  );
}
