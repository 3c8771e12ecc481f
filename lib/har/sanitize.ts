/**
 * Sanitizes a HAR for sharing, streaming: text or chunks in, sanitized HAR text out, one entry in
 * memory at a time (the same streaming parser as the reader, lib/har/json-stream.ts). Pure (no Node
 * or browser API beyond atob/btoa/TextDecoder), so the CLI (`join-doctor har --sanitize`) and the
 * triage page's Web Worker share it.
 *
 * Removed: cookies (Cookie / Set-Cookie headers, `cookies` arrays), credential headers
 * (Authorization, Proxy-Authorization, X-Api-Key, X-Auth-Token, CSRF tokens, Zoom's x-zm-* but its
 * tracking/region ones), passcodes, Zoom user tokens (zak, tk, obfToken…), anything under a
 * `*secret*` key, e-mail addresses, and every JWT's HMAC segment, in URLs, query strings, form and
 * JSON bodies, JSONP, headers, WebSocket frames and base64 bodies. Kept: everything else, including
 * what the diagnosis reads (JWT header and payload, timings, status codes, Date/Age headers, Zoom's
 * answers, SDK asset URLs). docs/sanitize.md lists both.
 */
import { JoinDoctorError } from '../errors';
import { JsonStreamParser, SkippedString } from './json-stream';
import { textChunks, type HarInput } from './read';
import { HmacStandIns, SanitizeCounts, marker, textSanitizer, type OnRemoved, type RemovedKind, type TextSanitizer } from './sanitize-text';

export { REMOVED_KINDS, marker, type RemovedKind, type OnRemoved } from './sanitize-text';

/**
 * A string longer than this is not copied (default 64 MiB): it becomes `<removed:oversized N
 * characters>`. The reader never reads strings over 1 MiB (lib/har/read.ts), so no diagnosis
 * depends on one; the cap bounds memory for a single hostile string.
 */
export const DEFAULT_SANITIZE_MAX_STRING = 64 * 1024 * 1024;
const MAX_DEPTH = 64;

export interface SanitizeOptions {
  maxString?: number;
  /** Tests only: sees every removed value, to search the output for it. */
  onRemoved?: OnRemoved;
}

export interface SanitizeSummary {
  entries: number;
  removed: Record<RemovedKind, number>;
  charactersIn: number;
  charactersOut: number;
}

/** Header names whose whole value is a credential. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
]);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie', 'set-cookie2']);
/** Zoom's x-zm-* headers that are not credentials and help Zoom's support find the request. */
const ZM_KEPT = new Set(['x-zm-trackingid', 'x-zm-region', 'x-zm-zoneid', 'x-zm-cluster-id', 'x-zm-cluster']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof SkippedString);

/** What a header's value is, when the whole value goes. */
function headerRemoval(name: string): { kind: RemovedKind; label: string } | null {
  const n = name.toLowerCase();
  if (COOKIE_HEADERS.has(n)) return { kind: 'cookie', label: 'cookie' };
  if (CREDENTIAL_HEADERS.has(n)) return { kind: 'credential-header', label: n };
  if (n.startsWith('x-zm-') && !ZM_KEPT.has(n)) return { kind: 'credential-header', label: n };
  return null;
}

/** Media types whose base64 body is text worth searching for `key=value` credentials. */
function isTextual(mime: unknown): boolean {
  if (typeof mime !== 'string' || mime === '') return true;
  const m = mime.toLowerCase();
  return m.startsWith('text/') || m.includes('json') || m.includes('javascript') || m.includes('xml') || m.includes('x-www-form-urlencoded') || m.includes('html');
}

/** The streaming sanitizer: write() text, collect what it returns, then end(). */
export class HarSanitizer {
  readonly counts: SanitizeCounts;
  private readonly t: TextSanitizer;
  private readonly parser: JsonStreamParser;
  private out: string[] = [];
  private entries = 0;
  private opened = false;
  private charactersIn = 0;
  private charactersOut = 0;

  constructor(opts: SanitizeOptions = {}) {
    this.counts = new SanitizeCounts(opts.onRemoved);
    this.t = textSanitizer(this.counts, new HmacStandIns());
    this.parser = new JsonStreamParser({
      maxString: opts.maxString ?? DEFAULT_SANITIZE_MAX_STRING,
      streamPath: ['log', 'entries'],
      onStreamed: (v) => this.entry(v),
    });
  }

  /** Feeds text; returns the sanitized HAR text completed so far (often ''). */
  write(text: string): string {
    this.charactersIn += text.length;
    this.parser.write(text);
    return this.take();
  }

  /** Finishes: returns the rest of the output. Throws ERR_HAR_INVALID for a truncated file or one without log.entries. */
  end(): string {
    const root = this.parser.end();
    const log = isObj(root) ? root.log : null;
    if (!isObj(root) || !isObj(log) || !Array.isArray(log.entries)) {
      throw new JoinDoctorError('ERR_HAR_INVALID', 'This JSON is not a HAR file: it has no log.entries array.', { hasLog: isObj(log) });
    }
    if (!this.opened) this.emit('{"log":{"entries":[');
    // log.entries went out as it streamed; the other keys of log and of the root follow it (key
    // order is not part of HAR).
    let tail = ']';
    for (const [k, v] of Object.entries(log)) if (k !== 'entries') tail += `,${JSON.stringify(k)}:${JSON.stringify(this.value(v, k, 0))}`;
    tail += '}';
    for (const [k, v] of Object.entries(root)) if (k !== 'log') tail += `,${JSON.stringify(k)}:${JSON.stringify(this.value(v, k, 0))}`;
    this.emit(`${tail}}\n`);
    return this.take();
  }

  summary(): SanitizeSummary {
    return { entries: this.entries, removed: { ...this.counts.byKind }, charactersIn: this.charactersIn, charactersOut: this.charactersOut };
  }

  private take(): string {
    if (this.out.length === 0) return '';
    const s = this.out.length === 1 ? this.out[0]! : this.out.join('');
    this.out = [];
    this.charactersOut += s.length;
    return s;
  }

  private emit(s: string): void {
    this.out.push(s);
  }

  private entry(v: unknown): void {
    this.emit(this.opened ? ',' : '{"log":{"entries":[');
    this.opened = true;
    this.entries++;
    this.emit(JSON.stringify(this.value(v, 'entry', 0)) ?? 'null');
  }

  /** A deep copy with every string sanitized by what its key says it is. */
  private value(v: unknown, key: string, depth: number): unknown {
    if (v instanceof SkippedString) {
      this.counts.removed('oversized', '');
      return marker(`oversized ${v.length} characters`);
    }
    if (typeof v === 'string') return this.string(v, key);
    if (v === null || typeof v !== 'object') return v;
    if (depth > MAX_DEPTH) return marker('too-deep');
    if (Array.isArray(v)) return v.map((x) => this.arrayItem(x, key, depth + 1));
    const o = v as Obj;
    if (key === 'content' && o.encoding === 'base64' && typeof o.text === 'string') return this.base64Content(o, depth);
    if (key === 'postData' && typeof o.text === 'string') {
      // The body is read once, as what its media type says it is (walking it as plain text too would count each value twice).
      const out = this.object({ ...o, text: '' }, depth);
      out.text = typeof o.mimeType === 'string' && o.mimeType.toLowerCase().includes('x-www-form-urlencoded') ? this.t.form(o.text) : this.t.text(o.text);
      return out;
    }
    return this.object(o, depth);
  }

  private object(o: Obj, depth: number): Obj {
    const out: Obj = {};
    for (const k of Object.keys(o)) {
      const x = this.value(o[k], k, depth + 1);
      // `__proto__` as a plain assignment would replace the prototype instead of adding a key.
      if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out;
  }

  /** Members of `headers`, `cookies`, `queryString` and `params`: {name, value} pairs judged by name. */
  private arrayItem(x: unknown, list: string, depth: number): unknown {
    if (!isObj(x) || typeof x.value !== 'string' || (list !== 'headers' && list !== 'cookies' && list !== 'queryString' && list !== 'params')) return this.value(x, list, depth);
    // The value is judged below by the pair's name; the other members (name, domain, path…) as text.
    const out = this.object({ ...x, value: '' }, depth);
    const name = typeof x.name === 'string' ? x.name : '';
    const value = x.value;
    // A marker from an earlier pass is not a value to count again.
    const isMarker = value.startsWith('<removed:') && value.endsWith('>');
    if (list === 'cookies') {
      if (value !== '' && !isMarker) this.counts.removed('cookie', value);
      out.value = value === '' ? '' : marker('cookie');
    } else if (list === 'headers') {
      const gone = headerRemoval(name);
      if (gone && value !== '') {
        if (!isMarker) this.counts.removed(gone.kind, value);
        out.value = marker(gone.label);
      } else out.value = value.indexOf('?') >= 0 ? this.t.url(value) : this.t.text(value);
    } else out.value = this.t.param(name, value, list === 'params');
    return out;
  }

  private string(s: string, key: string): string {
    if (key === 'url' || key === 'redirectURL' || key === 'referer' || /^(https?|wss?):\/\//i.test(s)) return this.t.url(s);
    return this.t.text(s);
  }

  /**
   * A base64 body: its bytes are searched as a binary string (each byte one character, so every
   * ASCII pattern matches as in text and the bytes around a match come back unchanged).
   * Non-text media (images, fonts, wasm) are searched only for JWTs and e-mail addresses: a
   * `key=` pattern would hit random bytes in them.
   */
  private base64Content(o: Obj, depth: number): Obj {
    const out = this.object({ ...o, text: '' }, depth);
    const text = o.text as string;
    let bin: string;
    try {
      bin = atob(stripWhitespace(text));
    } catch {
      // Not base64 after all: search it as the text it is.
      out.text = this.t.text(text);
      return out;
    }
    const clean = isTextual(o.mimeType) ? this.t.text(bin) : this.t.jwtsAndEmails(bin);
    if (clean === bin) out.text = text;
    else {
      try {
        out.text = btoa(clean);
      } catch {
        // A stand-in with a character above U+00FF cannot happen (they are ASCII); if it did, drop the body rather than leak it.
        this.counts.removed('oversized', '');
        out.text = marker('undecodable body');
        delete out.encoding;
      }
    }
    return out;
  }
}

function stripWhitespace(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) return s.replace(/[ \n\r\t]+/g, '');
  }
  return s;
}

/**
 * Sanitizes a whole HAR from text, chunks or a stream, handing the output to `write` as it is made
 * (awaited, so a file or a network writer applies back-pressure). `signal` cancels between chunks.
 */
export async function sanitizeHar(
  input: HarInput,
  write: (chunk: string) => unknown,
  opts: SanitizeOptions & { signal?: { aborted: boolean } } = {},
): Promise<SanitizeSummary> {
  const s = new HarSanitizer(opts);
  for await (const text of textChunks(input)) {
    if (opts.signal?.aborted) throw new JoinDoctorError('ERR_IO', 'Sanitizing was cancelled.');
    const out = s.write(text);
    if (out) await write(out);
  }
  const last = s.end();
  if (last) await write(last);
  return s.summary();
}
