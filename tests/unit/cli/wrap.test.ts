import { describe, expect, it } from 'vitest';
import { hangingIndent, outputWidth, visibleLength, wrapLine, wrapText } from '../../../lib/cli/terminal';
import { runCli } from './run-cli';

const longest = (t: string) => Math.max(...t.split('\n').map((l) => l.length));

describe('wrapping human output', () => {
  it('keeps the hanging indent under the label column, a list marker or leading spaces', () => {
    const lines = wrapLine(`         ${'word '.repeat(40)}`, 60);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.startsWith('         word')).toBe(true);
    expect(hangingIndent('iat − server time   min -30 s', 80)).toBe(20);
    expect(hangingIndent('  1. iat-future: 9 of 9', 80)).toBe(5);
    const item = wrapLine(`  1. ${'x '.repeat(50)}`, 40);
    expect(item.slice(1).every((l) => l.startsWith('     x'))).toBe(true);
  });

  it('keeps column alignment on the first line and cuts a JWT that no line can hold', () => {
    expect(wrapLine('median   12 s', 80)).toEqual(['median   12 s']);
    const jwt = `payload  ${'a'.repeat(150)}`;
    const out = wrapLine(jwt, 60);
    expect(out[0]!.startsWith('payload  aaa')).toBe(true);
    expect(out.every((l) => l.length <= 60)).toBe(true);
    expect(out.slice(1).every((l) => l.startsWith('         a'))).toBe(true);
    expect(out.join('').replace(/\s/g, '')).toBe(`payload${'a'.repeat(150)}`);
  });

  it('colour escapes take no columns and are never split', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    expect(visibleLength(red('error'))).toBe(5);
    const text = `${red('error  ')}  ${'word '.repeat(30)}`;
    for (const l of wrapText(text, 40).split('\n')) expect(visibleLength(l)).toBeLessThanOrEqual(40);
  });

  it('80 columns when not a terminal, the terminal width when it is, COLUMNS over both', () => {
    expect(outputWidth({ isTTY: false, columns: 200 })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(outputWidth({ isTTY: true, columns: 132 }, { COLUMNS: '100' })).toBe(100);
  });
});

describe('join-doctor check prints each explanation once, within 80 columns', () => {
  it('"check hello.world": three malformed segments, one fix paragraph (it was printed three times, 605-char lines)', async () => {
    const r = await runCli(['check', 'hello.world']);
    expect(r.code).toBe(1);
    expect(longest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout.match(/Sign with a JWT library/g)).toHaveLength(1);
    expect(r.stdout.match(/fix: as for token-malformed above/g)).toHaveLength(2);
  });
});
