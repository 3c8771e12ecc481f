import { describe, expect, it } from 'vitest';
import { findingText, firstSentenceEnd, shortReference } from '../../../lib/report/finding-text';
import { analyseDecodedToken } from '../../../lib/analyse';
import { decodeSignature } from '../../../lib/token/decode';
import { HS256_HEADER_JSON, signJsonText } from '../../../lab/jwt';
import type { FindingId } from '../../../lib/rules/ids';

describe('a finding read as one measured fact plus its explanation', () => {
  it("Java Math.round: 'iat 133 s after the join (Zoom's clock…) · iat = N × 128', with the float arithmetic behind it", () => {
    const now = 1_796_070_000;
    const iat = Math.round((now + 100) / 128) * 128;
    const token = signJsonText(HS256_HEADER_JSON, JSON.stringify({ appKey: 'k', sdkKey: 'k', mn: '123456789', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 }), 's');
    const a = analyseDecodedToken(decodeSignature(token), { referenceTime: now, joinTime: now, clockOffset: 0.4, clockOffsetSource: 'Date header of zoom.us' });
    const q = a.findings.find((f) => f.id === 'iat-quantized')!;
    const t = findingText(q);
    expect(t.fact).toBe(`iat ${iat - now} s after the join (Zoom's clock; local +0.4 s) · iat = ${iat / 128} × 128`);
    expect(t.fact.length).toBeLessThan(90);
    expect(t.detail).toMatch(/float holds only every 128th integer/);
    expect(t.detail).not.toContain('This one is');
  });

  it('splits at the first full stop that ends a sentence, not at decimals, e.g. or file names', () => {
    expect(firstSentenceEnd('iat is 1.5 s ahead. Then more.')).toBe(19);
    expect(firstSentenceEnd('use e.g. Math.floor. Then')).toBe(20);
    expect(firstSentenceEnd('one sentence only.')).toBe(-1);
    expect(findingText({ id: 'x' as FindingId, message: 'The payload has no mn. role is missing too.' })).toEqual({ fact: 'The payload has no mn', detail: 'role is missing too.' });
  });

  it('shortens the reference-time phrase for one line', () => {
    expect(shortReference("after the join time on Zoom's clock (local clock +109.674 s measured from the Date header of zoom.us)")).toBe("after the join (Zoom's clock; local +109.674 s)");
    expect(shortReference("before the join time on the local clock (no offset to Zoom's clock was measured)")).toBe('before the join (local clock)');
    // Nested parentheses: where the offset was measured is itself in parentheses.
    expect(shortReference("is 3.5 s after the join time on Zoom's clock (local clock −0.064 s ±0.6 s, measured from the Date of its own join answer (zoom.us)). More")).toBe(
      "is 3.5 s after the join (Zoom's clock; local −0.064 s ±0.6 s). More",
    );
    expect(shortReference("the join time on the local clock (no offset to Zoom's clock was measured: no fresh answer (cache))")).toBe('the join (local clock)');
  });
});
