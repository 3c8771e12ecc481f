/**
 * Realistic sessions for the panel's tests and benchmark: tokens signed with jose (real HS256),
 * outcomes shaped like the real SDK's, including the seed's bug (a Java backend whose
 * Math.round(long) widens to float and quantises iat to 128 s).
 */
import { CompactSign, SignJWT } from 'jose';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';

export const SECRET = 'fixture-sdk-secret-0123456789abcdef';
export const KEY = 'FixtureSdkKey01';
export const MEETING = '85746352163';
const enc = new TextEncoder();

/** Signs a payload given as raw JSON text, so literals such as `1795912284.0` survive. */
export async function signRawPayload(payloadJson: string, secret = SECRET): Promise<string> {
  return new CompactSign(enc.encode(payloadJson)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(enc.encode(secret));
}

export async function signClaims(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(enc.encode(secret));
}

/** Zoom's sample payload with iat at `iatSec`. */
export function samplePayload(iatSec: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { appKey: KEY, sdkKey: KEY, mn: MEETING, role: 0, iat: iatSec, exp: iatSec + 7200, tokenExp: iatSec + 7200, ...extra };
}

export const INVALID_SIGNATURE: Outcome = {
  kind: 'failure',
  code: 3712,
  message: 'Signature is invalid.',
  serverMessage: 'Invalid signature.',
  serverCode: 200,
};

let seq = 0;
export function makeAttempt(signature: unknown, over: Partial<JoinAttempt> = {}): JoinAttempt {
  seq += 1;
  const calledAt = over.calledAt ?? Date.UTC(2026, 10, 29, 3, 0, 0) + seq * 1000;
  return {
    id: `a${seq}`,
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature,
    meetingNumber: MEETING,
    sdkVersion: '6.2.0',
    calledAt,
    settledAt: calledAt + 1900,
    outcome: { kind: 'success' },
    pageUrl: 'https://app.example.test/meeting?id=1',
    ...over,
  };
}

/** Java's Math.round((millis - 30000) / 1000) through the float overload: iat snaps to 128 s. */
export function javaRoundedIat(nowMs: number): number {
  return Math.round(Math.fround((nowMs - 30000) / 1000));
}

/**
 * The seed's session: a node endpoint (correct iat) and a Java endpoint (quantised iat). Joins whose
 * iat lands after the join time fail with 3712, as they did for the seed's users.
 */
export async function seedSession(count = 40, startMs = Date.UTC(2026, 10, 29, 2, 0, 0)): Promise<JoinAttempt[]> {
  const out: JoinAttempt[] = [];
  for (let i = 0; i < count; i++) {
    const calledAt = startMs + i * 37_000;
    const java = i % 2 === 1;
    const iat = java ? javaRoundedIat(calledAt - 500) : Math.floor((calledAt - 500) / 1000);
    const token = await signClaims(samplePayload(iat));
    const future = iat > calledAt / 1000;
    out.push(
      makeAttempt(token, {
        id: `seed-${i}`,
        calledAt,
        settledAt: calledAt + 1200,
        outcome: future ? INVALID_SIGNATURE : { kind: 'success' },
        issuer: {
          url: java ? 'https://api.example.test/java/signature?user=42' : 'https://api.example.test/node/signature',
          method: 'POST',
          receivedAt: calledAt - 500,
          serverDate: calledAt - 1000,
        },
      }),
    );
  }
  return out;
}
