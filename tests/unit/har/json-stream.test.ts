import { describe, expect, it } from 'vitest';
import { JsonStreamParser, SkippedString } from '../../../lib/har/json-stream';
import { isJoinDoctorError } from '../../../lib/errors';
import { costGrowth } from '../../tools/sanitize-check';

function parse(chunks: string[], maxString = 1000) {
  const streamed: unknown[] = [];
  const p = new JsonStreamParser({ maxString, streamPath: ['log', 'entries'], onStreamed: (v) => streamed.push(v) });
  for (const c of chunks) p.write(c);
  return { root: p.end(), streamed };
}

const SAMPLE = '\uFEFF{"log":{"version":"1.2","entries":[{"a":"x\\"y\\\\z\\u00e9\\ud83d\\ude00","n":-1.5e3,"t":true,"f":false,"z":null,"arr":[1,[2,{}],[]]},{"__proto__":{"polluted":1}}]},"tail":"end"}';

describe('streaming JSON reader for HAR files', () => {
  it('a HAR split across network chunks at any character reads the same as in one piece (escapes, surrogates, BOM)', () => {
    const whole = parse([SAMPLE]);
    expect(whole.root).toEqual({ log: { version: '1.2', entries: [] }, tail: 'end' });
    expect(whole.streamed[0]).toEqual({ a: 'x"y\\zé😀', n: -1500, t: true, f: false, z: null, arr: [1, [2, {}], []] });
    for (let cut = 1; cut < SAMPLE.length; cut++) {
      expect(parse([SAMPLE.slice(0, cut), SAMPLE.slice(cut)])).toEqual(whole);
    }
    expect(parse(SAMPLE.split(''))).toEqual(whole);
  });

  it('a "__proto__" key in a hostile HAR stays data and does not change any prototype', () => {
    const e = parse([SAMPLE]).streamed[1] as Record<string, unknown>;
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    expect(Object.keys(e)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a multi-MB script body is kept as its length only, also when it spans chunks and holds escapes', () => {
    const big = 'a\\"b'.repeat(500_000);
    const text = `{"log":{"entries":[{"content":{"text":"${big}","size":1}}]}}`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65_536) chunks.push(text.slice(i, i + 65_536));
    const { streamed } = parse(chunks, 1024);
    const content = (streamed[0] as { content: { text: unknown; size: number } }).content;
    expect(content.text).toBeInstanceOf(SkippedString);
    expect((content.text as SkippedString).length).toBe(big.length);
    expect(content.size).toBe(1);
  });

  it.each([
    ['a file cut off in a string', '{"log":{"entries":[{"a":"abc'],
    ['a file cut off between entries', '{"log":{"entries":[{},'],
    ['a file cut off in a number', '{"log":{"entries":[1'],
    ['an empty file', ''],
    ['trailing garbage', '{"log":{"entries":[]}} x'],
    ['a missing comma', '{"log":{"entries":[{} {}]}}'],
    ['a bare word', '{"log":{"entries":[nul]}}'],
    ['a mismatched bracket', '{"log":{"entries":[}}'],
    ['a raw newline in a string', '{"log":"a\nb"}'],
    ['a trailing comma', '{"log":{"entries":[{},]}}'],
  ])('%s is refused with ERR_HAR_INVALID and a position', (_name, text) => {
    let err: unknown;
    try {
      parse([text]);
    } catch (e) {
      err = e;
    }
    expect(isJoinDoctorError(err, 'ERR_HAR_INVALID')).toBe(true);
    expect((err as Error).message).toMatch(/at character \d+/);
  });

  it('a body dense with backslashes and no quote reads in linear time (the quote search restarted after every escape: 17 s for 1.2 MB)', async () => {
    const har = (body: string) => JSON.stringify({ log: { entries: [{ t: body }] } });
    const parse = (text: string) => {
      const p = new JsonStreamParser({ maxString: 1 << 26, streamPath: ['log', 'entries'], onStreamed: () => undefined });
      p.write(text);
      p.end();
    };
    // Per character, 8× the text costs about what 1× did (the old scan: several times more).
    const growth = await costGrowth(parse, (n) => har('a\\b'.repeat(n)), (n) => har('abc'.repeat(n)), 50_000);
    expect(growth).toBeLessThan(4);
  }, 60_000);
});
