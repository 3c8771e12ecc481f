import { ruleDocUrl } from './state/rule-docs';

/** The rule id as a link to its entry in the rule reference page shipped with the extension. */
export function RuleLink({ id }: { id: string }) {
  const href = ruleDocUrl(id);
  return (
    <a className="rule-id" href={href} target="_blank" rel="noreferrer" title={`What ${id} checks, its severity and its sources`} data-testid="rule-doc-link">
      {id}
    </a>
  );
}
