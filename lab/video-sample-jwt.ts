/**
 * A Video SDK JWT made exactly as Zoom's Video SDK auth endpoint sample makes it
 * (zoom/videosdk-auth-endpoint-sample src/index.js, commit 098ef1e): string inputs of role,
 * expirationSeconds, cloudRecordingOption and cloudRecordingElection are parseInt-ed;
 * iat = Math.floor(Date.now() / 1000) with no back-dating; exp = iat + (expirationSeconds || 7200);
 * the payload keys in the sample's order, undefined ones dropped by JSON.stringify; the header
 * `{"alg":"HS256","typ":"JWT"}`; KJUR.jws.JWS.sign('HS256', …) over those two JSON texts with the
 * Video SDK secret (an HMAC over the exact text, as signJsonText does). The sample's request
 * validation (role ∈ {0,1}, expirationSeconds ∈ [1800, 172800], …) is deliberately not applied:
 * tests and the lab need the tokens a modified or hand-written backend produces.
 */
import { HS256_HEADER_JSON, signJsonText } from './jwt';

export interface VideoSampleRequest {
  role?: number | string;
  sessionName?: string;
  expirationSeconds?: number | string;
  userIdentity?: string;
  sessionKey?: string;
  geoRegions?: string | string[];
  cloudRecordingOption?: number | string;
  cloudRecordingElection?: number | string;
}

export interface VideoSampleOptions {
  sdkKey: string;
  sdkSecret: string;
  /** The generator's clock, epoch ms (the sample reads Date.now()). */
  nowMs: number;
  /** Claims to override or add after the sample built its payload (e.g. role_type as a string). */
  override?: Record<string, unknown>;
}

const coerce = (v: unknown) => (typeof v === 'string' ? parseInt(v) : v);

/** The sample's `joinGeoRegions`: whitespace removed, empty entries dropped, comma-joined. */
function joinGeoRegions(v: string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v.flatMap((s) => s.replace(/\s+/g, '')) : v.split(',').map((s) => s.replace(/\s+/g, ''));
  return list.filter((s) => !!s).join(',');
}

export function videoSamplePayload(req: VideoSampleRequest, opts: Pick<VideoSampleOptions, 'sdkKey' | 'nowMs'>): Record<string, unknown> {
  const expirationSeconds = coerce(req.expirationSeconds) as number | undefined;
  const iat = Math.floor(opts.nowMs / 1000);
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2;
  return {
    app_key: opts.sdkKey,
    role_type: coerce(req.role),
    tpc: req.sessionName,
    version: 1,
    iat,
    exp,
    user_identity: req.userIdentity,
    session_key: req.sessionKey,
    geo_regions: joinGeoRegions(req.geoRegions),
    cloud_recording_option: coerce(req.cloudRecordingOption),
    cloud_recording_election: coerce(req.cloudRecordingElection),
  };
}

export function videoSampleToken(req: VideoSampleRequest, opts: VideoSampleOptions): string {
  const payload = { ...videoSamplePayload(req, opts), ...(opts.override ?? {}) };
  return signJsonText(HS256_HEADER_JSON, JSON.stringify(payload), opts.sdkSecret);
}
