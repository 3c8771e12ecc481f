import { describe, expect, it } from 'vitest';
import { rules } from '../../../lib/rules/index';
import { EXPERT_ORDER } from '../../../lib/rules/catalogue-facts';

describe('expert order covers the catalogue', () => {
  it('every token rule has a rank, so a new rule (like the eight vsdk-* once) never sorts after every other cause', () => {
    const ranked = new Set<string>(EXPERT_ORDER);
    expect(rules.map((r) => r.id).filter((id) => !ranked.has(id))).toEqual([]);
  });

  it('the order names no rule twice and no rule outside the catalogue', () => {
    const ids = new Set<string>(rules.map((r) => r.id));
    expect(new Set(EXPERT_ORDER).size).toBe(EXPERT_ORDER.length);
    expect(EXPERT_ORDER.filter((id) => !ids.has(id))).toEqual([]);
  });
});
