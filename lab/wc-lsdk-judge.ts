/**
 * A local stand-in for Zoom's `wc/lsdk` (the Video SDK join): judges the Video SDK JWT of a join
 * request and answers in the server codes the 2.5.0 bundle knows (docs/zoom-facts.md "Video SDK"),
 * so the real SDK shows the page its own rejection. Independent of lib/rules, like wc-info-judge.ts.
 *
 * Which server code Zoom sends for each mistake is documented only through the SDK's reasons:
 *  - 124 + "The java web token is expired or more than 2 days or ineffective." → "The token has
 *    expired, is over 2 days old, or is ineffective." (used for exp passed and exp − iat outside
 *    1800 s … 48 h: "ineffective");
 *  - 3000 + "The role type error" → 3010 "Role type error" (role_type not the number 0 or 1);
 *  - 300 → "This account does not exist or does not belong to you" (app_key not this account's);
 *  - 124 with any other message → "Verify JWT failed" (bad HMAC, missing claims, tpc ≠ topic:
 *    inferred, no public source names the server's answer to a topic mismatch).
 *  A missing `version` is accepted, as Zoom accepts its own web sample's tokens (field evidence).
 * Undocumented tolerances are taken strictly, as in wc-info-judge.ts.
 */
import type { LabVideoCredentials } from './credentials';
import { hmacMatches } from './jwt';
import type { StandInAnswer } from './wc-info-judge';

const at = (nowMs: number) => new Date(nowMs).toUTCString();
const fail = (errorCode: number, errorMessage: string, reason: string, nowMs: number): StandInAnswer => ({
  body: { status: false, errorCode, errorMessage },
  date: at(nowMs),
  reason,
});
const jwtFail = (reason: string, nowMs: number) => fail(124, 'Invalid token', reason, nowMs);
const EXPIRED = 'The java web token is expired or more than 2 days or ineffective.';

/** The topic the page joined: the form field is base64url of the lower-cased topic. */
function joinedTopic(field: string | undefined): string | null {
  if (!field) return null;
  try {
    return Buffer.from(field, 'base64url').toString('utf8');
  } catch {
    return null;
  }
}

export function judgeLsdk(fields: Record<string, string | undefined>, creds: LabVideoCredentials, nowMs: number): StandInAnswer {
  const token = (fields.zlk ?? '').trim();
  const parts = token.split('.');
  if (parts.length !== 3) return jwtFail('zlk is not three segments', nowMs);
  let payload: Record<string, unknown>;
  let payloadJson: string;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown } | null;
    if (header?.alg !== 'HS256') return jwtFail('alg is not HS256', nowMs);
    payloadJson = Buffer.from(parts[1]!, 'base64url').toString('utf8');
    const p: unknown = JSON.parse(payloadJson);
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return jwtFail('payload is not an object', nowMs);
    payload = p as Record<string, unknown>;
  } catch {
    return jwtFail('header or payload is not JSON', nowMs);
  }
  if (!hmacMatches(token, creds.sdkSecret)) return jwtFail('HMAC does not verify with the Video SDK secret', nowMs);
  if (payload.app_key !== creds.sdkKey) return fail(300, 'The account does not exist', 'app_key is not this account\'s Video SDK key', nowMs);
  // Zoom's own web sample (zoom/videosdk-web-sample generateVideoToken) signs without `version`
  // and Zoom accepts those joins: a stand-in stricter than Zoom would hide what the rules get wrong.
  // A version that is present but not 1 is still refused: no public source shows Zoom accepting one.
  if (payload.version !== undefined && payload.version !== 1) return jwtFail('version is present and not 1', nowMs);
  const iat = payload.iat;
  const exp = payload.exp;
  if (!Number.isInteger(iat) || !Number.isInteger(exp) || !/"iat"\s*:\s*-?\d+[,}\s]/.test(payloadJson)) return jwtFail('iat or exp missing or not an integer', nowMs);
  const now = Math.floor(nowMs / 1000);
  if ((iat as number) > now) return jwtFail(`iat is ${(iat as number) - now} s in the future`, nowMs);
  const window = (exp as number) - (iat as number);
  if (window < 1800 || window > 172800) return fail(124, EXPIRED, `exp − iat is ${window} s (allowed 1800..172800)`, nowMs);
  if ((exp as number) <= now) return fail(124, EXPIRED, 'exp has passed', nowMs);
  if (payload.role_type !== 0 && payload.role_type !== 1) return fail(3000, 'The role type error', `role_type is ${JSON.stringify(payload.role_type)}`, nowMs);
  const topic = joinedTopic(fields.topic);
  if (typeof payload.tpc !== 'string' || topic === null || payload.tpc.toLowerCase() !== topic) {
    return jwtFail(`tpc ${JSON.stringify(payload.tpc)} is not the topic joined (${JSON.stringify(topic)})`, nowMs);
  }
  // A real success answer cannot be reproduced offline: the stand-in says only that the JWT passed.
  return { body: { status: true, errorCode: 0, errorMessage: '', result: {} }, date: at(nowMs), reason: 'Video SDK JWT accepted' };
}
