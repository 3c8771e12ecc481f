import { describe, expect, it } from 'vitest';
import { vsdkAppKeyMissing } from '../../../lib/rules/vsdk-app-key-missing';
import { vsdkTpcMissing } from '../../../lib/rules/vsdk-tpc-missing';
import { vsdkTpcTooLong } from '../../../lib/rules/vsdk-tpc-too-long';
import { NOW, check, sampleSignature } from './token-helpers';
import { handVideoToken, sampleVideoToken } from './video-token-kit';

describe('vsdk-app-key-missing', () => {
  it('the sample run without ZOOM_VIDEO_SDK_KEY set writes no app_key (JSON.stringify drops undefined)', () => {
    const [f] = check(vsdkAppKeyMissing, sampleVideoToken({}, { app_key: undefined }));
    expect(f?.message).toContain('The payload has no app_key');
  });

  it('a payload with apiKey (the pre-2.7 Meeting SDK spelling) instead of app_key', () => {
    const [f] = check(vsdkAppKeyMissing, handVideoToken({ apiKey: 'k', tpc: 't', role_type: 0, version: 1, iat: NOW, exp: NOW + 7200 }), { sdk: 'video' });
    expect(f?.message).toContain('it has apiKey');
  });

  it('silent on a good token and on a Meeting SDK signature', async () => {
    expect(check(vsdkAppKeyMissing, sampleVideoToken())).toEqual([]);
    expect(check(vsdkAppKeyMissing, await sampleSignature())).toEqual([]);
  });
});

describe('vsdk-tpc-missing', () => {
  it('the sample called without sessionName (its validator would refuse; a copy without validation signs it)', () => {
    const [f] = check(vsdkTpcMissing, sampleVideoToken({ sessionName: undefined }));
    expect(f?.claim).toBe('tpc');
    expect(f?.message).toContain('The payload has no tpc');
  });

  it('a payload with topic instead of tpc', () => {
    const [f] = check(vsdkTpcMissing, handVideoToken({ app_key: 'k', topic: 'room', role_type: 0, version: 1, iat: NOW, exp: NOW + 7200 }));
    expect(f?.message).toContain('it has topic = "room"');
  });
});

describe('vsdk-tpc-too-long', () => {
  it('a free-text title of 201 characters', () => {
    const [f] = check(vsdkTpcTooLong, sampleVideoToken({ sessionName: 'x'.repeat(201) }));
    expect(f?.data?.length).toBe(201);
    expect(f?.message).toContain('5013');
  });

  it('200 characters is the limit', () => {
    expect(check(vsdkTpcTooLong, sampleVideoToken({ sessionName: 'x'.repeat(200) }))).toEqual([]);
  });
});
