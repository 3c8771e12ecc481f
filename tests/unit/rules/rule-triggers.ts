/**
 * One context per token rule in which that rule fires, each token made the way its generator makes
 * it. Shared by the per-language fix test and the message typography test; a new rule without a
 * trigger fails the coverage test in fixes-per-language.test.ts.
 */
import { createHmac } from 'node:crypto';
import type { RuleContext } from '../../../lib/rules/types';
import { verifySecret } from '../../../lib/verify-secret';
import { JOIN_TIME, KEY, SECRET, decode, samplePayload, signClaims, signJson, tokenFor } from './token-helpers';
import { phpHandRolled } from './php-hex-digest';
import { handVideoToken, sampleVideoToken } from './video-token-kit';

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
/** A compact HS256 JWT from exact header and payload JSON text, as a generator wrote them. */
export function jwtFromText(headerJson: string, payloadJson: string, secret = SECRET): string {
  const input = `${b64u(headerJson)}.${b64u(payloadJson)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export const REF = { referenceTime: JOIN_TIME };
export type Trigger = () => Promise<RuleContext>;
const ctx = async (tokenText: unknown, extra: Omit<RuleContext, 'token'> = REF): Promise<RuleContext> => ({ token: decode(tokenText as string), ...extra });
const claims = async (o: Record<string, unknown>, extra: Omit<RuleContext, 'token'> = REF) => ({ token: await tokenFor(o), ...extra });

/** One context per rule id in which that rule fires. A new rule without one fails the coverage test below. */
export const TRIGGERS: Record<string, Trigger> = {
  'token-malformed': () => ctx('not-a-token'),
  'token-wrapped': async () => ctx(`Bearer ${await signClaims(samplePayload())}`),
  'token-whitespace': async () => ctx(`${await signClaims(samplePayload())}\n`),
  'token-not-base64url': async () => ctx((await signClaims(samplePayload({ mn: '>>>??>' }))).replace(/-/g, '+').replace(/_/g, '/')),
  'token-legacy-format': () => ctx(b64u(`${KEY}.123456789.1583169538773.0.${b64u('x'.repeat(32))}`)),
  'token-not-sdk-jwt': async () => ctx(await signClaims({ iss: 'apikey', exp: JOIN_TIME + 60 })),
  'header-alg': async () => ctx(jwtFromText('{"alg":"HS512","typ":"JWT"}', JSON.stringify(samplePayload()))),
  'signature-length': async () => ctx(phpHandRolled(samplePayload(), SECRET)),
  'json-duplicate-key': async () => ctx(await signJson(JSON.stringify(samplePayload()).replace('{', '{"role":1,'))),
  'app-key-missing': () => claims({ appKey: undefined, sdkKey: undefined }),
  'app-key-legacy-only': () => claims({ appKey: undefined }),
  'app-key-mismatch': () => claims({ sdkKey: 'otherKey' }),
  'mn-missing': () => claims({ mn: undefined }),
  'role-missing': () => claims({ role: undefined }),
  'mn-mismatch': () => claims({}, { ...REF, join: { meetingNumber: '987654321' } }),
  'mn-format': () => claims({ mn: '123 456 789' }),
  'role-invalid': () => claims({ role: 2 }),
  'iat-missing': () => claims({ iat: undefined }),
  'exp-missing': () => claims({ exp: undefined }),
  'iat-fractional': () => claims({ iat: JOIN_TIME - 0.5 }),
  'exp-fractional': () => claims({ exp: JOIN_TIME + 7200.5 }),
  'time-as-string': () => claims({ iat: String(JOIN_TIME) }),
  'time-in-milliseconds': () => claims({ iat: JOIN_TIME * 1000 }),
  'iat-future': () => claims({ iat: JOIN_TIME + 20, exp: JOIN_TIME + 7220 }),
  'iat-quantized': () => claims({ iat: 1795912192, exp: 1795912192 + 7200 }),
  'exp-window-short': () => claims({ exp: JOIN_TIME + 600 }),
  'exp-window-long': () => claims({ exp: JOIN_TIME + 200000 }),
  'token-expired': () => claims({ iat: JOIN_TIME - 9000, exp: JOIN_TIME - 1800, tokenExp: JOIN_TIME - 1800 }),
  'tokenexp-invalid': () => claims({ tokenExp: JOIN_TIME + 600 }),
  'webrtc-mode-invalid': () => claims({ video_webrtc_mode: 2 }),
  'clock-skew': () => claims({}, { ...REF, clockOffset: -120 }),
  'secret-mismatch': async () => {
    const t = await tokenFor();
    return { token: t, ...REF, verification: await verifySecret(t, 'wrong-secret-0123456789', KEY) };
  },
  'secret-swapped': async () => {
    const t = decode(await signClaims(samplePayload(), KEY));
    return { token: t, ...REF, verification: await verifySecret(t, SECRET, KEY) };
  },
  'secret-whitespace': async () => {
    const t = decode(await signClaims(samplePayload(), `${SECRET}\n`));
    return { token: t, ...REF, verification: await verifySecret(t, SECRET, KEY) };
  },
  'secret-encoding': async () => {
    const t = decode(await signClaims(samplePayload(), Buffer.from(SECRET).toString('base64')));
    return { token: t, ...REF, verification: await verifySecret(t, SECRET, KEY) };
  },
  // Video SDK JWTs as zoom/videosdk-auth-endpoint-sample makes them ({app_key, tpc, role_type, version: 1, iat, exp, …}).
  'vsdk-app-key-missing': () => ctx(sampleVideoToken({}, { app_key: undefined })),
  'vsdk-tpc-missing': () => ctx(handVideoToken({ app_key: 'k', topic: 'room', role_type: 0, version: 1, iat: JOIN_TIME, exp: JOIN_TIME + 7200 })),
  'vsdk-tpc-mismatch': () => ctx(sampleVideoToken({ sessionName: 'room-a' }), { ...REF, sdk: 'video', join: { topic: 'room-b' } }),
  'vsdk-tpc-too-long': () => ctx(sampleVideoToken({ sessionName: 'x'.repeat(201) })),
  'vsdk-role-type-invalid': () => ctx(sampleVideoToken({}, { role_type: '1' })),
  'vsdk-version-missing': () => ctx(sampleVideoToken({}, { version: undefined })),
  'vsdk-session-key-too-long': () => ctx(sampleVideoToken({ sessionKey: 'sess-123e4567-e89b-12d3-a456-426614174000' })),
  'vsdk-user-identity-too-long': () => ctx(sampleVideoToken({ userIdentity: 'someone.with.a.long.address@example.com' })),
};

