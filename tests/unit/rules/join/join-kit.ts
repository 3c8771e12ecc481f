/**
 * A captured join as the hook records it, with a token from the Node auth sample's arithmetic
 * (perfect unless overridden), for the join-rule tests.
 */
import type { JoinAttempt, Outcome } from '../../../../lib/model/attempt';
import type { Analysis } from '../../../../lib/rules/types';
import { analyseAttempt } from '../../../../lib/attempt-context';
import { samplePayload, signClaims } from '../token-helpers';

export const AT = 1_795_912_284_000;

export async function perfectToken(overrides: Record<string, unknown> = {}, at = AT): Promise<string> {
  const iat = Math.floor(at / 1000);
  return signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200, ...overrides }));
}

export async function joinWith(outcome: Outcome, extra: Partial<JoinAttempt> = {}, tokenOverrides: Record<string, unknown> = {}): Promise<JoinAttempt> {
  return {
    id: extra.id ?? 'j1',
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature: await perfectToken(tokenOverrides, extra.calledAt ?? AT),
    meetingNumber: String(samplePayload().mn),
    calledAt: AT,
    settledAt: AT + 2000,
    outcome,
    clockOffsetMs: 0,
    clockOffsetSource: 'the Date of its own join answer (zoom.us)',
    ...extra,
  };
}

export function ids(a: Analysis, origin?: string): string[] {
  return a.findings.filter((f) => origin === undefined || (f.origin ?? 'token') === origin).map((f) => f.id);
}

export { analyseAttempt };
