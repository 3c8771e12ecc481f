import { describe, expect, it } from 'vitest';
import { tokenWrapped } from '../../../lib/rules/token-wrapped';
import { analyseTokenInput } from '../../../lib/analyse';
import { decode, run, samplePayload, signClaims } from './token-helpers';

describe('token-wrapped', () => {
  it("devforum #4005: the page passed the endpoint's whole JSON answer ({signature, sdkKey}, as Zoom's sample returns it)", async () => {
    const jwt = await signClaims(samplePayload());
    const body = JSON.stringify({ signature: jwt, sdkKey: 'abc' }); // what `await res.text()` gives
    const a = analyseTokenInput(body, { referenceTime: 1795912284 });
    expect(a.findings.map((f) => f.id)).toEqual(['token-wrapped']);
    const f = a.findings[0]!;
    expect(f.message).toContain("this is your endpoint's JSON response, not the token. Pass its `signature` field");
    expect(f.message).toContain('the JWT inside');
    expect(f.fix).toContain('data.signature');
    expect(f.message).not.toContain('contains "{"');
  });

  it('a nested answer ({data:{token}}) names the field that holds the JWT', async () => {
    const jwt = await signClaims(samplePayload());
    const [f] = run(tokenWrapped, decode(JSON.stringify({ ok: true, data: { token: jwt } })));
    expect(f?.data?.['field']).toBe('data.token');
  });

  it('an Authorization header value ("Bearer eyJ…") passed as the signature: remove the prefix', async () => {
    const jwt = await signClaims(samplePayload());
    for (const input of [`Bearer ${jwt}`, `bearer ${jwt}`, `Authorization: Bearer ${jwt}`]) {
      const a = analyseTokenInput(input, { referenceTime: 1795912284 });
      expect(a.findings.map((f) => f.id)).toEqual(['token-wrapped']);
      expect(a.findings[0]!.message).toContain('HTTP Authorization header value');
      expect(a.findings[0]!.fix).toContain('Remove the `');
      expect(a.findings[0]!.fix).toContain(' ` prefix');
    }
  });

  it('String(response) in the page: "[object Object]"', () => {
    const [f] = run(tokenWrapped, decode('[object Object]'));
    expect(f?.message).toContain('"[object Object]"');
  });

  it('a bare token, or JSON without any token in it, is not called wrapped', async () => {
    expect(run(tokenWrapped, decode(await signClaims(samplePayload())))).toEqual([]);
    expect(run(tokenWrapped, decode('{"error":"unauthorised"}'))).toEqual([]);
  });
});
