/**
 * Which Zoom web SDK a token is for, and which rule set judges it. A Meeting SDK signature
 * (`appKey`/`sdkKey`, `mn`, `role`) and a Video SDK JWT (`app_key`, `tpc`, `role_type`, `version`)
 * are both HS256 JWTs with `iat`/`exp`; the shared rules (encoding, alg, times, secret) judge both,
 * the SDK-specific rules only their own (docs/zoom-facts.md "Video SDK").
 */
import type { DecodedToken } from '../token/types';
import type { RuleContext } from './types';
import { foreignTokenOf, meetingClaimsIn } from './token-not-sdk-jwt';

export type SdkFamily = 'meeting' | 'video';

/** The SDK the token's claims are written for; null when there is no payload or it is another Zoom token (OAuth, REST-API JWT). */
export function tokenSdk(token: DecodedToken): SdkFamily | null {
  const payload = token.payload;
  if (!payload) return null;
  const foreign = foreignTokenOf(token);
  if (foreign === null) return 'meeting';
  return foreign.kind === 'video-sdk' ? 'video' : null;
}

/** The SDK whose rules judge this token: the join's SDK when known, else the token's own. */
export function judgedAs(ctx: Pick<RuleContext, 'token' | 'sdk'>): SdkFamily | null {
  return ctx.sdk ?? tokenSdk(ctx.token);
}

/**
 * The payload the Video SDK rules judge: a Video SDK JWT not handed to a Meeting SDK join, or, in a
 * Video SDK join, a payload with no claim of either SDK (so "no app_key, no tpc" gets said). Null for
 * a Meeting SDK signature (token-not-sdk-jwt names that mix-up) and for OAuth/REST tokens.
 */
export function videoPayload(ctx: Pick<RuleContext, 'token' | 'sdk'>): Record<string, unknown> | null {
  if (ctx.sdk === 'meeting') return null;
  const payload = ctx.token.payload;
  const family = tokenSdk(ctx.token);
  if (family === 'video') return payload;
  return ctx.sdk === 'video' && family === 'meeting' && payload !== null && meetingClaimsIn(payload).length === 0 ? payload : null;
}
