/**
 * The store's budgets are only as good as its measure: Chromium counts storage.session by memory
 * slots, not JSON (an array of 1,000 small objects is 288,000 bytes, its JSON 37 KB). These are
 * getBytesInUse figures measured in Chromium 156; our count must never be below them, or a
 * flood would overrun the quota while the store believes it is inside its budget.
 */
import { describe, expect, it } from 'vitest';
import { itemBytes, sessionBytes, utf8Length } from '../../../lib/capture/storage-size';

/** [what was stored under key 'k', Chromium's getBytesInUse]. */
const MEASURED: Array<[string, unknown, number]> = [
  ['a 1,000-character ASCII string', 'x'.repeat(1000), 1008],
  ['a 1,000-character string of é (2 bytes each in UTF-8)', 'é'.repeat(1000), 2008],
  ['22 characters (inline, no heap)', 'x'.repeat(22), 0],
  ['23 characters', 'x'.repeat(23), 26],
  ['32 characters', 'x'.repeat(32), 40],
  ['100 characters', 'x'.repeat(100), 104],
  ['1,000 numbers', Array.from({ length: 1000 }, (_, i) => i), 32000],
  ['1,000 properties', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => ['k' + i, 'v' + i])), 64000],
  ['1,000 small objects', Array.from({ length: 1000 }, (_, i) => ({ a: i, b: 'xy', c: null, d: true })), 288000],
  ['a property with a 30-character name', { ['y'.repeat(30)]: 1 }, 96],
  ['an undefined property (not stored)', { a: undefined, b: 1 }, 64],
];

describe("storage.session bytes as Chromium counts them", () => {
  it.each(MEASURED)('%s: never below Chromium, at most a few bytes per string above', (_what, value, chromium) => {
    const ours = itemBytes('k', value);
    expect(ours).toBeGreaterThanOrEqual(chromium);
    expect(ours - chromium).toBeLessThanOrEqual(Math.max(8, chromium * 0.01));
  });

  it('a top-level key costs its own string', () => {
    expect(itemBytes('k'.repeat(30), 1)).toBeGreaterThanOrEqual(32);
    expect(itemBytes('tab:123', 1)).toBe(0);
  });

  it('UTF-8 lengths: astral characters are 4 bytes, a lone surrogate 3 (U+FFFD)', () => {
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
    expect(utf8Length('\ud800x')).toBe(4);
  });

  it('a page-made value nested 100,000 deep is measured without overflowing the stack', () => {
    let v: unknown = 'x'.repeat(100);
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(sessionBytes(v)).toBe(100_000 * 32 + 109);
  });
});
