/**
 * A token pasted on the triage page, as a join attempt the panel's inspector and exports show:
 * judged at the time it is pasted (as `join-doctor check` judges at "now"), against the meeting
 * number, SDK key and topic typed beside it. Nothing was sent to Zoom, so the outcome stays
 * pending: no rule pretends to know Zoom's answer.
 */
import type { JoinAttempt } from '../model/attempt';

export interface PastedToken {
  token: string;
  meetingNumber?: string;
  sdkKey?: string;
  /** Video SDK: the session topic passed to client.join. */
  topic?: string;
}

export const PASTED_METHOD = 'pasted token';
/** A JWT is a few hundred characters; a signature field holding a page is a paste mistake. */
export const MAX_PASTED_TOKEN_CHARS = 16 * 1024;

/** Trims the fields as a person's paste needs (a copied token often ends with a newline); empty fields are left out. */
export function pastedTokenAttempt(p: PastedToken, index: number, nowMs: number): JoinAttempt {
  const token = p.token.trim();
  const meetingNumber = p.meetingNumber?.trim() ?? '';
  const sdkKey = p.sdkKey?.trim() ?? '';
  // A topic is compared as typed (the Video SDK lower-cases only on the wire): keep inner spaces.
  const topic = p.topic ?? '';
  return {
    id: `token-${index}`,
    api: 'wire',
    method: PASTED_METHOD,
    ...(topic !== '' ? { sdk: 'video' as const, topic } : {}),
    signature: token,
    ...(meetingNumber !== '' ? { meetingNumber } : {}),
    ...(sdkKey !== '' ? { sdkKey } : {}),
    calledAt: nowMs,
    outcome: { kind: 'pending' },
  };
}
