/**
 * Constructed join series for correlation tests: backends issue real HS256 tokens (jose) with the
 * iat arithmetic of real generators, and Zoom (modelled as "iat must not be after its clock")
 * decides the outcome.
 */
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { analyseAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt, Outcome } from '../../../lib/model/attempt';
import type { CorrelationItem } from '../../../lib/correlate';
import { samplePayload, signClaims } from '../rules/token-helpers';

export const JAVA_URL = 'https://api.example.com/java/signature?user=a';
export const NODE_URL = 'https://api.example.com/node/signature';

export type Backend = 'java' | 'node';

/** iat as each backend computes it at `nowMs`: Java `Math.round((now - 30000) / 1000)`, Node `Math.floor(now / 1000)`. */
export function iatFor(backend: Backend, nowMs: number): number {
  return backend === 'java' ? javaRoundLongIat(nowMs, 30_000) : Math.floor(nowMs / 1000);
}

export const INVALID_SIGNATURE: Outcome = { kind: 'failure', code: 3712, message: 'Signature is invalid.', serverMessage: 'Invalid signature.' };

/** A ZoomMtg.join of meeting 123456789 that settled 2 s after it was called, on a clock Zoom measured. */
export function clientViewJoin(id: string, signature: string, calledAt: number, outcome: Outcome, extra: Partial<JoinAttempt> = {}): JoinAttempt {
  return { id, api: 'client-view', method: 'ZoomMtg.join', signature, meetingNumber: '123456789', calledAt, settledAt: calledAt + 2000, outcome, clockOffsetMs: 0, ...extra };
}

export async function joinAt(id: string, backend: Backend, nowMs: number, extra: Partial<JoinAttempt> = {}, outcome?: Outcome): Promise<CorrelationItem> {
  const iat = iatFor(backend, nowMs);
  const signature = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }));
  const zoomSays: Outcome = outcome ?? (iat > nowMs / 1000 ? INVALID_SIGNATURE : { kind: 'success' });
  const attempt = clientViewJoin(id, signature, nowMs, zoomSays, {
    issuer: { url: backend === 'java' ? JAVA_URL : NODE_URL, method: 'POST', receivedAt: nowMs - 50 },
    clockOffsetSource: 'zoom.us',
    ...extra,
  });
  return { attempt, analysis: analyseAttempt(attempt) };
}

/** `n` joins spaced by a prime number of milliseconds so they fall on every phase of the 128 s cycle. */
export async function series(backend: Backend, n: number, startMs = 1_795_912_284_000, stepMs = 37_013): Promise<CorrelationItem[]> {
  const out: CorrelationItem[] = [];
  for (let i = 0; i < n; i++) out.push(await joinAt(`${backend}-${i}`, backend, startMs + i * stepMs));
  return out;
}
