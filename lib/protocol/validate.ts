/**
 * Validators used at every boundary. Each returns `{ ok: true, value }` or
 * `{ ok: false, reason }` with a countable reason; none throws on any input.
 */
import { isJoinArgFacts, joinArgFacts } from '../model/join-args';
import type { JoinAttempt } from '../model/attempt';
import { SAMPLE_REJECTION_TEXT } from '../zoom/zoom-clock';
import { MAX_BATCH_CHARS, MAX_CAPTURED_DEPTH, MAX_CAPTURED_STRING, MAX_EVENTS_PER_BATCH, MAX_HOOK_MESSAGE_CHARS, TRUNCATED_MARK } from './limits';
import { decodeHookMessage, type HookDocumentFacts } from './hook-wire';
import type {
  BackgroundMessage,
  DevtoolsMessage,
  HookEvent,
  PanelMessage,
  RejectCounts,
  RejectReason,
  RelayMessage,
} from './messages';
import { PROTOCOL_VERSION, SOURCE } from './version';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: RejectReason; detail?: string };

const fail = <T>(reason: RejectReason, detail?: string): Checked<T> => ({ ok: false, reason, detail });

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isStr = (v: unknown, max = MAX_CAPTURED_STRING): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isId = (v: unknown): v is string => isStr(v, 128) && v.length > 0;
const optStrOrNull = (v: unknown) => v === undefined || v === null || isStr(v);

/** Rough serialised size of a value, stopping early once past `limit`. */
export function jsonSizeExceeds(value: unknown, limit: number): boolean {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? false : s.length > limit;
  } catch {
    return true;
  }
}

function checkEnvelope<T>(v: unknown, source: string): Checked<T> | null {
  if (!isObj(v)) return fail('bad-shape', 'not an object');
  if (v.source !== source) return fail('bad-shape', 'wrong source marker');
  if (v.v !== PROTOCOL_VERSION) return fail('wrong-version', `version ${String(v.v)}, expected ${PROTOCOL_VERSION}`);
  return null;
}

/** A string cut to MAX_CAPTURED_STRING, ending in TRUNCATED_MARK (unchanged when it fits). */
export function capString(v: string): string {
  return v.length <= MAX_CAPTURED_STRING ? v : v.slice(0, MAX_CAPTURED_STRING - TRUNCATED_MARK.length) + TRUNCATED_MARK;
}

/**
 * Free-form page data (a callback's result, Zoom's answer, a signature that is not a string) with
 * every string cut to MAX_CAPTURED_STRING and nesting past MAX_CAPTURED_DEPTH replaced: the hook
 * caps these too, but through the page's own JSON.parse, which the page may have replaced.
 * Returns a copy; property names over the cap are cut like values.
 */
export function boundFree(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return capString(v);
  if (typeof v !== 'object' || v === null) return v;
  if (depth >= MAX_CAPTURED_DEPTH) return '[too deep]';
  if (Array.isArray(v)) return v.map((x) => boundFree(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) define(out, capString(k), boundFree((v as Record<string, unknown>)[k], depth + 1));
  return out;
}

/** Own data property even for '__proto__' (plain assignment would set the prototype instead). */
function define(o: Record<string, unknown>, k: string, value: unknown) {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}

/** A signature that is a string must fit whole: cut, it would be judged as another token. */
const sigFits = (v: unknown) => typeof v !== 'string' || v.length <= MAX_CAPTURED_STRING;

const HOOK_METHODS = new Set(['ZoomMtg.join', 'ZoomMtg.joinTest', 'ZoomMtg.init', 'client.join', 'client.init', 'video.join', 'video.init']);

export function checkHookEvent(e: unknown): Checked<HookEvent> {
  if (!isObj(e) || !isNum(e.at)) return fail('bad-shape', 'event without time');
  switch (e.t) {
    case 'call':
      if (!isId(e.id) || !HOOK_METHODS.has(e.method as string)) return fail('bad-shape', 'call');
      if (!(e.mn === undefined || e.mn === null || isStr(e.mn, 256) || isNum(e.mn))) return fail('bad-shape', 'call.mn');
      if (!optStrOrNull(e.sdkKey) || !optStrOrNull(e.ver)) return fail('bad-shape', 'call.sdkKey');
      if (!sigFits(e.sig)) return fail('too-large', 'call.sig');
      e.sig = boundFree(e.sig);
      if ('tp' in e) e.tp = boundFree(e.tp);
      // tp (Video SDK topic) is whatever the page passed, sanitised by the hook like sig: any JSON value.
      // The raw argument object (passcode, zak, obfToken, tk) stops here: masked into facts.
      if ('a' in e) {
        e.args = joinArgFacts(e.a, 'call');
        delete e.a;
      } else if (!(e.args === undefined || e.args === null || isJoinArgFacts(e.args))) return fail('bad-shape', 'call.args');
      break;
    case 'settle':
      if (!isId(e.id) || typeof e.ok !== 'boolean') return fail('bad-shape', 'settle');
      e.res = boundFree(e.res);
      break;
    case 'sig':
      if (!isId(e.id)) return fail('bad-shape', 'sig');
      if (!sigFits(e.sig)) return fail('too-large', 'sig.sig');
      e.sig = boundFree(e.sig);
      break;
    case 'timeout':
      if (!isId(e.id) || !isNum(e.afterMs)) return fail('bad-shape', 'timeout');
      break;
    case 'wire-req':
      if (!isId(e.id) || (e.via !== 'xhr' && e.via !== 'jsonp') || !isStr(e.url)) return fail('bad-shape', 'wire-req');
      if (!optStrOrNull(e.sig) || !optStrOrNull(e.mn) || !optStrOrNull(e.cv) || !optStrOrNull(e.tp)) return fail('bad-shape', 'wire-req fields');
      break;
    case 'wire-res':
      if (!isId(e.id) || !(e.http === null || isNum(e.http))) return fail('bad-shape', 'wire-res');
      if (!(e.body === null || isObj(e.body))) return fail('bad-shape', 'wire-res.body');
      e.body = boundFree(e.body);
      break;
    case 'hook-error':
      if (!isNum(e.n)) return fail('bad-shape', 'hook-error');
      break;
    case 'page':
      if (!(e.coi === null || typeof e.coi === 'boolean') || !isNum(e.o)) return fail('bad-shape', 'page');
      break;
    case 'csp':
      if (!isStr(e.d, 64) || !isStr(e.u)) return fail('bad-shape', 'csp');
      break;
    case 'rwg':
      if (!(e.res === null || (isNum(e.res) && Number.isInteger(e.res)))) return fail('bad-shape', 'rwg');
      break;
    default:
      return fail('bad-shape', 'unknown event type');
  }
  return { ok: true, value: e as unknown as HookEvent };
}

/**
 * Hook → relay: the raw CustomEvent detail (JSON text of the hook's tuples, ./hook-wire.ts) to a
 * validated HookEvent, or null for a message that records nothing. Size is checked before parsing
 * (a 10 MB string costs one length read, not a parse), and again on the event it became: the
 * background refuses a batch with an event over MAX_HOOK_MESSAGE_CHARS.
 */
export function parseHookMessage(detail: unknown, doc: HookDocumentFacts): Checked<HookEvent | null> {
  const d = decodeHookMessage(detail, doc);
  if (!d.ok) return fail(d.reason, d.detail);
  if (d.value === null) return { ok: true, value: null };
  const c = checkHookEvent(d.value);
  if (c.ok && jsonSizeExceeds(c.value, MAX_HOOK_MESSAGE_CHARS)) return fail('too-large', 'event');
  return c;
}

/**
 * A window `message` the relay saw. The real hook never uses postMessage, so anything carrying
 * our marker there is forged; it is classified (too large first) so it can be counted.
 */
export function classifyWindowMessage(data: unknown): RejectReason | null {
  if (typeof data === 'string') {
    if (!data.includes(SOURCE.hook)) return null;
    return data.length > MAX_HOOK_MESSAGE_CHARS ? 'too-large' : 'forged';
  }
  if (!isObj(data) || typeof data.source !== 'string' || !data.source.startsWith('join-doctor')) return null;
  return jsonSizeExceeds(data, MAX_HOOK_MESSAGE_CHARS) ? 'too-large' : 'forged';
}

function checkCounts(v: unknown): v is RejectCounts {
  return isObj(v) && Object.values(v).every((n) => isNum(n) && n >= 0);
}

/** Relay → background (runtime message). */
export function checkRelayMessage(v: unknown): Checked<RelayMessage> {
  const env = checkEnvelope<RelayMessage>(v, SOURCE.relay);
  if (env) return env;
  const m = v as Record<string, unknown>;
  if (m.type !== 'batch') return fail('bad-shape', 'type');
  const f = m.frame;
  if (!isObj(f) || !isId(f.relayId) || !isStr(f.url) || typeof f.top !== 'boolean') return fail('bad-shape', 'frame');
  if (!isNum(m.seq) || !isNum(m.hookErrors) || !checkCounts(m.rejected)) return fail('bad-shape', 'counters');
  if (!Array.isArray(m.events) || m.events.length > MAX_EVENTS_PER_BATCH) return fail('too-large', 'events');
  // Sizes first, so a giant batch costs one serialisation, not a walk per string.
  if (jsonSizeExceeds(m.events, MAX_BATCH_CHARS)) return fail('too-large', 'batch');
  for (const e of m.events) {
    if (jsonSizeExceeds(e, MAX_HOOK_MESSAGE_CHARS)) return fail('too-large', 'event');
    const c = checkHookEvent(e);
    if (!c.ok) return c;
  }
  return { ok: true, value: v as RelayMessage };
}

/** Devtools page → background. */
export function checkDevtoolsMessage(v: unknown): Checked<DevtoolsMessage> {
  const env = checkEnvelope<DevtoolsMessage>(v, SOURCE.devtools);
  if (env) return env;
  const m = v as Record<string, unknown>;
  if (!isNum(m.tabId)) return fail('bad-shape', 'tabId');
  if (m.type === 'clock') {
    const r = m.result;
    if (!isObj(r) || typeof r.ok !== 'boolean') return fail('bad-shape', 'clock');
    if (r.ok === false) {
      if (!isStr(r.reason, 32) || !(r.reason in SAMPLE_REJECTION_TEXT)) return fail('bad-shape', 'clock.reason');
      return { ok: true, value: v as DevtoolsMessage };
    }
    const x = r.sample;
    if (!isObj(x) || !isStr(x.host, 256) || !isNum(x.offsetMs) || !isNum(x.uncertaintyMs) || !isNum(x.at) || typeof x.join !== 'boolean') return fail('bad-shape', 'clock.sample');
    if (!(x.tokenKey === null || isStr(x.tokenKey, 32))) return fail('bad-shape', 'clock.sample');
    return { ok: true, value: v as DevtoolsMessage };
  }
  if (m.type === 'issuance') {
    const i = m.issuance;
    if (!isObj(i) || !isStr(i.url) || !isStr(i.token) || !isNum(i.receivedAt)) return fail('bad-shape', 'issuance');
    if (!(i.serverDate === undefined || i.serverDate === null || isNum(i.serverDate))) return fail('bad-shape', 'issuance.serverDate');
    if (!(i.method === undefined || isStr(i.method, 16))) return fail('bad-shape', 'issuance.method');
    if (!(m.pageUrl === undefined || isStr(m.pageUrl, 2048))) return fail('bad-shape', 'pageUrl');
    return { ok: true, value: v as DevtoolsMessage };
  }
  if (m.type === 'asset') return checkAssetFailure(m.failure) ? { ok: true, value: v as DevtoolsMessage } : fail('bad-shape', 'asset');
  if (m.type === 'navigated') return isStr(m.url, 2048) && isNum(m.at) ? { ok: true, value: v as DevtoolsMessage } : fail('bad-shape', 'navigated');
  return fail('bad-shape', 'type');
}

const ASSET_PROBLEMS = new Set(['http-error', 'wrong-mime', 'blocked-by-client', 'blocked-by-csp']);
function checkAssetFailure(f: unknown): boolean {
  if (!isObj(f) || !isStr(f.url, 2048) || (f.kind !== 'wasm' && f.kind !== 'js') || !ASSET_PROBLEMS.has(f.problem as string)) return false;
  return isNum(f.status) && isNum(f.at) && (f.mimeType === null || isStr(f.mimeType, 256)) && (f.failureText === null || isStr(f.failureText, 256));
}

/** Panel → background (port). */
export function checkPanelMessage(v: unknown): Checked<PanelMessage> {
  const env = checkEnvelope<PanelMessage>(v, SOURCE.panel);
  if (env) return env;
  const m = v as Record<string, unknown>;
  if (!isNum(m.tabId)) return fail('bad-shape', 'tabId');
  if (m.type === 'subscribe' && m.scope !== undefined && m.scope !== 'tab' && m.scope !== 'site') return fail('bad-shape', 'scope');
  if (m.type === 'subscribe' || m.type === 'clear') return { ok: true, value: v as PanelMessage };
  if (m.type === 'set-preserve-log' && typeof m.on === 'boolean') return { ok: true, value: v as PanelMessage };
  return fail('bad-shape', 'type');
}

function isAttempt(a: unknown): a is JoinAttempt {
  return isObj(a) && isId(a.id) && typeof a.api === 'string' && isNum(a.calledAt) && isObj(a.outcome) && typeof a.outcome.kind === 'string';
}

/** Background → panel (port). The panel trusts only what passes this. */
export function checkBackgroundMessage(v: unknown): Checked<BackgroundMessage> {
  const env = checkEnvelope<BackgroundMessage>(v, SOURCE.background);
  if (env) return env;
  const m = v as Record<string, unknown>;
  if (!isNum(m.tabId)) return fail('bad-shape', 'tabId');
  switch (m.type) {
    case 'snapshot': {
      const s = m.snapshot;
      if (!isObj(s) || !Array.isArray(s.attempts) || !s.attempts.every(isAttempt) || !isObj(s.stats)) return fail('bad-shape', 'snapshot');
      if (!Array.isArray(s.issuances) || typeof s.preserveLog !== 'boolean') return fail('bad-shape', 'snapshot');
      if (s.scope !== undefined && s.scope !== 'tab' && s.scope !== 'site') return fail('bad-shape', 'snapshot.scope');
      if (s.issuedUsedElsewhere !== undefined && !isNum(s.issuedUsedElsewhere)) return fail('bad-shape', 'snapshot.issuedUsedElsewhere');
      break;
    }
    case 'attempts':
      if (!Array.isArray(m.attempts) || !m.attempts.every(isAttempt)) return fail('bad-shape', 'attempts');
      break;
    case 'stats':
      if (!isObj(m.stats) || !isNum(m.stats.dropped)) return fail('bad-shape', 'stats');
      break;
    case 'cleared':
      if (m.reason !== 'user' && m.reason !== 'navigation') return fail('bad-shape', 'cleared');
      break;
    case 'navigated':
      if (!isStr(m.url) || typeof m.preserved !== 'boolean') return fail('bad-shape', 'navigated');
      break;
    case 'issuance':
      if (!isObj(m.issuance) || !isStr(m.issuance.url)) return fail('bad-shape', 'issuance');
      break;
    case 'preserve-log':
      if (typeof m.on !== 'boolean') return fail('bad-shape', 'preserve-log');
      break;
    default:
      return fail('bad-shape', 'type');
  }
  return { ok: true, value: v as BackgroundMessage };
}

/** Adds one rejection to a counter object (returns a new object). */
export function countRejection(counts: RejectCounts, reason: RejectReason, by = 1): RejectCounts {
  return { ...counts, [reason]: (counts[reason] ?? 0) + by };
}

export function totalRejected(counts: RejectCounts): number {
  return Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);
}
