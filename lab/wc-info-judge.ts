/**
 * A local stand-in for Zoom's `wc/info`: judges the signature of a join request the way Zoom
 * documents it and answers with Zoom's own shapes. Deliberately independent of lib/rules (it is
 * the thing the rules are tested against, so it must not share their code or their mistakes).
 *
 * Undocumented tolerances are taken strictly: an iat one second ahead of the clock fails.
 * What Zoom answers for a wrong `mn` is not documented; "Invalid signature." is what the forum
 * threads show for payload mistakes, so that is the answer here.
 */
import type { LabCredentials } from './credentials';
import { hmacMatches } from './jwt';

export interface WcInfoAnswerBody {
  status: boolean;
  errorCode: number;
  errorMessage: string;
  result?: unknown;
}

export interface StandInAnswer {
  body: WcInfoAnswerBody;
  /** The lab clock stamped as an HTTP Date header (1 s resolution, like Zoom's). */
  date: string;
  /** Why, for the lab log (never sent to the page). */
  reason: string;
}

const INVALID = 'Invalid signature.';
const fail = (errorMessage: string, reason: string, nowMs: number): StandInAnswer => ({
  body: { status: false, errorCode: 200, errorMessage },
  date: new Date(nowMs).toUTCString(),
  reason,
});

/** The literal text of a top-level number claim (`1795912284.0`), or null. */
function numberLiteral(payloadJson: string, claim: string): string | null {
  const m = new RegExp(`"${claim}"\\s*:\\s*(-?[0-9][0-9.eE+-]*)`).exec(payloadJson);
  return m ? m[1]! : null;
}

function integerClaim(payloadJson: string, claim: string): number | null {
  const raw = numberLiteral(payloadJson, claim);
  return raw !== null && /^-?\d+$/.test(raw) ? Number(raw) : null;
}

export function judgeWcInfo(fields: Record<string, string | undefined>, creds: LabCredentials, nowMs: number): StandInAnswer {
  const token = (fields.signature ?? '').trim();
  const parts = token.split('.');
  if (parts.length !== 3) return fail(INVALID, 'not three segments', nowMs);
  let header: unknown;
  let payloadJson: string;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    payloadJson = Buffer.from(parts[1]!, 'base64url').toString('utf8');
    const p: unknown = JSON.parse(payloadJson);
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return fail(INVALID, 'payload is not an object', nowMs);
    payload = p as Record<string, unknown>;
  } catch {
    return fail(INVALID, 'header or payload is not JSON', nowMs);
  }
  if ((header as { alg?: unknown } | null)?.alg !== 'HS256') return fail(INVALID, 'alg is not HS256', nowMs);
  if (!hmacMatches(token, creds.sdkSecret)) return fail(INVALID, 'HMAC does not verify with the app secret', nowMs);
  const key = payload.appKey ?? payload.sdkKey;
  if (key !== creds.sdkKey) return fail('The api key is wrong.', 'appKey/sdkKey is not the app key', nowMs);
  const iat = integerClaim(payloadJson, 'iat');
  const exp = integerClaim(payloadJson, 'exp');
  if (iat === null) return fail(INVALID, 'iat is missing or not an integer literal', nowMs);
  if (exp === null) return fail(INVALID, 'exp is missing or not an integer literal', nowMs);
  const now = Math.floor(nowMs / 1000);
  if (iat > now) return fail(INVALID, `iat is ${iat - now} s in the future`, nowMs);
  const window = exp - iat;
  if (window < 1800 || window > 172800) return fail(INVALID, `exp − iat is ${window} s (allowed 1800..172800)`, nowMs);
  if (exp <= now) return fail('The signature has expired.', 'exp has passed', nowMs);
  if (payload.mn === undefined || payload.mn === null) return fail(INVALID, 'mn is missing', nowMs);
  if (String(payload.mn) !== String(fields.meetingNumber ?? '')) return fail(INVALID, 'mn is not the meeting joined', nowMs);
  if (payload.role === undefined) return fail(INVALID, 'role is missing', nowMs);
  if (payload.role !== 0 && payload.role !== 1) return fail('The role is not applicable.', 'role is not 0 or 1', nowMs);
  // Zoom's success answer cannot be reproduced offline (Zoom's servers are out of reach): the stand-in says
  // only that the signature passed.
  return { body: { status: true, errorCode: 0, errorMessage: '', result: {} }, date: new Date(nowMs).toUTCString(), reason: 'signature accepted' };
}
