import type { DecodedToken, JsonMember } from '../token/types';
import type { RuleContext } from './types';
import { foreignTokenOf } from './token-not-sdk-jwt';
import { factsOf } from './token-facts';

/**
 * Epoch values above this are milliseconds, not seconds: 1e11 s is the year 5138, while
 * `Date.now()` has been above 1e12 since 2001. Rules that compare times skip such values so
 * one unit mistake yields one finding (time-in-milliseconds), not five.
 */
export const MILLISECONDS_THRESHOLD = 1e11;

/** Zoom's window for `exp − iat` (dev.to/zoom troubleshooting article; auth sample `isBetween(1800,172800)`). */
export const MIN_WINDOW_S = 1800;
export const MAX_WINDOW_S = 172800;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The payload when it may be a Meeting SDK signature; null when there is none or when it is another
 * Zoom token (REST-API JWT, OAuth, Video SDK). token-not-sdk-jwt already names that token, and
 * "no mn", "no role", "no iat" on an OAuth token would only bury it. (The classification is worked
 * out once per analysis: foreignTokenOf.)
 */
export function sdkPayload(token: DecodedToken): Record<string, unknown> | null {
  const payload = token.payload;
  if (!payload) return null;
  return foreignTokenOf(token) === null ? payload : null;
}

/**
 * The payload when it is a join token of either web SDK (Meeting SDK signature or Video SDK JWT):
 * what the shared time rules judge. Null for OAuth and REST-API tokens, as in sdkPayload.
 */
export function signaturePayload(token: DecodedToken): Record<string, unknown> | null {
  const payload = token.payload;
  if (!payload) return null;
  const foreign = foreignTokenOf(token);
  return foreign === null || foreign.kind === 'video-sdk' ? payload : null;
}

/** A payload claim's value; undefined when absent (JSON has no undefined, so absent and undefined coincide). */
export function claimValue(token: DecodedToken, name: string): unknown {
  const payload = token.payload;
  return payload !== null && hasOwn.call(payload, name) ? payload[name] : undefined;
}

export interface ClaimView {
  present: boolean;
  value: unknown;
  /** The literal as the generator wrote it, when the decoder kept it. */
  raw: string | null;
  kind: JsonMember['kind'] | null;
}

export function claim(token: DecodedToken, name: string): ClaimView {
  const value = claimValue(token, name);
  if (value === undefined) return { present: false, value: undefined, raw: null, kind: null };
  const members = token.payloadMembers;
  const member = members !== null && hasOwn.call(members, name) ? members[name] : undefined;
  return { present: true, value, raw: member?.raw ?? null, kind: member?.kind ?? null };
}

/** A time claim usable for arithmetic: a finite number in seconds (not a string, not milliseconds). */
export function epochSeconds(token: DecodedToken, name: string): number | null {
  // iat and exp are read by every time rule: once per analysis (token-facts.ts).
  if (name === 'iat' || name === 'exp') {
    const facts = factsOf(token);
    if (facts !== null) {
      const known = facts[name];
      return known !== undefined ? known : (facts[name] = readEpochSeconds(token, name));
    }
  }
  return readEpochSeconds(token, name);
}

function readEpochSeconds(token: DecodedToken, name: string): number | null {
  const value = claimValue(token, name);
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (!signaturePayload(token)) return null;
  if (Math.abs(value) >= MILLISECONDS_THRESHOLD) return null;
  return value;
}

/** Seconds for messages: whole numbers stay whole, others get at most three decimals. */
export function seconds(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return `${rounded} s`;
}

export function isoTime(epochS: number): string {
  const d = new Date(epochS * 1000);
  return Number.isNaN(d.getTime()) ? 'an invalid date' : d.toISOString().replace('.000Z', 'Z');
}

/**
 * Names the reference time in messages, saying whether it is Zoom's clock (join time corrected by a
 * measured offset) or only the local clock, because a finding against an uncorrected local clock
 * may be the local clock's fault.
 */
export function referenceLabel(ctx: RuleContext): string {
  const delay = requestDelay(ctx);
  // The request went out when join() was called (to the half second): "the join time" says it.
  const atRequest = delay === null || delay >= REQUEST_DELAY_SHOWN_S;
  const what = ctx.requestTime !== undefined && Number.isFinite(ctx.requestTime) && atRequest ? REQUEST_SUBJECT : JOIN_SUBJECT;
  const sent = what === REQUEST_SUBJECT && delay !== null ? `; its request left ${seconds(delay)} after join()` : '';
  if (ctx.clockOffset !== undefined && Number.isFinite(ctx.clockOffset)) {
    const sign = ctx.clockOffset >= 0 ? '+' : '−';
    const pm = ctx.clockUncertainty !== undefined && Number.isFinite(ctx.clockUncertainty) ? ` ±${seconds(ctx.clockUncertainty)}` : '';
    const from = ctx.clockOffsetSource ? `, measured from ${ctx.clockOffsetSource}` : '';
    return `${what} on Zoom's clock (local clock ${sign}${seconds(Math.abs(ctx.clockOffset))}${pm}${from}${sent})`;
  }
  return `${what} on the local clock (no offset to Zoom's clock was measured${ctx.clockNote ? `: ${ctx.clockNote}` : ''}${sent})`;
}

/** How the reference time is named: at the join() call, or when the SDK's request reached Zoom. */
export const JOIN_SUBJECT = 'the join time';
export const REQUEST_SUBJECT = 'the time the request reached Zoom';
/** Under half a second between join() and its request, the two times are one: say "the join time". */
const REQUEST_DELAY_SHOWN_S = 0.5;

/** Seconds from the join() call to the SDK's request carrying the token, when both were seen. */
export function requestDelay(ctx: Pick<RuleContext, 'joinTime' | 'requestTime'>): number | null {
  const { joinTime, requestTime } = ctx;
  return joinTime !== undefined && requestTime !== undefined && Number.isFinite(joinTime) && Number.isFinite(requestTime) ? requestTime - joinTime : null;
}

export function referenceCorrected(ctx: RuleContext): boolean {
  return ctx.clockOffset !== undefined && Number.isFinite(ctx.clockOffset);
}

/** A short, JSON-safe rendering of an arbitrary claim value for messages. */
export function show(value: unknown): string {
  // Claim values come from hostile pages too: String() on {"toString":{}} throws, so nothing here may.
  let text: string;
  try {
    text = plainJson(value) ?? JSON.stringify(value) ?? typeof value;
  } catch {
    text = Array.isArray(value) ? 'an array' : typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * JSON.stringify's text for the values messages show most (a finite number, a string of printable
 * ASCII without `"` or `\\`), built without it; null for anything else. Findings show claim values on
 * most analysed tokens, and the native call costs more than the scan.
 */
function plainJson(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string' || value.length > 64) return null;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34 || c === 92) return null;
  }
  return `"${value}"`;
}
