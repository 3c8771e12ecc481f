/**
 * A Video SDK JWT goes to the Video SDK rule set plus the shared rules, in the Video SDK's own
 * words; a token given to the other SDK's join is named as such.
 */
import { describe, expect, it } from 'vitest';
import { analyseTokenInput } from '../../../lib/analyse';
import { rules } from '../../../lib/rules/index';
import { NOW, sampleSignature } from './token-helpers';
import { VIDEO_KEY, VIDEO_SECRET, handVideoToken, sampleVideoToken } from './video-token-kit';
import { verifySecret } from '../../../lib/verify-secret';
import { decodeSignature } from '../../../lib/token/decode';

const at = { referenceTime: NOW + 5, joinTime: NOW + 5 };

describe('Video SDK routing', () => {
  it('a good token from the Video SDK auth sample passes, with its topic', () => {
    const a = analyseTokenInput(sampleVideoToken({ sessionName: 'Support Session 42' }), { ...at, sdk: 'video', join: { topic: 'support session 42' } });
    expect(a.findings).toEqual([]);
    expect(a.verdict).toBe('pass');
  });

  it('the shared window rule judges a Video SDK token: exp 600 s after iat', () => {
    const a = analyseTokenInput(sampleVideoToken({ expirationSeconds: 600 }), at);
    const ids = a.findings.map((f) => f.id);
    expect(ids).toEqual(['exp-window-short']);
    expect(a.findings[0]!.message).toContain('The token has expired, is over 2 days old, or is ineffective.');
    expect(a.findings[0]!.message).not.toMatch(/37\d\d/);
  });

  it('time, clock and secret rules apply; Meeting SDK claim rules stay silent', async () => {
    const token = sampleVideoToken({}, { iat: NOW + 100, exp: NOW + 100 + 7200 });
    const verification = await verifySecret(decodeSignature(token), 'not-the-secret', VIDEO_KEY);
    const a = analyseTokenInput(token, { ...at, verification });
    const ids = a.findings.map((f) => f.id).sort();
    expect(ids).toEqual(['iat-future', 'secret-mismatch']);
    for (const f of a.findings) {
      expect(f.message).not.toMatch(/\b37\d\d\b|appKey|Meeting SDK/);
      expect(f.fix).not.toMatch(/\bappKey\b|Meeting SDK app/);
    }
    expect(a.findings.find((f) => f.id === 'secret-mismatch')!.message).toContain('Verify JWT failed');
  });

  it('the right secret verifies a sample token', async () => {
    const token = sampleVideoToken();
    const verification = await verifySecret(decodeSignature(token), VIDEO_SECRET, VIDEO_KEY);
    expect(analyseTokenInput(token, { ...at, verification }).findings).toEqual([]);
  });

  it('base64 padding and whitespace rules apply to Video SDK tokens too', () => {
    const token = `${sampleVideoToken()}\n`;
    expect(analyseTokenInput(token, at).findings.map((f) => f.id)).toContain('token-whitespace');
  });

  it('a Video SDK token given to a Meeting SDK join is named, and the Video SDK rules stay silent', () => {
    const a = analyseTokenInput(sampleVideoToken({}, { role_type: '1' }), { ...at, sdk: 'meeting', join: { meetingNumber: '123456789' } });
    expect(a.findings.map((f) => f.id)).toEqual(['token-not-sdk-jwt']);
    expect(a.findings[0]!.message).toContain('given to a Meeting SDK join');
  });

  it('a Meeting SDK signature given to a Video SDK join is named', async () => {
    const a = analyseTokenInput(await sampleSignature({ iat: NOW, exp: NOW + 7200, tokenExp: NOW + 7200 }), { ...at, sdk: 'video', join: { topic: 'x' } });
    const f = a.findings.find((x) => x.id === 'token-not-sdk-jwt');
    expect(f?.data?.kind).toBe('meeting-sdk');
    expect(f?.message).toContain('given to a Video SDK join');
    expect(a.findings.some((x) => x.id.startsWith('vsdk-'))).toBe(false);
  });

  it('in a Video SDK join a payload with no SDK claims at all gets the Video SDK findings', () => {
    const a = analyseTokenInput(handVideoToken({ iat: NOW, exp: NOW + 7200 }), { ...at, sdk: 'video' });
    expect(a.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['vsdk-app-key-missing', 'vsdk-tpc-missing', 'vsdk-role-type-invalid', 'vsdk-version-missing']));
    expect(a.findings.some((f) => f.id === 'app-key-missing')).toBe(false);
  });

  it('every Video SDK rule id is stable, unique and in the catalogue', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['vsdk-tpc-mismatch', 'vsdk-role-type-invalid', 'vsdk-version-missing', 'vsdk-session-key-too-long', 'vsdk-user-identity-too-long']) {
      expect(ids).toContain(id);
    }
  });
});
