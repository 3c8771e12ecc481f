/**
 * Realistic sessions for the panel's tests and benchmark: tokens from the one token kit
 * (tests/unit/rules/token-helpers.ts: real HS256 with jose),
 * outcomes shaped like the real SDK's, including the seed's bug (a Java backend whose
 * Math.round(long) widens to float and quantises iat to 128 s).
 */
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import { MEETING, payloadIssuedAt, signClaims } from '../rules/token-helpers';

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
    const token = await signClaims(payloadIssuedAt(iat));
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
