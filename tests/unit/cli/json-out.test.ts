import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeJsonPretty } from '../../../lib/cli/json-out';

const pretty = (v: unknown) => {
  let out = '';
  writeJsonPretty(v, (c) => (out += c));
  return out;
};

describe('writeJsonPretty', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, for an export-shaped value', () => {
    const v = { version: 1, items: [{ attempt: { id: 'har-1', outcome: { kind: 'failure', code: 3712 } }, analysis: { findings: [] } }], empty: [], none: {}, skip: undefined, d: new Date(0) };
    expect(pretty(v)).toBe(JSON.stringify(v, null, 2));
  });

  it('matches JSON.stringify on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => pretty(v) === JSON.stringify(v, null, 2)));
  });

  it('writes a large array in pieces, none near the size of the whole', () => {
    const v = { items: Array.from({ length: 5000 }, (_, i) => ({ id: i, text: 'x'.repeat(100) })) };
    let largest = 0;
    let total = 0;
    writeJsonPretty(v, (c) => {
      largest = Math.max(largest, c.length);
      total += c.length;
    });
    expect(total).toBe(JSON.stringify(v, null, 2).length);
    expect(largest).toBeLessThan(total / 1000);
  });
});
