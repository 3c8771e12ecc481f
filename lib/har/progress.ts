/**
 * A file's chunks as the HAR reader takes them, counting bytes for a progress bar and stopping
 * when the user cancels. Pure (a WHATWG ReadableStream typed structurally, an AbortSignal-like
 * flag): the panel's in-page import and the triage page's Web Worker share it.
 */
import { JoinDoctorError } from '../errors';
import type { ChunkStream } from './read';

export interface ProgressOptions {
  /** Called with the bytes read so far, at most every `everyBytes` (and once at the end). */
  onBytes(bytes: number): void;
  everyBytes?: number;
  /** Checked before each chunk: a cancelled read throws ERR_CANCELLED and reads no further. */
  signal?: { readonly aborted: boolean };
}

/** 1 MiB: a 200 MB HAR reports 200 times, often enough for a smooth bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY_BYTES = 1 << 20;

export async function* countedChunks(stream: ChunkStream, opts: ProgressOptions): AsyncGenerator<Uint8Array | string> {
  const every = opts.everyBytes ?? PROGRESS_EVERY_BYTES;
  const reader = stream.getReader();
  let bytes = 0;
  let reported = 0;
  try {
    for (;;) {
      if (opts.signal?.aborted) throw cancelled();
      const { done, value } = await reader.read();
      if (done) break;
      if (value === undefined) continue;
      bytes += value.length;
      if (bytes - reported >= every) {
        reported = bytes;
        opts.onBytes(bytes);
      }
      yield value;
    }
    if (opts.signal?.aborted) throw cancelled();
    opts.onBytes(bytes);
  } finally {
    reader.releaseLock();
  }
}

function cancelled(): JoinDoctorError {
  return new JoinDoctorError('ERR_CANCELLED', 'Reading the HAR was cancelled.');
}
