/**
 * One HAR entry reduced to the fields the reader uses, read defensively: exporters differ
 * (Chrome, Firefox, Playwright, sanitising tools) and any field may be missing or mistyped.
 */
import { SkippedString } from './json-stream';

export interface Header {
  name: string;
  value: string;
}

export type BodyState = 'present' | 'missing' | 'skipped' | 'undecodable';

export interface EntryView {
  index: number;
  /** Request start on the recording browser's clock, epoch ms; null when unparsable. */
  startedAt: number | null;
  /** Total duration, ms (0 when unknown). */
  totalMs: number;
  /** Start of the server's wait (request fully sent) relative to startedAt, and the wait's length, ms. */
  waitStartMs: number;
  waitMs: number;
  method: string;
  url: string;
  requestHeaders: Header[] | null;
  /** Request body text, when recorded. */
  postText: string | null;
  postParams: Header[] | null;
  /** 0 for requests that never got an answer (aborted, blocked, offline). */
  status: number;
  failureText: string | null;
  responseHeaders: Header[] | null;
  body: string | null;
  bodyState: BodyState;
  /** Length of a body that was too large to keep. */
  bodySkippedLength: number | null;
  /** Served from the browser's cache (Chrome's `_fromCache`): its headers are from an older response. */
  fromCache: boolean;
  /** The HAR page (`pageref`, one per top-level document when the recording spans navigations); null when absent. */
  pageref: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** HAR uses -1 for "does not apply". */
const phase = (v: unknown): number => {
  const n = num(v);
  return n !== null && n > 0 ? n : 0;
};

function headers(v: unknown): Header[] | null {
  if (!Array.isArray(v)) return null;
  const out: Header[] = [];
  for (const h of v) {
    const o = obj(h);
    const name = str(o?.name);
    const value = str(o?.value);
    if (name !== null && value !== null) out.push({ name, value });
  }
  return out;
}

function decodeBase64Utf8(b64: string): string | null {
  try {
    const bin = atob(b64.replace(/\s+/g, ''));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Null when `raw` is not an object with a request (not an entry at all). */
export function viewEntry(raw: unknown, index: number): EntryView | null {
  const e = obj(raw);
  const req = obj(e?.request);
  if (!e || !req) return null;
  const res = obj(e.response);
  const timings = obj(e.timings);
  const started = str(e.startedDateTime);
  const startedAt = started === null ? NaN : Date.parse(started);
  const waitStartMs = timings ? phase(timings.blocked) + phase(timings.dns) + phase(timings.connect) + phase(timings.send) : 0;
  const post = obj(req.postData);
  const content = obj(res?.content);
  const text = content?.text;
  let body: string | null = null;
  let bodyState: BodyState = 'missing';
  let bodySkippedLength: number | null = null;
  if (text instanceof SkippedString) {
    bodyState = 'skipped';
    bodySkippedLength = text.length;
  } else if (typeof text === 'string') {
    if (content?.encoding === 'base64') {
      body = decodeBase64Utf8(text);
      bodyState = body === null ? 'undecodable' : 'present';
    } else {
      body = text;
      bodyState = 'present';
    }
    // Several exporters write "" for a body they did not keep; an empty answer has size 0.
    if (body === '' && (num(content?.size) ?? 0) > 0) bodyState = 'missing';
  }
  const postTextRaw = post?.text;
  return {
    index,
    startedAt: Number.isFinite(startedAt) ? startedAt : null,
    totalMs: phase(e.time),
    waitStartMs,
    waitMs: timings ? phase(timings.wait) : 0,
    method: (str(req.method) ?? 'GET').toUpperCase(),
    url: str(req.url) ?? '',
    requestHeaders: headers(req.headers),
    postText: typeof postTextRaw === 'string' ? postTextRaw : null,
    postParams: headers(post?.params),
    status: num(res?.status) ?? 0,
    failureText: str(res?._failureText) ?? str(res?._error) ?? str(e._failureText) ?? null,
    responseHeaders: headers(res?.headers),
    body,
    bodyState,
    bodySkippedLength,
    fromCache: typeof e._fromCache === 'string' && e._fromCache !== '',
    pageref: str(e.pageref)?.slice(0, 200) ?? null,
  };
}

export function header(list: readonly Header[] | null, name: string): string | null {
  if (!list) return null;
  const n = name.toLowerCase();
  for (const h of list) if (h.name.toLowerCase() === n) return h.value;
  return null;
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
