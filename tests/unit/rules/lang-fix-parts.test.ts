import { describe, expect, it } from 'vitest';
import * as FIXES from '../../../lib/rules/fixes';
import { GUESS, LANGS, langFix, splitLangFix, type LangLines } from '../../../lib/rules/lang';

const ALL_LINES = Object.entries(FIXES).filter((e): e is [string, LangLines] => typeof e[1] === 'object' && e[1] !== null && 'java' in e[1]);

describe('splitLangFix: the panel shows the backend’s own line first, from the very text reports carry', () => {
  it('takes apart every shared fix, with and without a detected generator, line for line', () => {
    expect(ALL_LINES.length).toBeGreaterThan(10);
    for (const [name, lines] of ALL_LINES) {
      for (const guess of [null, ...Object.values(GUESS)]) {
        const text = langFix('Do this:', lines, null, guess);
        const parts = splitLangFix(text);
        expect(parts, `${name} / ${guess?.lang ?? 'none'}`).not.toBeNull();
        expect(parts!.intro).toBe('Do this:');
        expect(parts!.guess?.lang ?? null).toBe(guess?.lang ?? null);
        expect(parts!.guess?.evidence ?? null).toBe(guess?.evidence ?? null);
        expect(parts!.lines.map((l) => l.lang)).toEqual(guess ? [guess.lang, ...LANGS.filter((l) => l !== guess.lang)] : LANGS);
        for (const l of parts!.lines) expect(l.text, `${name} ${l.lang}`).toBe(lines[l.lang].replace(/\.$/, ''));
      }
    }
  });
  it('a Java Math.round fix leads with the Java line, as the token gave the backend away', () => {
    const parts = splitLangFix(langFix('iat is quantised by a float:', FIXES.JAVA_ROUND, null, GUESS.javaRound))!;
    expect(parts.guess?.lang).toBe('java');
    expect(parts.lines[0]!.text).toContain('System.currentTimeMillis() / 1000');
  });
  it('a fix without per-language lines is not a langFix', () => {
    expect(splitLangFix('Check the secret in the Marketplace.')).toBeNull();
    expect(splitLangFix('Likely a Go backend (x). No lines here.')).toBeNull();
  });
});
