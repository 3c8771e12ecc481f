/**
 * A .NET Framework backend that builds the JWT by hand with System.Web's
 * `HttpServerUtility.UrlTokenEncode`: base64url whose "=" padding is replaced by its count as one
 * digit, so every segment is one character too long (devforum #93507: a .NET backend's joins timed out).
 */
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { analyseTokenInput } from '../../../lib/analyse';
import { decodeSignature } from '../../../lib/token/decode';
import { JOIN_TIME, KEY, SECRET, samplePayload, sampleSignature } from './token-helpers';

/** HttpServerUtility.UrlTokenEncode: Convert.ToBase64String, '=' counted and dropped, '+'→'-', '/'→'_', the count appended. */
function urlTokenEncode(bytes: Buffer): string {
  const b64 = bytes.toString('base64');
  let end = b64.length;
  while (end > 0 && b64[end - 1] === '=') end--;
  return b64.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_') + String(b64.length - end);
}

/** The hand-rolled signer: each part UrlTokenEncode-d, the HMAC over the encoded text as sent. */
function dotnetUrlTokenJwt(payload: Record<string, unknown>): string {
  const head = urlTokenEncode(Buffer.from('{"alg":"HS256","typ":"JWT"}'));
  const body = urlTokenEncode(Buffer.from(JSON.stringify(payload)));
  const mac = createHmac('sha256', SECRET).update(`${head}.${body}`).digest();
  return `${head}.${body}.${urlTokenEncode(mac)}`;
}

/** Payloads whose JSON length gives each padding count (0, 1, 2) for the payload segment. */
function payloadWithPadding(pad: 0 | 1 | 2): Record<string, unknown> {
  for (let n = 0; n < 3; n++) {
    const p = samplePayload({ mn: '8'.repeat(9 + n) });
    const len = Buffer.from(JSON.stringify(p)).length;
    if ((3 - (len % 3)) % 3 === pad) return p;
  }
  throw new Error('no payload length gives that padding');
}

describe('HttpServerUtility.UrlTokenEncode: the padding digit is named, not only "not a valid base64 length"', () => {
  for (const pad of [0, 1, 2] as const) {
    it(`a payload whose base64 needs ${pad} "=" ends in "${pad}": the encoder is named and the claims are still judged`, () => {
      const payload = payloadWithPadding(pad);
      const token = dotnetUrlTokenJwt(payload);
      expect(token.split('.')[0]).toMatch(/0$/);
      expect(token.split('.')[0]!.length % 4).toBe(1);
      const a = analyseTokenInput(token, { referenceTime: JOIN_TIME, join: { meetingNumber: String(payload['mn']) } });
      const ids = a.findings.map((f) => f.id);
      expect(ids).toEqual(['token-not-base64url']);
      const f = a.findings[0]!;
      expect(f.message).toContain('HttpServerUtility.UrlTokenEncode');
      expect(f.message).toContain('header (37 characters ending in "0")');
      expect(f.message).toContain(`payload (${token.split('.')[1]!.length} characters ending in "${pad}")`);
      expect(f.message).toContain('signature (44 characters ending in "1")');
      expect(f.fix).toMatch(/^Likely a C# backend/);
      expect(f.fix).toContain('Base64UrlEncoder.Encode(bytes)');
      expect(f.fix).toContain('WebEncoders.Base64UrlEncode(bytes)');
      expect(f.data).toMatchObject({ encoder: 'UrlTokenEncode', segments: 'header,payload,signature' });
      expect(a.token.payload).toEqual(payload);
      expect(a.token.payloadJson).toBe(JSON.stringify(payload));
    });
  }

  it('only the header from UrlTokenEncode (a library signs the rest): still named, and its claims judged', async () => {
    const good = (await sampleSignature()).split('.');
    const token = [urlTokenEncode(Buffer.from('{"alg":"HS256","typ":"JWT"}')), good[1], good[2]].join('.');
    const a = analyseTokenInput(token, { referenceTime: JOIN_TIME });
    expect(a.findings.map((f) => f.id)).toEqual(['token-not-base64url']);
    expect(a.findings[0]!.message).toMatch(/^header \(37 characters ending in "0"\): \.NET `HttpServerUtility\.UrlTokenEncode`/);
  });

  it('a segment of a bad length ending in another digit is no UrlTokenEncode output: token-malformed as before', () => {
    const token = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}7.${Buffer.from('{"appKey":"k"}').toString('base64url')}.${'a'.repeat(43)}`;
    const a = analyseTokenInput(token, { referenceTime: JOIN_TIME });
    expect(a.findings[0]?.id).toBe('token-malformed');
    expect(a.findings[0]?.message).toContain('not a valid base64 length');
  });

  it('tokens signed by a JWT library are never read as UrlTokenEncode, whatever digits their segments end in', async () => {
    for (let i = 0; i < 150; i++) {
      const token = await sampleSignature({ mn: String(100000000 + i * 7919), appKey: `${KEY}${'x'.repeat(i % 5)}` });
      expect(decodeSignature(token).urlTokenSegments, token).toBeUndefined();
    }
  });
});
