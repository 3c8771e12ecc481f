/**
 * What the page hook (entrypoints/zoom-hook.content.ts) posts on the secret channel, and how the
 * relay reads it. The hook runs in every frame of every page, so it is held to a byte budget
 * (scripts/build/hook-budget.ts): it sends raw facts as positional tuples and judges nothing. This
 * module is where they are read: it turns each message into the typed HookEvent of ./messages.ts
 * (the form every later boundary validates and stores), then ./validate.ts checkHookEvent checks it.
 *
 * A message is the JSON text of `[HOOK_WIRE_VERSION, event, at]`, `at` the page clock (epoch ms),
 * `event` a tuple whose first member says what it is (HookWireEvent). A page value the hook read
 * (a signature, the join options, a callback's result, Zoom's answer) is a `Raw`: its JSON text as
 * the hook's saved JSON.stringify wrote it, or a number when that could not be done
 * (RAW_UNREADABLE, RAW_FUNCTION, RAW_TOO_LARGE), or null for undefined. Decoding is linear: one
 * JSON.parse of at most MAX_HOOK_MESSAGE_CHARS, then one JSON.parse or URLSearchParams per field.
 */
import { MAX_CAPTURED_STRING, MAX_HOOK_MESSAGE_CHARS } from './limits';
import type { HookEvent, HookMethod } from './messages';

/**
 * The version of this encoding, first in every message. 1 was `{ source, v: PROTOCOL_VERSION, e }`
 * with the hook's own reading in `e`; 2 is these tuples of raw facts. The channel is agreed per
 * document between a hook and a relay of the same build, so a mismatch means a forged or broken
 * message: refused as wrong-version, never misread.
 */
export const HOOK_WIRE_VERSION = 2;

// Event kinds, plain constants so the hook's bundle inlines them as numbers. `id` is the hook's
// count of calls and requests in its document (1, 2, …); the relay makes it `<relayId>:<id>`.
/**
 * `[WIRE_PAGE]`: the hook found an SDK global. The relay reports the document's page event
 * (isolation, start) once, with the first hook message that shows Zoom, whichever it is.
 */
export const WIRE_PAGE = 0;
/**
 * `[WIRE_CALL, id, method]` an init; `[WIRE_CALL, id, method, sig, meetingNumber, sdkKey, options]` a join
 * (Video SDK: `options` is the topic, the positional join has no meeting number or key).
 */
export const WIRE_CALL = 1;
/** `[WIRE_SETTLE, id, ok, result]`: a hooked call's callback ran or its promise settled. */
export const WIRE_SETTLE = 2;
/** `[WIRE_SIG, id, value]`: what a signature function returned (awaited). */
export const WIRE_SIG = 3;
/** `[WIRE_REQ, id, url, body]`: a join request; `body` an XHR's (false when not a string), null for JSONP (its fields are in the URL). */
export const WIRE_REQ = 4;
/**
 * `[WIRE_RES, id, http, body]`: its answer. `http` 0 network error, null JSONP. `body`: a Raw of
 * the answer object keeping status, errorCode and errorMessage only; null when there was none
 * (nothing came, or it was no JSON).
 */
export const WIRE_RES = 5;
/** `[WIRE_RWG]` the meeting-server WebSocket opened; `[WIRE_RWG, text]` one of its messages containing `"evt":4098`. */
export const WIRE_RWG = 6;
/** `[WIRE_ERROR, n]`: the hook swallowed its n-th error of this document. */
export const WIRE_ERROR = 7;

/** How the hook says it could not serialise a page value. */
export const RAW_UNREADABLE = 0;
export const RAW_FUNCTION = 1;
export const RAW_TOO_LARGE = 2;
/** A page value as the hook sends it (see the module comment); undefined travels as null. */
export type Raw = string | typeof RAW_UNREADABLE | typeof RAW_FUNCTION | typeof RAW_TOO_LARGE | null | undefined;

/** The tuples the hook sends; the hook's `send` is typed with it, so the two cannot drift. */
export type HookWireEvent =
  | [typeof WIRE_PAGE]
  | [typeof WIRE_CALL, number, HookMethod]
  | [typeof WIRE_CALL, number, HookMethod, Raw, Raw, Raw, Raw]
  | [typeof WIRE_SETTLE, number, boolean, Raw]
  | [typeof WIRE_SIG, number, Raw]
  | [typeof WIRE_REQ, number, string, Raw | false]
  | [typeof WIRE_RES, number, number | null, Raw]
  | [typeof WIRE_RWG]
  | [typeof WIRE_RWG, string]
  | [typeof WIRE_ERROR, number];

/** What the relay adds from its own view of the document (the same document as the hook's). */
export interface HookDocumentFacts {
  /** The relay's id for the document: hook ids are numbered within it. */
  id: string;
  /** `window.crossOriginIsolated`. */
  coi: boolean | null;
  /** `performance.timeOrigin`: the document's start. */
  o: number;
}

type Decoded = { ok: true; value: Record<string, unknown> | null } | { ok: false; reason: 'not-json' | 'bad-shape' | 'too-large' | 'wrong-version'; detail?: string };

const RAW_TEXT = ['[unreadable]', '[function]', '[too large]'] as const;
const BAD = Symbol('bad');

/** A Raw back to the value the hook read (a marker text for what it could not serialise); BAD for anything else. */
function raw(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return RAW_TEXT[v] ?? BAD;
  if (typeof v !== 'string') return BAD;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return BAD;
  }
}

/** A string field the hook would have sent as a Raw: kept whole when it fits, else the too-large marker. */
function capped(s: string | null): string | null {
  return s === null || JSON.stringify(s).length <= MAX_CAPTURED_STRING ? s : RAW_TEXT[RAW_TOO_LARGE];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** The document's page event: its isolation and start, as the relay reads them. */
export const pageEvent = (doc: HookDocumentFacts, at: number): HookEvent => ({ t: 'page', coi: doc.coi, o: doc.o, at });

/** The join request's form fields: XHR from its body, JSONP from its URL's query. */
function wireRequest(id: string, url: string, body: unknown, at: number): Record<string, unknown> | typeof BAD {
  const jsonp = body === null;
  // A body over the cap: its signature is too large (never cut: a cut token is another token).
  const tooLarge = body === RAW_TOO_LARGE;
  let text = '';
  if (jsonp) text = url.slice(url.indexOf('?') + 1);
  else if (typeof body === 'string') {
    const b = raw(body);
    if (typeof b !== 'string') return BAD;
    text = b;
  } else if (body !== false && !tooLarge) return BAD;
  const q = new URLSearchParams(text);
  const sig = tooLarge ? RAW_TEXT[RAW_TOO_LARGE] : capped(q.get('signature') ?? q.get('zlk'));
  return { t: 'wire-req', id, via: jsonp ? 'jsonp' : 'xhr', url, sig, mn: q.get('meetingNumber'), cv: q.get('cv'), tp: q.get('topic'), at };
}

/** One event tuple to its HookEvent shape (still to be validated); null: nothing to record; BAD: not a tuple the hook sends. */
function decodeEvent(w: unknown[], at: number, doc: HookDocumentFacts): Record<string, unknown> | null | typeof BAD {
  const kind = w[0];
  if (kind === WIRE_PAGE) return pageEvent(doc, at) as unknown as Record<string, unknown>;
  if (kind === WIRE_RWG) return meetingServer(w, at);
  if (kind === WIRE_ERROR) return { t: 'hook-error', n: w[1], at };
  if (!isCount(w[1])) return BAD;
  const id = `${doc.id}:${w[1]}`;
  switch (kind) {
    case WIRE_CALL: {
      if (typeof w[2] !== 'string') return BAD;
      const method = w[2];
      if (w.length === 3) return { t: 'call', id, method, sig: null, at };
      if (w.length !== 7) return BAD;
      const [sig, mn, sdkKey, a] = [raw(w[3]), raw(w[4]), raw(w[5]), raw(w[6])];
      if (sig === BAD || mn === BAD || sdkKey === BAD || a === BAD) return BAD;
      // Video SDK: join(topic, token, …) is positional; the hook sends the topic where a join has its options.
      if (method.startsWith('video.')) return { t: 'call', id, method, sig, mn, sdkKey, tp: a, a: 0, at };
      // Options that serialised to nothing (a toJSON returning undefined) give no facts.
      return { t: 'call', id, method, sig, mn, sdkKey, tp: null, ...(a === null ? {} : { a }), at };
    }
    case WIRE_SETTLE: {
      const res = raw(w[3]);
      return res !== BAD ? { t: 'settle', id, ok: w[2], res, at } : BAD;
    }
    case WIRE_SIG: {
      const sig = raw(w[2]);
      return sig !== BAD ? { t: 'sig', id, sig, at } : BAD;
    }
    case WIRE_REQ:
      return typeof w[2] === 'string' && w.length === 4 ? wireRequest(id, w[2], w[3], at) : BAD;
    case WIRE_RES: {
      const b = raw(w[3]);
      if (b === BAD) return BAD;
      // Only these three were kept by the hook; absent ones read as null, as Zoom's answer types them.
      const body = isObject(b) ? { status: b.status ?? null, errorCode: b.errorCode ?? null, errorMessage: b.errorMessage ?? null } : null;
      return { t: 'wire-res', id, http: w[2], body, at };
    }
    default:
      return BAD;
  }
}

/** The RWG socket opened, or one of its messages: the join answer (evt 4098) gives its `res`; any other records nothing. */
function meetingServer(w: unknown[], at: number): Record<string, unknown> | null | typeof BAD {
  if (w.length === 1) return { t: 'rwg', res: null, at };
  if (typeof w[1] !== 'string') return BAD;
  const m = raw(w[1]);
  // The hook matched `"evt":4098` as text; only the message's own evt counts.
  if (m === BAD || !isObject(m) || m.evt !== 4098) return null;
  return isObject(m.body) ? { t: 'rwg', res: m.body.res, at } : BAD;
}

/**
 * A CustomEvent detail from the secret channel to the HookEvent it says (unvalidated: the caller
 * runs checkHookEvent), or null for a message that records nothing. Size is checked before parsing.
 */
export function decodeHookMessage(detail: unknown, doc: HookDocumentFacts): Decoded {
  if (typeof detail !== 'string') return { ok: false, reason: 'bad-shape', detail: 'detail is not a string' };
  if (detail.length > MAX_HOOK_MESSAGE_CHARS) return { ok: false, reason: 'too-large', detail: `${detail.length} chars` };
  let m: unknown;
  try {
    m = JSON.parse(detail);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!Array.isArray(m) || m.length !== 3 || !Array.isArray(m[1])) return { ok: false, reason: 'bad-shape', detail: 'not [version, event, at]' };
  if (m[0] !== HOOK_WIRE_VERSION) return { ok: false, reason: 'wrong-version', detail: `version ${String(m[0])}, expected ${HOOK_WIRE_VERSION}` };
  const e = decodeEvent(m[1] as unknown[], m[2] as number, doc);
  if (e === BAD) return { ok: false, reason: 'bad-shape', detail: `event ${String((m[1] as unknown[])[0])}` };
  return { ok: true, value: e };
}

/** JSON text of a value, as the hook's `raw` writes a Raw. */
const rawOf = (v: unknown): Raw => JSON.stringify(v) ?? null;

/** The hook's count in an id `<relayId>:<n>` (the form decodeHookMessage gives it). */
function countOf(id: string): number {
  const n = Number(id.slice(id.lastIndexOf(':') + 1));
  if (!isCount(n)) throw new Error(`"${id}" is no id the hook's count gives`);
  return n;
}

/**
 * The message the hook would send for `e` (tests and tools: the hook writes its tuples inline,
 * for its byte budget, typed by HookWireEvent). `decodeHookMessage` of it, in a document whose id
 * is the part of `e.id` before its count, gives `e` back.
 */
export function encodeHookMessage(e: HookEvent, version: number = HOOK_WIRE_VERSION): string {
  return JSON.stringify([version, encodeEvent(e), e.at]);
}

function encodeEvent(e: HookEvent): unknown[] {
  switch (e.t) {
    case 'page':
      return [WIRE_PAGE];
    case 'call':
      // An init is sent without arguments (its options are no join's).
      if (e.sig === null && e.mn === undefined && e.a === undefined) return [WIRE_CALL, countOf(e.id), e.method];
      return [WIRE_CALL, countOf(e.id), e.method, rawOf(e.sig), rawOf(e.mn), rawOf(e.sdkKey), rawOf(e.method.startsWith('video.') ? e.tp : e.a)];
    case 'settle':
      return [WIRE_SETTLE, countOf(e.id), e.ok, rawOf(e.res)];
    case 'sig':
      return [WIRE_SIG, countOf(e.id), rawOf(e.sig)];
    case 'wire-req': {
      const fields = new URLSearchParams();
      if (e.mn !== null) fields.set('meetingNumber', e.mn);
      if (e.sig !== null) fields.set(e.url.includes('/wc/lsdk') ? 'zlk' : 'signature', e.sig);
      if (e.cv !== null) fields.set('cv', e.cv);
      if (e.tp != null) fields.set('topic', e.tp);
      const id = countOf(e.id);
      return e.via === 'jsonp' ? [WIRE_REQ, id, e.url.includes('?') ? e.url : `${e.url}?${fields}`, null] : [WIRE_REQ, id, e.url, rawOf(fields.toString())];
    }
    case 'wire-res':
      return [WIRE_RES, countOf(e.id), e.http, rawOf(e.body)];
    case 'rwg':
      return e.res === null ? [WIRE_RWG] : [WIRE_RWG, JSON.stringify({ evt: 4098, body: { res: e.res } })];
    case 'hook-error':
      return [WIRE_ERROR, e.n];
    default:
      // 'csp' and 'timeout' are the relay's own (lib/capture/csp-watch.ts, settle-timer.ts).
      throw new Error(`the hook sends no "${e.t}" event`);
  }
}
