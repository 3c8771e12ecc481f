/**
 * What a value costs in Chromium's storage.session quota (QUOTA_BYTES, 10,485,760), computed the
 * way Chromium counts it, not as JSON text. Measured in Chromium 156 with getBytesInUse:
 *  - a string costs its heap allocation: nothing up to 22 UTF-8 bytes (kept inline), else the
 *    UTF-8 length plus its terminator rounded up to 8 (23 bytes → 26, 100 → 104: we count n + 9);
 *  - numbers, booleans and null cost nothing beyond their slot;
 *  - every array element costs a 32-byte slot, every object property a 64-byte slot (plus its
 *    key's string cost); properties set to undefined are not stored;
 *  - top-level keys cost their string cost only.
 * So an array of 1,000 small objects of four fields is 288,000 bytes while its JSON is 37 KB:
 * a budget measured in JSON would let the store overrun the quota by a factor of eight.
 * Every count here is an upper bound of Chromium's; the walk is iterative (no recursion, so a
 * deeply nested value from a page cannot overflow the stack) and linear in the value.
 */

const INLINE_STRING_BYTES = 22;
export const ARRAY_SLOT_BYTES = 32;
export const PROPERTY_SLOT_BYTES = 64;

/** UTF-8 length of a JS string (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Any character outside ASCII (a single-character class: linear, no backtracking). */
const NON_ASCII = /[^\x00-\x7f]/;

export function stringBytes(s: string): number {
  // Up to 7 UTF-16 units is at most 21 UTF-8 bytes: inline, whatever the characters.
  if (s.length <= 7) return 0;
  // ASCII (nearly every captured string): the engine's native scan instead of ours.
  const n = NON_ASCII.test(s) ? utf8Length(s) : s.length;
  return n <= INLINE_STRING_BYTES ? 0 : n + 9;
}

/** Bytes `value` costs when stored under some key (the key itself not counted). */
export function sessionBytes(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value !== 'object' || value === null) return 0;
  let total = 0;
  const stack: object[] = [value];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      total += v.length * ARRAY_SLOT_BYTES;
      for (const x of v) {
        if (typeof x === 'string') total += stringBytes(x);
        else if (typeof x === 'object' && x !== null) stack.push(x);
      }
      continue;
    }
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || typeof x === 'function') continue;
      total += PROPERTY_SLOT_BYTES + stringBytes(k);
      if (typeof x === 'string') total += stringBytes(x);
      else if (typeof x === 'object' && x !== null) stack.push(x);
    }
  }
  return total;
}

/** Bytes of one stored item: its key and its value. */
export function itemBytes(key: string, value: unknown): number {
  return stringBytes(key) + sessionBytes(value);
}
