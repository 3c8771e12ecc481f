/**
 * Every generated table in the docs: where it lives, between which markers, and how it is rendered
 * from the rules. `npm run docs:rules` writes them (rules-table.ts); a unit test fails while one is
 * stale (tests/unit/rules/docs-rules-table.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { rules } from '../../lib/rules/index';
import { joinRules } from '../../lib/rules/join/index';
import { codeAffinity, producedCodes } from '../../lib/rules/join/affinity';
import {
  CODE_RULES_END,
  CODE_RULES_START,
  JOIN_RULES_END,
  JOIN_RULES_START,
  RULE_ORDER_END,
  RULE_ORDER_START,
  RULES_END,
  RULES_START,
  renderCodeRulesTable,
  renderJoinRulesTable,
  renderRuleOrderTable,
  renderRulesTable,
} from '../../lib/rules/table';

export interface DocTable {
  /** Repository-relative, for messages. */
  file: string;
  path: string;
  markers: readonly [string, string];
  render(): string;
}

const doc = (file: string) => fileURLToPath(new URL(`../../${file}`, import.meta.url));

export const DOC_TABLES: readonly DocTable[] = [
  { file: 'docs/rules.md', path: doc('docs/rules.md'), markers: [RULES_START, RULES_END], render: () => renderRulesTable(rules) },
  { file: 'docs/rules.md', path: doc('docs/rules.md'), markers: [RULE_ORDER_START, RULE_ORDER_END], render: () => renderRuleOrderTable(rules) },
  { file: 'docs/rules.md', path: doc('docs/rules.md'), markers: [JOIN_RULES_START, JOIN_RULES_END], render: () => renderJoinRulesTable(joinRules) },
  {
    file: 'docs/join-errors.md',
    path: doc('docs/join-errors.md'),
    markers: [CODE_RULES_START, CODE_RULES_END],
    render: () => renderCodeRulesTable(producedCodes().map((code) => ({ code, rules: codeAffinity(code) }))),
  },
];
