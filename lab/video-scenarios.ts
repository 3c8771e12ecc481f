/**
 * The lab's Video SDK signature endpoints: Zoom's Video SDK auth endpoint sample
 * (video-sample-jwt.ts) and four real mistakes made with it. Each issues for the lab's Video SDK
 * credentials on the lab clock and answers `{signature}` like the sample.
 */
import type { LabVideoCredentials } from './credentials';
import { videoSampleToken } from './video-sample-jwt';

export type VideoScenarioName = 'vsdk-good' | 'vsdk-topic-mismatch' | 'vsdk-role-string' | 'vsdk-window-600' | 'vsdk-wrong-secret';

export interface VideoScenario {
  name: VideoScenarioName;
  title: string;
  description: string;
  /** The rule that names the cause in the panel. */
  expectedFinding: string | null;
  /** What the real SDK 2.5.0 rejects the page's join with, given the lab stand-in's answer (measured). */
  expectedRejection: { errorCode: number; reason: string };
  issue(nowMs: number, creds: LabVideoCredentials, role: number): string;
}

const sample = (nowMs: number, creds: LabVideoCredentials, req: Parameters<typeof videoSampleToken>[0], override?: Record<string, unknown>, secret = creds.sdkSecret) =>
  videoSampleToken(req, { sdkKey: creds.sdkKey, sdkSecret: secret, nowMs, override });

const VERIFY_JWT_FAILED = { errorCode: 200, reason: 'Verify JWT failed' };

export const VIDEO_SCENARIOS: Record<VideoScenarioName, VideoScenario> = {
  'vsdk-good': {
    name: 'vsdk-good',
    title: 'Correct (Zoom’s Video SDK sample)',
    description: 'zoom/videosdk-auth-endpoint-sample: {app_key, role_type, tpc: sessionName, version: 1, iat, exp: iat + 7200}.',
    expectedFinding: null,
    // Offline the accepted JWT gets no further than the media connection (measured in Chromium).
    expectedRejection: { errorCode: 200, reason: 'connection error' },
    issue: (now, creds, role) => sample(now, creds, { role, sessionName: creds.topic }),
  },
  'vsdk-topic-mismatch': {
    name: 'vsdk-topic-mismatch',
    title: 'tpc is another session',
    description: 'The endpoint signs a default session name instead of the one the page joins (zoom/videosdk-reactnative-quickstart#5).',
    expectedFinding: 'vsdk-tpc-mismatch',
    expectedRejection: VERIFY_JWT_FAILED,
    issue: (now, creds, role) => sample(now, creds, { role, sessionName: 'default-session' }),
  },
  'vsdk-role-string': {
    name: 'vsdk-role-string',
    title: 'role_type as a string',
    description: 'A port of the sample that drops its parseInt: role_type "1" from a form field or query string.',
    expectedFinding: 'vsdk-role-type-invalid',
    expectedRejection: { errorCode: 3010, reason: 'Role type error' },
    issue: (now, creds, role) => sample(now, creds, { role, sessionName: creds.topic }, { role_type: String(role) }),
  },
  'vsdk-window-600': {
    name: 'vsdk-window-600',
    title: 'exp only 600 s after iat',
    description: 'expirationSeconds: 600 (a "10 minute token"): below Zoom’s 1800 s minimum; the sample’s own validator would refuse it.',
    expectedFinding: 'exp-window-short',
    expectedRejection: { errorCode: 200, reason: 'The token has expired, is over 2 days old, or is ineffective.' },
    issue: (now, creds, role) => sample(now, creds, { role, sessionName: creds.topic, expirationSeconds: 600 }),
  },
  'vsdk-wrong-secret': {
    name: 'vsdk-wrong-secret',
    title: 'Signed with another app’s secret',
    description: 'ZOOM_VIDEO_SDK_SECRET holds the secret of another app (or the Meeting SDK app’s): the HMAC does not verify.',
    expectedFinding: 'secret-mismatch',
    expectedRejection: VERIFY_JWT_FAILED,
    issue: (now, creds, role) => sample(now, creds, { role, sessionName: creds.topic }, undefined, `${creds.sdkSecret}-old`),
  },
};

export const VIDEO_SCENARIO_NAMES = Object.keys(VIDEO_SCENARIOS) as VideoScenarioName[];

export function isVideoScenarioName(s: unknown): s is VideoScenarioName {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(VIDEO_SCENARIOS, s);
}
