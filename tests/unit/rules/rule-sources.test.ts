/**
 * Every rule's source points into the repository's own reference: a "signature-facts §N" that the
 * rule cites is a section docs/signature-facts.md really has, so a renumbered or deleted section
 * cannot leave a rule citing nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../lib/rules/index';

const doc = readFileSync(path.resolve(__dirname, '../../../docs/signature-facts.md'), 'utf8');

/** "1", "3a", "4.13": the doc's numbered sections, lettered subsections and numbered §4 items. */
function sectionsOf(text: string): Set<string> {
  const out = new Set<string>();
  let top = '';
  for (const line of text.split('\n')) {
    const h2 = /^## (\d+)\./.exec(line);
    if (h2) {
      top = h2[1]!;
      out.add(top);
      continue;
    }
    const h3 = /^### \(([a-z])\)/.exec(line);
    if (h3) out.add(`${top}${h3[1]}`);
    const item = /^(\d+)\. \*\*/.exec(line);
    if (item) out.add(`${top}.${item[1]}`);
  }
  return out;
}

/** The section ids a source string cites after "signature-facts": §1, §4.2–4.4, §3a/§3c, §4.7–4.8. */
function citedIn(source: string): string[] {
  const at = source.indexOf('signature-facts');
  if (at < 0) return [];
  // Up to the next ";": after it a source cites other documents ("RFC 7518 §3.2").
  const end = source.indexOf(';', at);
  const out: string[] = [];
  for (const m of source.slice(at, end < 0 ? undefined : end).matchAll(/§(\d+(?:\.\d+|[a-z])?)(?:[–-](\d+(?:\.\d+)?))?/g)) {
    const from = m[1]!;
    out.push(from);
    const to = m[2];
    if (to) out.push(to.includes('.') ? to : `${from.split('.')[0]}.${to}`);
  }
  return out;
}

describe('rule sources', () => {
  const sections = sectionsOf(doc);

  it('the reference has the sections the rules were written against', () => {
    for (const s of ['1', '2', '3a', '3b', '3c', '4.1', '4.2', '4.14', '5']) expect(sections.has(s), s).toBe(true);
  });

  it('every "signature-facts §N" a rule cites exists in docs/signature-facts.md', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const rule of rules) {
      for (const id of citedIn(rule.source)) {
        cited++;
        if (!sections.has(id)) missing.push(`${rule.id} → §${id}`);
      }
    }
    expect(cited).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('no rule cites a document outside the repository', () => {
    const outside = rules.filter((r) => /shared\/|zoom-signature-facts|brief:|issue #\d/.test(r.source)).map((r) => r.id);
    expect(outside).toEqual([]);
  });
});
