import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { tokenLegacyFormat } from '../../../lib/rules/token-legacy-format';
import { check, sampleSignature } from './token-helpers';

/** The 1.x–2.6 generator (websdk-sample-signature-node.js): base64(key.mn.ts.role.base64(hmac)). */
function legacySignature(apiKey: string, mn: string, ts: number, role: number, urlSafe: boolean): string {
  const msg = Buffer.from(apiKey + mn + ts + role).toString('base64');
  const hash = createHmac('sha256', 'apiSecret').update(msg).digest('base64');
  const sig = Buffer.from(`${apiKey}.${mn}.${ts}.${role}.${hash}`).toString('base64');
  return urlSafe ? sig.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : sig;
}

describe('token-legacy-format', () => {
  it('a pre-JWT millisecond signature with SDK 6.x (devforum #83251, #85056)', () => {
    const [f] = check(tokenLegacyFormat, legacySignature('xu3JPaA_RJW2-9l5_HAaLA', '123456789', 1583169538773, 0, false));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('apiKey xu3JPaA_RJW2-9l5_HAaLA');
    expect(f?.message).toContain('mn 123456789');
    expect(f?.message).toContain('1583169538773 ms (2020-03-02T17:18:58.773Z)');
    expect(f?.message).toContain('role 0');
    expect(f?.message).not.toMatch(/[A-Za-z0-9+/]{43}=/);
    expect(f?.data).toMatchObject({ mn: '123456789', timestampMs: 1583169538773, role: '0' });
  });

  it('the URL-safe variant with padding trimmed, as many generators emitted it', () => {
    expect(check(tokenLegacyFormat, legacySignature('AbCdEfGhIjKl', '98765432101', Date.UTC(2021, 0, 1), 1, true))[0]?.data?.role).toBe('1');
  });

  it('a JWT and random text are not the legacy format', async () => {
    expect(check(tokenLegacyFormat, await sampleSignature())).toEqual([]);
    expect(check(tokenLegacyFormat, Buffer.from('hello.world.this.is.not').toString('base64'))).toEqual([]);
  });
});
