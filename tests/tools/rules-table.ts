/**
 * Writes the generated tables (rules, cause order, join rules, which rules explain each code) into
 * the docs between their markers (`npm run docs:rules`). Only those sections change; a unit test
 * fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../../lib/rules/index';
import { joinRules } from '../../lib/rules/join/index';
import { replaceRulesSection } from '../../lib/rules/table';
import { DOC_TABLES } from './doc-tables';

const texts = new Map<string, string>();
for (const t of DOC_TABLES) {
  const before = texts.get(t.path) ?? readFileSync(t.path, 'utf8');
  const next = replaceRulesSection(before, t.render(), t.markers);
  if (next === null) {
    console.error(`${t.file} has no ${t.markers[0]} … ${t.markers[1]} section; add the two markers where the table belongs.`);
    process.exit(1);
  }
  texts.set(t.path, next);
}
const written: string[] = [];
for (const [path, text] of texts) {
  if (text === readFileSync(path, 'utf8')) continue;
  writeFileSync(path, text);
  written.push(DOC_TABLES.find((t) => t.path === path)!.file);
}
const counts = `${rules.length} token rules, ${joinRules.length} join rules`;
console.log(written.length === 0 ? `docs tables are up to date (${counts}).` : `docs tables written in ${written.join(', ')} (${counts}).`);
