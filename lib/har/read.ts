/**
 * The HAR reader: text or chunks in, join attempts out. Pure (no Node or browser API beyond
 * TextDecoder/atob), so the CLI, the panel's "Import HAR" and the tests share it.
 *
 * It either returns a complete import or throws JoinDoctorError ERR_HAR_INVALID: a truncated
 * or malformed file never yields the attempts read before the damage.
 */
import { JoinDoctorError } from '../errors';
import { JsonStreamParser } from './json-stream';
import { HarCollector } from './collect';
import { sessionClock } from './clock';
import { assemble } from './assemble';
import type { HarImport, HarWarning } from './types';

/** A WHATWG ReadableStream (a File's `stream()` in the panel), typed structurally. */
export interface ChunkStream {
  getReader(): { read(): Promise<{ done: boolean; value?: string | Uint8Array }>; releaseLock(): void };
}

export type HarInput = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> | ChunkStream;

export interface ReadHarOptions {
  /**
   * Strings longer than this are not kept (default 1 MiB). Join requests, Zoom's answers and
   * signature responses are a few KB; the multi-MB strings are script, image and media bodies.
   */
  maxString?: number;
}

export const DEFAULT_MAX_STRING = 1 << 20;

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);

export async function readHar(input: HarInput, opts: ReadHarOptions = {}): Promise<HarImport> {
  const collector = new HarCollector();
  const parser = new JsonStreamParser({
    maxString: opts.maxString ?? DEFAULT_MAX_STRING,
    streamPath: ['log', 'entries'],
    onStreamed: (v, i) => collector.add(v, i),
  });
  let characters = 0;
  for await (const text of textChunks(input)) {
    characters += text.length;
    parser.write(text);
  }
  const root = asObj(parser.end());
  const log = asObj(root?.log);
  if (!log || !Array.isArray(log.entries)) {
    throw new JoinDoctorError('ERR_HAR_INVALID', 'This JSON is not a HAR file: it has no log.entries array.', { hasLog: log !== null });
  }
  return finish(collector, log, characters);
}

/**
 * The input as text, chunk by chunk, in order (the reader and the sanitizer share it). Bytes are
 * decoded as a stream, so a character split across two chunks arrives whole.
 */
export async function* textChunks(input: HarInput): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const text = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  if (typeof input === 'string') yield input;
  else if (isChunkStream(input)) {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value !== undefined) yield text(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if (Symbol.asyncIterator in input) for await (const chunk of input as AsyncIterable<string | Uint8Array>) yield text(chunk);
  else for (const chunk of input as Iterable<string | Uint8Array>) yield text(chunk);
  const tail = decoder.decode();
  if (tail) yield tail;
}

function isChunkStream(v: unknown): v is ChunkStream {
  return typeof v === 'object' && v !== null && typeof (v as { getReader?: unknown }).getReader === 'function';
}

function finish(c: HarCollector, log: Obj, characters: number): HarImport {
  const clock = sessionClock(c.clock);
  const { attempts, details, warnings } = assemble(c);
  const more: HarWarning[] = [];
  const warn = (code: HarWarning['code'], count: number, message: string) => {
    if (count > 0) more.push({ code, count, message });
  };
  const zoomEntries = c.clock.samples.length + c.zoomWithoutDate;
  warn(
    'zoom-date-missing',
    c.zoomWithoutDate > 0 && c.clock.samples.length === 0 ? c.zoomWithoutDate : 0,
    `None of Zoom's ${zoomEntries} response(s) has a usable Date header (stripped by the exporter?): the offset between the customer's clock and Zoom's is unknown, so iat is compared with the customer's clock.`,
  );
  warn('headers-stripped', c.withoutHeaders, `${c.withoutHeaders} response(s) have no headers in the HAR (a sanitised export): Date headers, and with them clock offsets and issuing times, may be missing.`);
  warn('times-missing', c.withoutStart, `${c.withoutStart} entr(y/ies) have no valid startedDateTime: their join time is unknown.`);
  warn('entries-unreadable', c.unreadable, `${c.unreadable} entr(y/ies) in log.entries are not HAR entries and were ignored.`);
  warn(
    'body-skipped',
    c.skippedCandidates,
    `${c.skippedCandidates} text or JSON response(s) over ${Math.round(DEFAULT_MAX_STRING / 1024)} KB from the page's own hosts were not searched for a signature.`,
  );
  // Without its media files the 6.2.0 client view never sends wc/info: the failures are then the
  // only trace of the join, and no attempt carries them.
  const failed = attempts.length === 0 ? c.assetFailures : [];
  warn(
    'sdk-assets-failed',
    failed.length,
    `${failed.length} request(s) for the SDK's lib/av files failed and no join request followed (the SDK waits for these files before it asks Zoom): ${failed
      .slice(0, 3)
      .map((f) => `${f.url} (${f.status > 0 ? `HTTP ${f.status}` : f.failureText ?? 'no answer'}${f.problem === 'wrong-mime' ? `, ${f.mimeType}` : ''})`)
      .join(', ')}${failed.length > 3 ? ', …' : ''}. Serve every file of the SDK's dist/lib/av where setZoomJSLib / assetPath points, with the right Content-Type.`,
  );
  const creator = asObj(log.creator);
  return {
    harVersion: typeof log.version === 'string' ? log.version : null,
    creator: creator && typeof creator.name === 'string' ? { name: creator.name, version: typeof creator.version === 'string' ? creator.version : '' } : null,
    attempts,
    details,
    clock,
    warnings: [...warnings, ...more],
    stats: { entries: c.entries, characters, skippedBodies: c.skippedBodies, skippedCharacters: c.skippedCharacters },
  };
}
