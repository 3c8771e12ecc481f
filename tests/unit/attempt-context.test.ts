import { describe, expect, it } from 'vitest';
import { analyseAttempt, contextForAttempt } from '../../lib/attempt-context';
import type { JoinAttempt } from '../../lib/model/attempt';
import { JOIN_TIME, samplePayload, signClaims } from './rules/token-helpers';

function attempt(over: Partial<JoinAttempt> = {}): JoinAttempt {
  return { id: 'a1', api: 'client-view', signature: '', calledAt: JOIN_TIME * 1000 + 250, outcome: { kind: 'pending' }, ...over };
}

describe('attempt → rule context', () => {
  it("a page clock 3 s behind Zoom's: reference time is the join time plus the measured offset", () => {
    const ctx = contextForAttempt(attempt({ clockOffsetMs: 3000, clockOffsetSource: 'zoom.us' }));
    expect(ctx).toEqual({ joinTime: JOIN_TIME + 0.25, referenceTime: JOIN_TIME + 3.25, clockOffset: 3, clockOffsetSource: 'the Date header of zoom.us' });
  });

  it('no Date header from Zoom: reference time is the page clock and no offset is claimed', () => {
    const ctx = contextForAttempt(attempt({ clockOffsetMs: null, meetingNumber: '123 456 789', sdkKey: 'k' }));
    expect(ctx).toEqual({ joinTime: JOIN_TIME + 0.25, referenceTime: JOIN_TIME + 0.25, join: { meetingNumber: '123 456 789', sdkKey: 'k' } });
  });

  it('a token issued by a backend 20 s ahead fails against the corrected join time, not the page clock alone', async () => {
    const signature = await signClaims(samplePayload({ iat: JOIN_TIME + 20, exp: JOIN_TIME + 7220 }));
    const a = analyseAttempt(attempt({ signature, clockOffsetMs: 25_000, clockOffsetSource: 'zoom.us' }));
    // Zoom's clock is 25 s ahead of the page: iat is 4.75 s in Zoom's past. No iat-future.
    expect(a.findings.map((f) => f.id)).not.toContain('iat-future');
    const b = analyseAttempt(attempt({ signature }));
    expect(b.findings.find((f) => f.id === 'iat-future')?.data?.['iatMinusReference']).toBe(19.75);
  });

  it('the meetingNumber passed to join reaches mn-mismatch', async () => {
    const signature = await signClaims(samplePayload({ mn: '111111111' }));
    expect(analyseAttempt(attempt({ signature, meetingNumber: 123456789 })).findings.map((f) => f.id)).toContain('mn-mismatch');
  });
});
