import { describe, expect, it } from 'vitest';
import { jsonDuplicateKey } from '../../../lib/rules/json-duplicate-key';
import { SIG, b64u, check, sampleSignature } from './token-helpers';

describe('json-duplicate-key', () => {
  it('a backend that appends "iat" to a JSON string that already had one', () => {
    const [f] = check(jsonDuplicateKey, `${b64u('{"alg":"HS256"}')}.${b64u('{"appKey":"k","iat":1795912284,"exp":1795919484,"iat":1795912300}')}.${SIG}`);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('"iat" more than once');
    expect(f?.data?.part).toBe('payload');
  });

  it('a signature from a JWT library passes', async () => {
    expect(check(jsonDuplicateKey, await sampleSignature())).toEqual([]);
  });
});
