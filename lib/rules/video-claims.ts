/**
 * Limits and texts shared by the Video SDK rules (vsdk-*). Sources: docs/zoom-facts.md "Video SDK"
 * (the 2.5.0 bundle, the package's skill/references/auth.md, zoom/videosdk-auth-endpoint-sample).
 */
/** `tpc` and the join topic: at most 200 characters (auth.md; `client.join` rejects a longer topic with 5013). */
export const TPC_MAX = 200;
/** `session_key`, `user_key` / `user_identity`: at most 36 characters (auth.md). */
export const VIDEO_KEY_MAX = 36;

/** What the Video SDK shows for a JWT Zoom refuses (server code 124, generic message). */
export const VERIFY_JWT_FAILED = 'errorCode 200 "Verify JWT failed" (server code 124)';

/** The payload Zoom's Video SDK auth endpoint sample signs, for fix texts. */
export const VIDEO_SAMPLE_PAYLOAD =
  '{app_key: VIDEO_SDK_KEY, role_type: 0|1, tpc: sessionName, version: 1, iat, exp: iat + 7200} ' +
  '(zoom/videosdk-auth-endpoint-sample, signed HS256 with the Video SDK secret)';

const hasOwn = Object.prototype.hasOwnProperty;

/** A claim of the payload, or undefined when absent. */
export function videoClaim(payload: Record<string, unknown>, name: string): unknown {
  return hasOwn.call(payload, name) ? payload[name] : undefined;
}
