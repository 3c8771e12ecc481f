/**
 * Writes the rule catalogue tables into docs/rules.md between the rules markers (`npm run docs:rules`).
 * Only that section changes; a unit test fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../lib/rules/index';
import { joinRules } from '../../lib/rules/join/index';
import { JOIN_RULES_END, JOIN_RULES_START, RULES_END, RULES_START, renderJoinRulesTable, renderRulesTable, replaceRulesSection } from '../../lib/rules/table';

const readmePath = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');
const withToken = replaceRulesSection(readme, renderRulesTable(rules));
const next = withToken === null ? null : replaceRulesSection(withToken, renderJoinRulesTable(joinRules), [JOIN_RULES_START, JOIN_RULES_END]);
if (withToken === null || next === null) {
  const [a, b] = withToken === null ? [RULES_START, RULES_END] : [JOIN_RULES_START, JOIN_RULES_END];
  console.error(`docs/rules.md has no ${a} … ${b} section; add the two markers where the table belongs.`);
  process.exit(1);
}
if (next === readme) {
  console.log(`docs/rules.md rules tables are up to date (${rules.length} token rules, ${joinRules.length} join rules).`);
} else {
  writeFileSync(readmePath, next);
  console.log(`docs/rules.md rules tables written (${rules.length} token rules, ${joinRules.length} join rules).`);
}
