import { describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { decodeSignature, MAX_TOKEN_LENGTH } from '../../../lib/token/decode';

const enc = new TextEncoder();
const SECRET = enc.encode('S3cr3tS3cr3tS3cr3tS3cr3tS3cr3t12');
const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const SIG = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

function sample() {
  return new SignJWT({ appKey: 'abcDEF123', sdkKey: 'abcDEF123', mn: '123456789', role: 0, iat: 1795912284, exp: 1795919484, tokenExp: 1795919484 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(SECRET);
}

describe('decodeSignature', () => {
  it('decodes the auth sample signature exactly as jose does, with no problems', async () => {
    const jwt = await sample();
    const t = decodeSignature(jwt);
    expect(t.problems).toEqual([]);
    expect(t.payload).toEqual(decodeJwt(jwt));
    expect(t.header).toEqual(decodeProtectedHeader(jwt));
    expect(t.payloadJson).toBe(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
    expect(t.payloadMembers?.iat?.raw).toBe('1795912284');
    expect(t.token).toBe(jwt);
    expect(t.stripped).toEqual({ whitespace: false, quotes: false, innerWhitespace: false });
  });

  it("keeps PyJWT's 1795912284.0 literal, which jose.decodeJwt reports as 1795912284", () => {
    const jwt = `${b64u('{"alg": "HS256", "typ": "JWT"}')}.${b64u('{"appKey": "k", "iat": 1795912284.0, "exp": 1795919484.0}')}.${SIG}`;
    const t = decodeSignature(jwt);
    expect(decodeJwt(jwt).iat).toBe(1795912284);
    expect(t.payloadMembers?.iat?.raw).toBe('1795912284.0');
    expect(t.payloadJson).toContain('1795912284.0');
  });

  it('reads the RFC 7515 A.1 example header with CRLF inside the JSON', () => {
    const header = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9';
    const t = decodeSignature(`${header}.${b64u('{"iss":"joe",\r\n "exp":1300819380}')}.${SIG}`);
    expect(t.headerJson).toBe('{"typ":"JWT",\r\n "alg":"HS256"}');
    expect(t.header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(t.payload).toEqual({ iss: 'joe', exp: 1300819380 });
  });

  it('decodes UTF-8 claims (a user name with accents and an emoji)', () => {
    const t = decodeSignature(`${b64u('{"alg":"HS256"}')}.${b64u('{"appKey":"k","name":"Zoë 😀"}')}.${SIG}`);
    expect(t.payload?.name).toBe('Zoë 😀');
  });

  it('strips the newline a backend template adds and records it', async () => {
    const jwt = await sample();
    const t = decodeSignature(`${jwt}\n`);
    expect(t.token).toBe(jwt);
    expect(t.stripped.whitespace).toBe(true);
    expect(t.payload?.mn).toBe('123456789');
    expect(t.original).toBe(`${jwt}\n`);
  });

  it('strips the quotes of a JSON-encoded string passed from response.text()', async () => {
    const jwt = await sample();
    const t = decodeSignature(JSON.stringify(jwt));
    expect(t.token).toBe(jwt);
    expect(t.stripped).toEqual({ whitespace: false, quotes: true, innerWhitespace: false });
  });

  it("strips Python's b'…' bytes repr from str(jwt.encode(...)) with PyJWT 1.x", async () => {
    const jwt = await sample();
    const t = decodeSignature(`b'${jwt}'`);
    expect(t.token).toBe(jwt);
    expect(t.stripped.quotes).toBe(true);
  });

  it('joins a token line-wrapped at 76 characters by a MIME base64 encoder', async () => {
    const jwt = await sample();
    const wrapped = jwt.replace(/(.{76})/g, '$1\r\n');
    const t = decodeSignature(wrapped);
    expect(t.token).toBe(jwt);
    expect(t.stripped.innerWhitespace).toBe(true);
    expect(t.problems).toEqual([]);
  });

  it('decodes standard base64 segments (+, /, =) and names them', () => {
    // "??>" encodes to "Pz8+" and "???" to "Pz8/" in standard base64.
    const payload = '{"appKey":"k","n":"??>???"}';
    const seg = b64(payload);
    expect(seg).toMatch(/[+/=]/);
    const t = decodeSignature(`${b64('{"alg":"HS256","typ":"JWT"} ')}.${seg}.${SIG}`);
    expect(t.payload).toEqual({ appKey: 'k', n: '??>???' });
    expect(t.nonUrlSafeSegments).toEqual(['header', 'payload']);
    expect(t.problems).toEqual([]);
  });

  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [1795912284, 'number'],
    [() => 'eyJ', 'function'],
    [['eyJ'], 'array'],
    [Symbol('s'), 'symbol'],
    [10n, 'bigint'],
  ])('reports %s passed as the signature as not-a-string', (input, type) => {
    const t = decodeSignature(input);
    expect(t.inputType).toBe(type);
    expect(t.problems.map((p) => p.code)).toEqual(['not-a-string']);
    expect(t.token).toBeNull();
  });

  it('names the fix when the whole { signature } response object is passed', async () => {
    const t = decodeSignature({ signature: await sample(), sdkKey: 'abc' });
    expect(t.problems[0]?.message).toContain('response.signature');
    expect(t.problems[0]?.message).toContain('shaped like a JWT');
  });

  it('survives a hostile object whose signature getter throws', () => {
    const evil = new Proxy({}, { has: () => { throw new Error('trap'); } });
    expect(decodeSignature(evil).problems[0]?.code).toBe('not-a-string');
  });

  it('recognises the response body JSON text passed instead of its signature field', async () => {
    const t = decodeSignature(JSON.stringify({ signature: 'x', sdkKey: 'k' }));
    expect(t.problems[0]?.code).toBe('segment-count');
    expect(t.problems[0]?.message).toContain('whole response body');
  });

  it('recognises only the HMAC part returned (43 characters, no dots)', () => {
    const t = decodeSignature(SIG);
    expect(t.problems[0]?.message).toContain('only the HMAC');
  });

  it.each([
    ['', 'empty'],
    ['  \n ', 'empty'],
    ['""', 'empty'],
  ])('reports %j as empty', (input, code) => {
    expect(decodeSignature(input).problems.map((p) => p.code)).toEqual([code]);
  });

  it(`refuses to analyse more than ${MAX_TOKEN_LENGTH} characters and does not keep the string`, () => {
    const t = decodeSignature('a'.repeat(MAX_TOKEN_LENGTH + 1));
    expect(t.problems.map((p) => p.code)).toEqual(['too-large']);
    expect(t.original).toBeNull();
    expect(t.length).toBe(MAX_TOKEN_LENGTH + 1);
  });

  it('names each broken part: not JSON, not an object, bad encoding, empty signature', () => {
    const h = b64u('{"alg":"HS256"}');
    expect(decodeSignature(`${h}.${b64u("{'appKey': 'k'}")}.${SIG}`).problems[0]).toMatchObject({ code: 'payload-not-json', part: 'payload' });
    expect(decodeSignature(`${h}.${b64u('[1,2]')}.${SIG}`).problems[0]).toMatchObject({ code: 'payload-not-object' });
    expect(decodeSignature(`${b64u('"HS256"')}.${b64u('{}')}.${SIG}`).problems[0]).toMatchObject({ code: 'header-not-object' });
    expect(decodeSignature(`${h}.ab$d.${SIG}`).problems[0]).toMatchObject({ code: 'segment-encoding', part: 'payload' });
    expect(decodeSignature(`${h}.abcde.${SIG}`).problems[0]?.message).toContain('length 5');
    expect(decodeSignature(`${h}.${b64u('{}')}.`).problems[0]).toMatchObject({ code: 'segment-encoding', part: 'signature' });
    expect(decodeSignature(`${h}.${b64u('{}')}.a*b`).problems[0]).toMatchObject({ code: 'segment-encoding', part: 'signature' });
    expect(decodeSignature(`${h}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.${SIG}`).problems[0]?.message).toContain('UTF-8');
  });

  it('still decodes header and payload when the signature part is missing', () => {
    const t = decodeSignature(`${b64u('{"alg":"HS256"}')}.${b64u('{"appKey":"k"}')}`);
    expect(t.problems.map((p) => p.code)).toEqual(['segment-count']);
    expect(t.payload).toEqual({ appKey: 'k' });
  });

  it('reports a duplicated claim', () => {
    const t = decodeSignature(`${b64u('{"alg":"HS256"}')}.${b64u('{"iat":1,"iat":2}')}.${SIG}`);
    expect(t.problems).toEqual([expect.objectContaining({ code: 'duplicate-claim', part: 'payload' })]);
  });

  it('gives each token its own header objects even though the header decoding is cached', async () => {
    const a = decodeSignature(await sample());
    (a.header as Record<string, unknown>).alg = 'changed';
    const b = decodeSignature(await sample());
    expect(b.header?.alg).toBe('HS256');
  });
});
