import { describe, expect, it } from 'vitest';
import { RULES_END, RULES_START, renderRulesTable, replaceRulesSection } from '../../../lib/rules/table';
import { claimRules } from '../../../lib/rules/claim-rules';

describe('rules table', () => {
  it('lists every rule with id, severity, title and source, one row each', () => {
    const table = renderRulesTable(claimRules);
    const rows = table.split('\n');
    expect(rows).toHaveLength(claimRules.length + 2);
    expect(rows[0]).toBe('| id | severity | title | source |');
    expect(table).toContain('| `iat-quantized` | warning | iat is a multiple of 128 s');
  });

  it('a title with a pipe does not break the table', () => {
    const table = renderRulesTable([{ id: 'x', severity: 'info', title: 'a | b', source: 's', check: () => [] }]);
    expect(table.split('\n')[2]).toBe('| `x` | info | a \\| b | s |');
  });

  it('rewrites only what lies between the markers, and refuses a README without them', () => {
    const readme = `# T\n\nintro\n${RULES_START}\nold\n${RULES_END}\n\nafter\n`;
    expect(replaceRulesSection(readme, 'NEW')).toBe(`# T\n\nintro\n${RULES_START}\nNEW\n${RULES_END}\n\nafter\n`);
    expect(replaceRulesSection('# no markers', 'NEW')).toBeNull();
    expect(replaceRulesSection(`${RULES_END}${RULES_START}`, 'NEW')).toBeNull();
  });
});
