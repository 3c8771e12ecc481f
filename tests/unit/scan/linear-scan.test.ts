/**
 * Page text cannot stall the scanners. On main, a 256 KB `eyJ…` response took 20 s to import and
 * a 128 KB error message 12 s, because the JWT and e-mail patterns backtracked over every
 * near-match; the DevTools page spent ~1 s per 64 KB response. The hand scanners must (1) find
 * exactly what the old patterns found, and (2) take time proportional to the input: 4× the input
 * may take at most 6× the CPU time (best of 5), with a generous absolute ceiling for a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jwtsIn, replaceJwts } from '../../../lib/token/jwt-shape';
import { replaceEmails } from '../../../lib/report/emails';
import { redactText, redactValue } from '../../../lib/report/redact';
import { jsonpArgument, parseAnswer } from '../../../lib/har/wc-info';
import { findMeetingSdkJwt } from '../../../lib/zoom/issuance';
import { readHar } from '../../../lib/har';
import { diagnoseHar, harMarkdown, harText } from '../../../lib/cli/commands/har';
import { wrapText } from '../../../lib/cli/terminal';
import { firstSentenceEnd, shortReference } from '../../../lib/report/finding-text';
import { decodeSignature } from '../../../lib/token/decode';
import { hostileHar } from '../har/hostile';

// The patterns on main (768c957): the specification the scanners must match, kept only here.
const OLD_JWT = /(eyJ[A-Za-z0-9_\-+/]*=*)\.([A-Za-z0-9_\-+/]*=*)\.([A-Za-z0-9_\-+/]*=*)/g;
const OLD_EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const OLD_JSONP = /^\s*[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)\s*;?\s*$/;

const KB = 1024;

/** CPU time in ms (not wall time: five helpers share two cores, and a descheduled scan is not a slow one). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function bestOf(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = cpuMs();
    fn();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

/**
 * Best-of-5 times for `make(n)` and `make(4n)`, measured alternately; the small one is floored at
 * 5 ms so timer noise and a loaded machine cannot fail the ratio of a fast scan (the quadratic
 * patterns took seconds at these sizes, never 5 ms).
 */
function scaling(make: (n: number) => string, scan: (s: string) => unknown, n: number): { small: number; big: number; ratio: number } {
  const a = make(n);
  const b = make(4 * n);
  scan(a); // warm up the JIT
  let small = Infinity;
  let big = Infinity;
  for (let i = 0; i < 5; i++) {
    small = Math.min(small, bestOf(() => scan(a), 1));
    big = Math.min(big, bestOf(() => scan(b), 1));
  }
  return { small, big, ratio: big / Math.max(small, 5) };
}

const MB = 1024 * 1024;

const segmentChars = fc.constantFrom('e', 'y', 'J', 'A', 'z', '0', '-', '_', '+', '/', '=', '.', ' ', '"');
const emailChars = fc.constantFrom('a', 'B', '1', '.', '_', '%', '4', '0', '+', '-', '@', ' ', 'c', 'o', 'm');

describe('the scanners find exactly what the old patterns found', () => {
  it('JWT-shaped substrings: same matches, same groups, on random near-JWT text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(segmentChars, fc.constant('eyJ')), { maxLength: 60 }).map((a) => a.join('')), (text) => {
        const old = [...text.matchAll(OLD_JWT)].map((m) => [m.index, m[0], m[1], m[2], m[3]]);
        const now = [...jwtsIn(text)].map((m) => [m.start, m.text, m.header, m.payload, m.signature]);
        expect(now).toEqual(old);
      }),
      { numRuns: 2000 },
    );
  });

  it('e-mail addresses (also %40-encoded): the same replacements on random near-address text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(emailChars, fc.constant('%40'), fc.constant('.com')), { maxLength: 50 }).map((a) => a.join('')), (text) => {
        expect(replaceEmails(text, '<e>')).toBe(text.replace(OLD_EMAIL, '<e>'));
      }),
      { numRuns: 3000 },
    );
  });

  it('JSONP answers: the same argument text as the old pattern', () => {
    const parts = fc.constantFrom('cb', 'a.b', '$x', '1', '(', ')', ';', ' ', '\n', '{"status":false}', 'x');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 12 }).map((a) => a.join('')), (body) => {
        const t = body.trim();
        expect(jsonpArgument(t)).toBe(OLD_JSONP.exec(t)?.[1] ?? null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('megabyte-long near-matches are scanned in linear time', () => {
  it('a 1 MB JWT-like string (eyJeyJ…, eyJ segments without their dots) in well under 100 ms', () => {
    for (const make of [(n: number) => 'eyJ'.repeat(n / 3), (n: number) => 'eyJx.yyyyyyyyyy='.repeat(n / 16), (n: number) => `eyJ${'A'.repeat(n)}`]) {
      const s = scaling(make, (t) => replaceJwts(t, () => ''), 64 * KB);
      expect(s.ratio, `64 KB ${s.small.toFixed(1)} ms, 256 KB ${s.big.toFixed(1)} ms`).toBeLessThanOrEqual(6);
      const mb = make(MB);
      // ~10 ms here (npm run bench:scan); the ceiling only allows for a machine shared with other work.
      expect(bestOf(() => replaceJwts(mb, () => ''))).toBeLessThan(500);
    }
  });

  it('a 1 MB e-mail-like string (name characters, %40 and dots with no domain) in well under 100 ms', () => {
    for (const make of [(n: number) => 'a'.repeat(n), (n: number) => 'a%40'.repeat(n / 4), (n: number) => `x@${'b.'.repeat(n / 2)}`, (n: number) => 'a@b.'.repeat(n / 4)]) {
      const s = scaling(make, (t) => replaceEmails(t, '<e>'), 64 * KB);
      expect(s.ratio, `64 KB ${s.small.toFixed(1)} ms, 256 KB ${s.big.toFixed(1)} ms`).toBeLessThanOrEqual(6);
      const mb = make(MB);
      expect(bestOf(() => replaceEmails(mb, '<e>'))).toBeLessThan(500);
    }
  });

  it("a 128 KB error message in Zoom's answer is redacted for an export in linear time (was 12 s)", () => {
    const s = scaling((n) => 'a'.repeat(n), (t) => redactValue({ outcome: { serverMessage: t } }), 32 * KB);
    expect(s.ratio, `32 KB ${s.small.toFixed(1)} ms, 128 KB ${s.big.toFixed(1)} ms`).toBeLessThanOrEqual(6);
    expect(s.big).toBeLessThan(500);
  });

  it('the DevTools page reading a 256 KB eyJ… response for an issued token stays linear (was ~1 s per 64 KB)', () => {
    const s = scaling((n) => 'eyJ'.repeat(n / 3), (t) => findMeetingSdkJwt(t), 64 * KB);
    expect(s.ratio).toBeLessThanOrEqual(6);
    expect(s.big).toBeLessThan(250);
  });

  it('a JSONP answer of cb() and 128 KB of spaces (was 1.4 s for 32 KB)', () => {
    const s = scaling((n) => `cb()${' '.repeat(n)}x`, (t) => parseAnswer(t), 32 * KB);
    expect(s.ratio).toBeLessThanOrEqual(6);
    expect(s.big).toBeLessThan(250);
  });

  it('the other text paths: free-text redaction, terminal wrapping of one long word, sentence splitting, zero-width trimming', () => {
    const cases: Array<[string, (n: number) => string, (s: string) => unknown]> = [
      ['redactText', (n) => `${'eyJ'.repeat(n / 6)}${'a'.repeat(n / 2)}`, (t) => redactText(t)],
      ['wrapText', (n) => `error  ${'x'.repeat(n)}`, (t) => wrapText(t, 80)],
      ['firstSentenceEnd', (n) => 'no. '.repeat(n / 4), (t) => firstSentenceEnd(t)],
      ['shortReference', (n) => "the join time on Zoom's clock (x) ".repeat(n / 34), (t) => shortReference(t)],
      ['decodeSignature', (n) => `x${'\u200b'.repeat(n)}x`, (t) => decodeSignature(t)],
    ];
    for (const [name, make, scan] of cases) {
      const s = scaling(make, scan, 16 * KB);
      expect(s.ratio, `${name}: 16 KB ${s.small.toFixed(1)} ms, 64 KB ${s.big.toFixed(1)} ms`).toBeLessThanOrEqual(6);
    }
  });
});

describe('a hostile HAR imports in linear time', () => {
  it('a HAR whose bodies are 256 KB near-matches (eyJ…, an e-mail that never comes, cb() and spaces) imports and renders in under 1 s', async () => {
    const run = async (chars: number) => {
      const text = hostileHar(chars);
      const t0 = cpuMs();
      const imp = await readHar(text);
      const exp = diagnoseHar(imp);
      harText(exp, imp, 'hostile.har');
      harMarkdown(exp, imp, 'hostile.har');
      return { ms: cpuMs() - t0, attempts: imp.attempts.length };
    };
    await run(16 * KB);
    const small = Math.min(...[await run(64 * KB), await run(64 * KB), await run(64 * KB)].map((r) => r.ms));
    const bigRuns = [await run(256 * KB), await run(256 * KB), await run(256 * KB)];
    const big = Math.min(...bigRuns.map((r) => r.ms));
    expect(bigRuns[0]!.attempts).toBeGreaterThan(0);
    // A whole import (streamed parse, diagnosis, two renderings) collects garbage at sizes of its own
    // choosing: 6.4× was seen once on a linear run (13 → 81 ms). Linear is ~4×, the old patterns 16×+;
    // 8× is the geometric middle, so only a quadratic scan fails it.
    expect(big / Math.max(small, 5), `64 KB ${small.toFixed(0)} ms, 256 KB ${big.toFixed(0)} ms`).toBeLessThanOrEqual(8);
    expect(big).toBeLessThan(1000);
  });
});
