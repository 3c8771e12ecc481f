import { analyseTokenInput } from '../analyse';
import { MILLISECONDS_THRESHOLD } from '../rules/claim-values';
import { JoinDoctorError } from '../errors';
import { findSignature } from '../token/find-jwt';
import { summarize } from './probe-stats';
import type { ProbeError, ProbeFetch, ProbeOptions, ProbeResponse, ProbeResult, ProbeSample } from './types';
import { describeFetchError } from './fetch-error';

/** A signature response is a few hundred bytes; anything past this is not one. */
export const MAX_BODY_BYTES = 1024 * 1024;

type BodyRead = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads at most MAX_BODY_BYTES of the body, then cancels the stream: a 256 MB or endless answer
 * costs one chunk past the cap, not its size. Without a stream (an injected fetch), text() is capped after the fact.
 */
async function readCapped(res: ProbeResponse): Promise<BodyRead> {
  const tooLarge = (n: number) => ({
    ok: false as const,
    message: `HTTP ${res.status}: the response body is over ${MAX_BODY_BYTES} bytes (stopped reading after ${n}); a signature response is a few hundred bytes.`,
  });
  if (!res.body || typeof res.body.getReader !== 'function') {
    const text = await res.text();
    return text.length > MAX_BODY_BYTES ? tooLarge(text.length) : { ok: true, text };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) return tooLarge(bytes);
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Releases the connection at once; on an endless body this is what stops the download.
    reader.cancel().catch(() => undefined);
  }
  return { ok: true, text: text + decoder.decode() };
}
export const MAX_PROBE_COUNT = 10_000;

function defaultFetch(): ProbeFetch {
  if (typeof globalThis.fetch !== 'function') throw new JoinDoctorError('ERR_PROBE_FAILED', 'No fetch function is available in this runtime.');
  return (url, init) => globalThis.fetch(url, init);
}

function requestHeaders(opts: ProbeOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json, text/plain, */*', ...(opts.headers ?? {}) };
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  if (opts.body !== undefined && !hasType) {
    let json = false;
    try {
      JSON.parse(opts.body);
      json = true;
    } catch {
      json = false;
    }
    headers['content-type'] = json ? 'application/json' : 'text/plain;charset=UTF-8';
  }
  return headers;
}

function validate(opts: ProbeOptions): void {
  let u: URL;
  try {
    u = new URL(opts.url);
  } catch {
    throw new JoinDoctorError('ERR_USAGE', `Not a URL: ${JSON.stringify(opts.url)}. Give the full address of your signature endpoint, e.g. http://localhost:4000/.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new JoinDoctorError('ERR_USAGE', `Only http and https URLs can be probed, not ${u.protocol}`);
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > MAX_PROBE_COUNT) {
    throw new JoinDoctorError('ERR_USAGE', `The sample count must be a whole number from 1 to ${MAX_PROBE_COUNT} (got ${opts.count}).`);
  }
}

/** Analyses one response against its Date header (the backend's clock), the local clock when absent. */
export function sampleFromResponse(
  index: number,
  status: number,
  body: string,
  dateHeader: string | null,
  receivedAt: number,
  join: Pick<ProbeOptions, 'sdk' | 'topic'> = {},
): ProbeSample | ProbeError {
  if (status < 200 || status >= 300) return { index, status, message: `HTTP ${status}${body ? `: ${body.slice(0, 120).replace(/\s+/g, ' ')}` : ''}` };
  const token = findSignature(body);
  if (token === null) return { index, status, message: 'No signature (no `signature` field and no JWT-shaped string) in the response.' };
  const parsedDate = dateHeader ? Date.parse(dateHeader) : NaN;
  const serverDate = Number.isFinite(parsedDate) ? parsedDate : null;
  const referenceTime = serverDate !== null ? serverDate / 1000 : receivedAt / 1000;
  const analysis = analyseTokenInput(token, {
    referenceTime,
    joinTime: receivedAt / 1000,
    ...(join.sdk ? { sdk: join.sdk } : {}),
    ...(join.topic !== undefined ? { join: { topic: join.topic } } : {}),
  });
  const rawIat = analysis.token.payload?.['iat'];
  const iat = typeof rawIat === 'number' && Number.isFinite(rawIat) && Math.abs(rawIat) < MILLISECONDS_THRESHOLD ? rawIat : null;
  return {
    index,
    status,
    receivedAt,
    serverDate,
    token,
    referenceTime,
    iat,
    iatOffset: iat === null ? null : Math.round((iat - referenceTime) * 1000) / 1000,
    analysis,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Fetches `count` signatures from the endpoint with at most `concurrency` in flight, analyses each
 * and summarises. Bounded by `totalTimeoutMs`, cancellable by `signal`; never rejects for a failing
 * endpoint (failures become `errors`), only for unusable options (ERR_USAGE).
 */
export async function probe(opts: ProbeOptions): Promise<ProbeResult> {
  validate(opts);
  const fetchFn = opts.fetch ?? defaultFetch();
  const now = opts.now ?? Date.now;
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 4, 64, opts.count));
  const totalTimeoutMs = opts.totalTimeoutMs ?? 60_000;
  const requestTimeoutMs = opts.requestTimeoutMs ?? 15_000;
  const method = (opts.method ?? (opts.body !== undefined ? 'POST' : 'GET')).toUpperCase();
  const headers = requestHeaders(opts);

  const stop = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, totalTimeoutMs);
  const onCancel = () => stop.abort();
  if (opts.signal?.aborted) stop.abort();
  opts.signal?.addEventListener('abort', onCancel, { once: true });

  const samples: ProbeSample[] = [];
  const errors: ProbeError[] = [];
  let next = 0;
  let done = 0;
  const started = now();

  const one = async (index: number): Promise<void> => {
    const req = new AbortController();
    const abortReq = () => req.abort();
    stop.signal.addEventListener('abort', abortReq, { once: true });
    const t = setTimeout(abortReq, requestTimeoutMs);
    let phase: 'connect' | 'body' = 'connect';
    try {
      const res = await fetchFn(opts.url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : opts.body, signal: req.signal });
      phase = 'body';
      const body = await readCapped(res);
      if (!body.ok) {
        errors.push({ index, status: res.status, message: body.message });
        return;
      }
      const out = sampleFromResponse(index, res.status, body.text, res.headers.get('date'), now(), opts);
      if ('analysis' in out) samples.push(out);
      else errors.push(out);
    } catch (e) {
      const why = stop.signal.aborted
        ? timedOut
          ? 'stopped by the total time limit'
          : 'cancelled'
        : req.signal.aborted
          ? phase === 'body'
            ? `the body did not finish within ${requestTimeoutMs} ms (a server that sends slowly or never ends)`
            : `no answer within ${requestTimeoutMs} ms`
          : describeFetchError(e, opts.url, phase);
      errors.push({ index, message: why });
    } finally {
      clearTimeout(t);
      stop.signal.removeEventListener('abort', abortReq);
      done += 1;
      opts.onProgress?.({ done, total: opts.count, errors: errors.length });
    }
  };

  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && next < opts.count) {
      const index = next++;
      if (opts.intervalMs && opts.intervalMs > 0) await sleep(started + index * opts.intervalMs - now(), stop.signal);
      if (stop.signal.aborted) break;
      await one(index);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCancel);
  }
  samples.sort((a, b) => a.index - b.index);
  errors.sort((a, b) => a.index - b.index);
  return { samples, errors, cancelled: !timedOut && stop.signal.aborted, timedOut, summary: summarize(samples, errors.length) };
}
