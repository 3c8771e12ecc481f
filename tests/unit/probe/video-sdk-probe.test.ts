/** `probe` on a Video SDK token endpoint answering like zoom/videosdk-auth-endpoint-sample (`{signature}`). */
import { describe, expect, it } from 'vitest';
import { sampleFromResponse } from '../../../lib/probe';
import { sampleVideoToken } from '../rules/video-token-kit';
import { NOW } from '../rules/token-helpers';

const date = new Date((NOW + 2) * 1000).toUTCString();

describe('probe with Video SDK tokens', () => {
  it('judges each token by the Video SDK rules; --topic checks tpc', () => {
    const body = JSON.stringify({ signature: sampleVideoToken({ sessionName: 'default-session', expirationSeconds: 600 }) });
    const s = sampleFromResponse(0, 200, body, date, (NOW + 2) * 1000, { topic: 'weekly-standup' });
    expect('analysis' in s).toBe(true);
    if (!('analysis' in s)) return;
    expect(s.analysis.findings.map((f) => f.id).sort()).toEqual(['exp-window-short', 'vsdk-tpc-mismatch']);
    expect(s.analysis.findings.every((f) => !/\b37\d\d\b/.test(f.message))).toBe(true);
  });

  it('--sdk meeting on a Video SDK endpoint names the mix-up', () => {
    const s = sampleFromResponse(0, 200, JSON.stringify({ signature: sampleVideoToken() }), date, (NOW + 2) * 1000, { sdk: 'meeting' });
    if (!('analysis' in s)) throw new Error('no sample');
    expect(s.analysis.findings.map((f) => f.id)).toEqual(['token-not-sdk-jwt']);
  });
});
