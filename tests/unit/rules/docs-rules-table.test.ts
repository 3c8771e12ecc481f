import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../../lib/rules/index';
import { joinRules } from '../../../lib/rules/join/index';
import { CODE_RULES_START, JOIN_RULES_END, JOIN_RULES_START, RULE_ORDER_START, renderJoinRulesTable, renderRulesTable, replaceRulesSection } from '../../../lib/rules/table';
import { DOC_TABLES } from '../../tools/doc-tables';

/** The rules tables live in docs/rules.md (the README links there), written by `npm run docs:rules`. */
const docsPath = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url));

describe('docs/rules.md rules tables', () => {
  it('a rule added or renamed without regenerating the docs leaves docs/rules.md stale', () => {
    const doc = readFileSync(docsPath, 'utf8');
    const expected = replaceRulesSection(doc, renderRulesTable(rules));
    expect(expected, 'docs/rules.md lacks the <!-- rules:start --> / <!-- rules:end --> markers').not.toBeNull();
    expect(doc === expected, 'docs/rules.md rules table is stale: run `npm run docs:rules`').toBe(true);
  });

  it('a join rule (arguments, Zoom\'s answer, page, assets) added without regenerating the docs leaves docs/rules.md stale', () => {
    const doc = readFileSync(docsPath, 'utf8');
    const expected = replaceRulesSection(doc, renderJoinRulesTable(joinRules), [JOIN_RULES_START, JOIN_RULES_END]);
    expect(expected, 'docs/rules.md lacks the <!-- join-rules:start --> / <!-- join-rules:end --> markers').not.toBeNull();
    expect(doc === expected, 'docs/rules.md join rules table is stale: run `npm run docs:rules`').toBe(true);
  });

  for (const [start, what] of [
    [RULE_ORDER_START, 'a rank, SDK or phrase changed in a rule leaves the cause order in docs/rules.md stale'],
    [CODE_RULES_START, "a code added to a rule's produces leaves docs/join-errors.md's table of explainers stale"],
  ] as const) {
    it(what, () => {
      const t = DOC_TABLES.find((x) => x.markers[0] === start)!;
      const text = readFileSync(t.path, 'utf8');
      const expected = replaceRulesSection(text, t.render(), t.markers);
      expect(expected, `${t.file} lacks the ${t.markers[0]} / ${t.markers[1]} markers`).not.toBeNull();
      expect(text === expected, `${t.file} ${start} table is stale: run \`npm run docs:rules\``).toBe(true);
    });
  }

  it('every rule id is unique and kebab-case, so links and exports stay stable', () => {
    const ids = [...rules.map((r) => r.id), ...joinRules.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
