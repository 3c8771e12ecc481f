import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { tokenNotSdkJwt } from '../../../lib/rules/token-not-sdk-jwt';
import { NOW, check, sampleSignature, secretBytes } from './token-helpers';

const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }) =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(secretBytes());

describe('token-not-sdk-jwt', () => {
  it('a REST-API JWT of the old JWT app passed as signature (devforum #36563)', async () => {
    const [f] = check(tokenNotSdkJwt, await sign({ iss: 'apiKeyOfJwtApp', exp: NOW + 3600 }));
    expect(f?.severity).toBe('error');
    expect(f?.data?.kind).toBe('rest-api');
    expect(f?.message).toContain('claims: iss, exp');
    expect(f?.fix).toContain('appKey');
  });

  it('a Server-to-Server OAuth access token (devforum #98154)', async () => {
    const token = await sign(
      { aud: 'https://oauth.zoom.us', uid: 'u1', ver: 10, auid: 'a1', nbf: NOW, iss: 'zm:cid:abcdef', iat: NOW, exp: NOW + 3600, tid: 3 },
      { alg: 'HS512', v: '2.0', kid: 'k1' },
    );
    const [f] = check(tokenNotSdkJwt, token);
    expect(f?.data?.kind).toBe('oauth');
    expect(f?.message).toContain('OAuth access token');
  });

  it('a Video SDK JWT used with the Meeting SDK', async () => {
    const video = await sign({ app_key: 'k', tpc: 'support', role_type: 1, version: 1, iat: NOW, exp: NOW + 7200 });
    const [f] = check(tokenNotSdkJwt, video, { sdk: 'meeting' });
    expect(f?.data?.kind).toBe('video-sdk');
    expect(f?.message).toContain('tpc, app_key, role_type');
    expect(f?.message).toContain('given to a Meeting SDK join');
    // Given to a Video SDK join, or on its own, it is routed to the Video SDK rules instead.
    expect(check(tokenNotSdkJwt, video)).toEqual([]);
    expect(check(tokenNotSdkJwt, video, { sdk: 'video' })).toEqual([]);
  });

  it('a Meeting SDK signature given to a Video SDK join (client.join(topic, signature, …))', async () => {
    const [f] = check(tokenNotSdkJwt, await sampleSignature(), { sdk: 'video' });
    expect(f?.data?.kind).toBe('meeting-sdk');
    expect(f?.message).toContain('appKey, sdkKey, mn, role');
    expect(f?.fix).toContain('app_key');
  });

  it('a Meeting SDK signature carrying an extra iss claim is still a signature', async () => {
    expect(check(tokenNotSdkJwt, await sampleSignature({ iss: 'my-backend' }))).toEqual([]);
    expect(check(tokenNotSdkJwt, await sampleSignature())).toEqual([]);
  });
});
