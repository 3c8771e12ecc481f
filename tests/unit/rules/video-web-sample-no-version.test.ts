/**
 * Zoom's own Video SDK web sample (zoom/videosdk-web-sample src/utils/util.ts `generateVideoToken`,
 * commit 8bfd286) signs its tokens in the browser without `version`, and Zoom accepts those joins.
 * What Zoom does in the field outranks the docs' table: a missing version is a warning, never the
 * cause of a failure, and no finding makes a join Zoom accepted FAIL.
 */
import { describe, expect, it } from 'vitest';
import { analyseTokenInput } from '../../../lib/analyse';
import { analyseAttempt } from '../../../lib/attempt-context';
import { attemptAnswer, correlate } from '../../../lib/correlate';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import { HS256_HEADER_JSON, signJsonText } from '../../../lab/jwt';
import { NOW } from './token-helpers';
import { VIDEO_KEY, VIDEO_SECRET } from './video-token-kit';

const TOPIC = 'Support Session 42';

/**
 * generateVideoToken(sdkKey, sdkSecret, topic, '', '', 1, '', '', ''), as the sample's index.tsx
 * calls it with its dev config: iat = Math.round(Date.now() / 1000) - 30, exp = iat + 2 h, the
 * recording options parseInt('') = NaN (JSON null), KJUR.jws.JWS.sign over the JSON texts.
 */
function webSampleToken(nowMs: number, override: Record<string, unknown> = {}): string {
  const iat = Math.round(nowMs / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const payload = { app_key: VIDEO_KEY, iat, exp, tpc: TOPIC, role_type: 1, cloud_recording_option: parseInt('', 10), cloud_recording_election: parseInt('', 10), ...override };
  return signJsonText(HS256_HEADER_JSON, JSON.stringify(payload), VIDEO_SECRET);
}

function videoJoin(signature: string, outcome: Outcome): JoinAttempt {
  return {
    id: 'v1',
    api: 'video-sdk',
    method: 'video.join',
    sdk: 'video',
    topic: TOPIC,
    signature,
    calledAt: NOW * 1000,
    settledAt: NOW * 1000 + 900,
    outcome,
    wire: { sentAt: NOW * 1000 + 40, answeredAt: NOW * 1000 + 400, http: 200, accepted: outcome.kind === 'success' },
  };
}

const VERIFY_JWT_FAILED: Outcome = { kind: 'failure', code: 200, message: 'Verify JWT failed', serverMessage: null, serverCode: 124, type: 'JOIN_MEETING_FAILED' };

describe("Zoom's Video SDK web sample token (no version)", () => {
  it('is judged: only a warning that version is missing, which says Zoom accepts it', () => {
    const a = analyseTokenInput(webSampleToken(NOW * 1000), { referenceTime: NOW, sdk: 'video', join: { topic: TOPIC } });
    expect(a.findings.map((f) => [f.id, f.severity])).toEqual([['vsdk-version-missing', 'warning']]);
    expect(a.verdict).toBe('warn');
    expect(a.findings[0]!.message).toContain("Zoom's own Video SDK web sample signs its tokens without version and Zoom accepts them");
  });

  it('a join Zoom accepted is never FAIL, even with a token error a rule expected Zoom to refuse', () => {
    // exp − iat of 600 s is an error by Zoom's docs; Zoom accepted this join anyway.
    const t = webSampleToken(NOW * 1000, { exp: Math.round(NOW) - 30 + 600 });
    const analysis = analyseAttempt(videoJoin(t, { kind: 'success', acceptedOnly: true }));
    expect(analysis.findings.find((f) => f.id === 'exp-window-short')?.severity).toBe('error');
    expect(analysis.verdict).toBe('warn');
    expect(attemptAnswer({ attempt: videoJoin(t, { kind: 'success', acceptedOnly: true }), analysis }).verdict).toBe('OK');
  });

  it('a "Verify JWT failed" with only the missing version is not blamed on it: the answer is to check the secret', () => {
    const attempt = videoJoin(webSampleToken(NOW * 1000), VERIFY_JWT_FAILED);
    const item = { attempt, analysis: analyseAttempt(attempt) };
    const c = correlate([item]);
    expect(c.causes[0]?.kind).toBe('unexplained');
    expect(c.primary[attempt.id]?.key).toBe('unexplained:code:200');
    expect(attemptAnswer(item, c.primary[attempt.id] ?? null)).toMatchObject({ verdict: 'FAIL', kind: 'check-secret' });
  });
});
