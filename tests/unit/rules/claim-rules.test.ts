import { describe, expect, it } from 'vitest';
import { claimRules } from '../../../lib/rules/claim-rules';
import { rules } from '../../../lib/rules/index';
import { verifySecret } from '../../../lib/verify-secret';
import { JOIN_TIME, KEY, SECRET, decode, signClaims, tokenFor } from './token-helpers';

const ctx = { referenceTime: JOIN_TIME + 2, joinTime: JOIN_TIME + 1, clockOffset: 1, join: { meetingNumber: '123456789', sdkKey: KEY } };

describe('claim, time and secret rules together', () => {
  it("Zoom's auth-endpoint sample token, joined 2 s after issue with the right secret, gets no finding", async () => {
    const token = await tokenFor();
    const verification = await verifySecret(token, SECRET, KEY);
    expect(claimRules.flatMap((r) => r.check({ token, ...ctx, verification }))).toEqual([]);
  });

  it('an OAuth/REST-API token passed as the signature is left to token-not-sdk-jwt, not buried under "no mn", "no role"', async () => {
    const token = decode(await signClaims({ iss: 'legacyApiKey', exp: JOIN_TIME + 3600 }));
    expect(claimRules.flatMap((r) => r.check({ token, ...ctx }))).toEqual([]);
    const video = decode(await signClaims({ app_key: KEY, tpc: 'topic', role_type: 1, version: 1, iat: JOIN_TIME, exp: JOIN_TIME + 60 }));
    // A Video SDK JWT is no longer "another token": the shared time rules judge it (issue 11), the Meeting SDK claim rules do not.
    expect(claimRules.flatMap((r) => r.check({ token: video, ...ctx })).map((f) => f.id)).toEqual(['exp-window-short']);
  });

  it('every claim rule is in the catalogue exactly once', () => {
    for (const r of claimRules) expect(rules.filter((x) => x.id === r.id)).toHaveLength(1);
  });
});
