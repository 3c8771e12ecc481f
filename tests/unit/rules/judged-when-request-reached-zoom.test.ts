/**
 * Zoom checks iat and exp when the SDK's request carrying the token (wc/info, wc/lsdk) reaches it,
 * not when the page called join(). The client view waits on its preview screen (camera and
 * microphone check) before it sends wc/info; wire.sentAt records when it did.
 */
import { describe, expect, it } from 'vitest';
import { analyseAttempt, contextForAttempt } from '../../../lib/attempt-context';
import type { JoinAttempt } from '../../../lib/model/attempt';
import { JOIN_TIME, samplePayload, signClaims } from './token-helpers';

const CALLED_MS = JOIN_TIME * 1000;
const PREVIEW_WAIT_MS = 90_000;

function attempt(signature: string, over: Partial<JoinAttempt> = {}): JoinAttempt {
  return {
    id: 'a1',
    api: 'client-view',
    method: 'ZoomMtg.join',
    signature,
    meetingNumber: '123456789',
    calledAt: CALLED_MS,
    outcome: { kind: 'pending' },
    ...over,
  };
}

const sentAfterPreview = { sentAt: CALLED_MS + PREVIEW_WAIT_MS, answeredAt: null, http: null, accepted: null };

/** Zoom's auth sample: iat = Math.floor(Date.now() / 1000) on the backend's clock, exp = iat + expirationSeconds. */
function authSampleClaims(backendNowMs: number, expirationSeconds = 7200): Record<string, unknown> {
  const iat = Math.floor(backendNowMs / 1000);
  return samplePayload({ iat, exp: iat + expirationSeconds, tokenExp: iat + expirationSeconds });
}

describe('time claims are judged when the request reached Zoom (wire.sentAt), not at join()', () => {
  it('a signature fetched at page load with the sample minimum 1800 s is valid at join() 1790 s later, and expired once the preview screen held wc/info for 90 s', async () => {
    const fetchedMs = CALLED_MS - 1_790_000;
    const signature = await signClaims(authSampleClaims(fetchedMs, 1800));
    const a = analyseAttempt(attempt(signature, { wire: sentAfterPreview }));
    const expired = a.findings.find((f) => f.id === 'token-expired');
    expect(expired?.severity).toBe('error');
    expect(expired?.message).toContain('80 s before the time the request reached Zoom on the local clock');
    expect(expired?.message).toContain('its request left 90 s after join()');
    expect(expired?.message).toContain('It was still valid at join()');
    expect(expired?.data).toMatchObject({ expMinusReference: -80, judgedAt: 'request', requestDelay: 90 });
    // The same join without a request seen is judged at join(): still valid then.
    expect(analyseAttempt(attempt(signature)).findings.map((f) => f.id)).not.toContain('token-expired');
  });

  it('a backend clock 40 s ahead makes iat 40 s in the future at join(), but Zoom received the request 90 s later: no iat-future', async () => {
    const signature = await signClaims(authSampleClaims(CALLED_MS + 40_000));
    const atCall = analyseAttempt(attempt(signature)).findings.find((f) => f.id === 'iat-future');
    expect(atCall?.message).toContain('iat is 40 s after the join time on the local clock');
    expect(atCall?.data).toMatchObject({ judgedAt: 'join', requestDelay: null });
    const atRequest = analyseAttempt(attempt(signature, { wire: sentAfterPreview }));
    expect(atRequest.findings.map((f) => f.id)).not.toContain('iat-future');
  });

  it("the measured offset to Zoom's clock applies to the request time, and the message names both", async () => {
    // Backend 120 s ahead of the page, Zoom 5 s ahead of the page, request 90 s after join(): iat 25 s in Zoom's future.
    const signature = await signClaims(authSampleClaims(CALLED_MS + 120_000));
    const a = analyseAttempt(attempt(signature, { wire: sentAfterPreview, clockOffsetMs: 5000, clockOffsetSource: 'the Date of its own join answer (zoom.us)' }));
    const f = a.findings.find((x) => x.id === 'iat-future');
    expect(f?.data?.['iatMinusReference']).toBe(25);
    expect(f?.message).toContain("iat is 25 s after the time the request reached Zoom on Zoom's clock (local clock +5 s, measured from the Date of its own join answer (zoom.us); its request left 90 s after join())");
  });

  it('a request sent with the call (HAR wire joins, a join() that posts at once) keeps the words "the join time"', async () => {
    const signature = await signClaims(authSampleClaims(CALLED_MS + 40_000));
    const a = analyseAttempt(attempt(signature, { wire: { ...sentAfterPreview, sentAt: CALLED_MS + 120 } }));
    expect(a.findings.find((f) => f.id === 'iat-future')?.message).toContain('iat is 39.88 s after the join time on the local clock');
  });

  it('a request stamped before its join() call is a pairing artefact: the call time stays the reference', () => {
    const ctx = contextForAttempt(attempt('x', { wire: { ...sentAfterPreview, sentAt: CALLED_MS - 5000 } }));
    expect(ctx.referenceTime).toBe(JOIN_TIME);
    expect(ctx.requestTime).toBeUndefined();
  });
});
