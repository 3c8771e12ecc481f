/** Video SDK JWTs made the way zoom/videosdk-auth-endpoint-sample makes them (lab/video-sample-jwt.ts). */
import { videoSampleToken, type VideoSampleRequest } from '../../../lab/video-sample-jwt';
import { HS256_HEADER_JSON, signJsonText } from '../../../lab/jwt';
import { NOW } from './token-helpers';

export const VIDEO_KEY = 'VideoSdkKey0Join0Doctor';
export const VIDEO_SECRET = 'video-sdk-secret-for-unit-tests-only';

/** The sample's answer to a POST of `req`, at NOW. */
export function sampleVideoToken(req: VideoSampleRequest = {}, override?: Record<string, unknown>): string {
  return videoSampleToken({ role: 0, sessionName: 'Support Session 42', ...req }, { sdkKey: VIDEO_KEY, sdkSecret: VIDEO_SECRET, nowMs: NOW * 1000, override });
}

/** A payload written by hand (for shapes the sample cannot produce), signed with the same secret. */
export function handVideoToken(payload: Record<string, unknown>): string {
  return signJsonText(HS256_HEADER_JSON, JSON.stringify(payload), VIDEO_SECRET);
}
