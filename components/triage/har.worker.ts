/**
 * The triage page's HAR reader, off the page's thread: the same streaming reader as the CLI and
 * the panel (lib/har), fed from File.stream(), so a 200 MB HAR never freezes the page and memory
 * stays near one entry plus what a diagnosis keeps. Cancel ends this worker (terminate), which
 * frees everything it held at once.
 */
import { isJoinDoctorError } from '../../lib/errors';
import { readHar } from '../../lib/har';
import { countedChunks } from '../../lib/har/progress';
import type { ChunkStream } from '../../lib/har/read';
import type { HarWorkerMessage, HarWorkerRequest } from './har-worker-protocol';

const post = (m: HarWorkerMessage) => (self as unknown as { postMessage(m: HarWorkerMessage): void }).postMessage(m);

self.addEventListener('message', (e: MessageEvent<HarWorkerRequest>) => {
  const req = e.data;
  if (req?.type !== 'read' || !(req.file instanceof Blob)) return;
  const stream = req.file.stream() as unknown as ChunkStream;
  readHar(countedChunks(stream, { onBytes: (bytes) => post({ type: 'progress', bytes }) })).then(
    (result) => post({ type: 'done', result }),
    (err: unknown) => post({ type: 'error', code: isJoinDoctorError(err) ? err.code : null, message: err instanceof Error ? err.message : String(err) }),
  );
});
