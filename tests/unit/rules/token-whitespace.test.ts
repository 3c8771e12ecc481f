import { describe, expect, it } from 'vitest';
import { tokenWhitespace } from '../../../lib/rules/token-whitespace';
import { check, sampleSignature } from './token-helpers';

describe('token-whitespace', () => {
  it('a trailing newline from a template or `echo` in the backend response', async () => {
    const jwt = await sampleSignature();
    const [f] = check(tokenWhitespace, `${jwt}\n`);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('after it: "\\n" (1 character)');
    expect(f?.data).toMatchObject({ originalLength: jwt.length + 1, tokenLength: jwt.length, whitespace: true });
  });

  it('quotes left by passing response.text() of a JSON string', async () => {
    const [f] = check(tokenWhitespace, JSON.stringify(await sampleSignature()));
    expect(f?.message).toContain('before it: "\\"" (1 character)');
    expect(f?.fix).toContain('response.json()');
  });

  it("PyJWT 1.x bytes turned into text with str(): b'eyJ…'", async () => {
    const [f] = check(tokenWhitespace, `b'${await sampleSignature()}'`);
    expect(f?.message).toContain("Python's repr of bytes");
    expect(f?.fix).toContain(".decode('utf-8')");
  });

  it('a token line-wrapped by a MIME base64 encoder', async () => {
    const [f] = check(tokenWhitespace, (await sampleSignature()).replace(/(.{64})/g, '$1\n'));
    expect(f?.message).toContain('whitespace inside the token');
    expect(f?.fix).toContain('getMimeEncoder');
  });

  it('a clean token passes', async () => {
    expect(check(tokenWhitespace, await sampleSignature())).toEqual([]);
  });
});
