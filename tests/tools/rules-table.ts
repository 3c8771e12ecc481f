/**
 * Writes the rule catalogue table into README.md between the rules markers (`npm run docs:rules`).
 * Only that section changes; a unit test fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../lib/rules/index';
import { RULES_END, RULES_START, renderRulesTable, replaceRulesSection } from '../../lib/rules/table';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');
const next = replaceRulesSection(readme, renderRulesTable(rules));
if (next === null) {
  console.error(`README.md has no ${RULES_START} … ${RULES_END} section; add the two markers where the table belongs.`);
  process.exit(1);
}
if (next === readme) {
  console.log(`README.md rules table is up to date (${rules.length} rules).`);
} else {
  writeFileSync(readmePath, next);
  console.log(`README.md rules table written (${rules.length} rules).`);
}
