/**
 * The triage page's HAR worker, off the page's thread: the same streaming reader as the CLI and
 * the panel (lib/har), fed from File.stream(), so a 200 MB HAR never freezes the page and memory
 * stays near one entry plus what a diagnosis keeps. It also runs the sanitizer (./sanitize.ts)
 * over the same stream. Cancel ends this worker (terminate), which frees everything it held.
 */
import { isJoinDoctorError } from '../../lib/errors';
import { readHar } from '../../lib/har';
import { countedChunks } from '../../lib/har/progress';
import type { ChunkStream } from '../../lib/har/read';
import type { HarWorkerMessage, HarWorkerRequest } from './har-worker-protocol';
import { sanitizeHar } from '../../lib/har/sanitize';
import { removedSummary } from './sanitize';

const post = (m: HarWorkerMessage) => (self as unknown as { postMessage(m: HarWorkerMessage): void }).postMessage(m);

/**
 * The sanitized text, encoded as it comes and folded into a Blob every 16 MB: the browser keeps a
 * Blob's bytes outside this worker's JS heap, so a 200 MB output is never one string here.
 */
async function sanitizeToBlob(file: File): Promise<{ blob: Blob; summary: string }> {
  const encoder = new TextEncoder();
  let blob = new Blob([], { type: 'application/json' });
  let parts: Uint8Array[] = [];
  let pending = 0;
  const write = (chunk: string) => {
    const bytes = encoder.encode(chunk);
    parts.push(bytes);
    pending += bytes.length;
    if (pending >= 16 << 20) {
      blob = new Blob([blob, ...(parts as BlobPart[])], { type: 'application/json' });
      parts = [];
      pending = 0;
    }
  };
  const stream = file.stream() as unknown as ChunkStream;
  const summary = await sanitizeHar(countedChunks(stream, { onBytes: (bytes) => post({ type: 'progress', bytes }) }), write);
  blob = new Blob([blob, ...(parts as BlobPart[])], { type: 'application/json' });
  return { blob, summary: removedSummary(summary.entries, summary.removed) };
}

const fail = (err: unknown) => post({ type: 'error', code: isJoinDoctorError(err) ? err.code : null, message: err instanceof Error ? err.message : String(err) });

self.addEventListener('message', (e: MessageEvent<HarWorkerRequest>) => {
  const req = e.data;
  if (!(req?.file instanceof Blob)) return;
  if (req.type === 'read') {
    const stream = req.file.stream() as unknown as ChunkStream;
    readHar(countedChunks(stream, { onBytes: (bytes) => post({ type: 'progress', bytes }) })).then((result) => post({ type: 'done', result }), fail);
  } else if (req.type === 'sanitize') {
    sanitizeToBlob(req.file).then(({ blob, summary }) => post({ type: 'sanitized', blob, summary }), fail);
  }
});
