/**
 * The triage page's HarReader (components/state/har-import.ts): one Web Worker per file, ended
 * when the read finishes or is cancelled. The worker is a file of this build ('self' in the
 * page's CSP: worker-src 'self'), never a blob: URL. One worker is started ahead of need
 * (prewarmHarWorker), so a page that went offline after loading still reads files: its script
 * was fetched while the network was there.
 */
import { JoinDoctorError } from '../../lib/errors';
import type { HarImport } from '../../lib/har/types';
import type { HarReader } from '../state/har-import';
import type { HarWorkerMessage, HarWorkerRequest } from './har-worker-protocol';

const startWorker = () => new Worker(new URL('./har.worker.ts', import.meta.url), { type: 'module', name: 'join-doctor-har' });

let spare: Worker | null = null;

/** Starts the next read's worker now (at page load, and after each read). */
export function prewarmHarWorker(): void {
  spare ??= startWorker();
}

export const readHarInWorker: HarReader = (file, onBytes, signal) =>
  new Promise<HarImport>((resolve, reject) => {
    const worker = spare ?? startWorker();
    spare = null;
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
      prewarmHarWorker();
    };
    const onAbort = () => {
      stop();
      reject(new JoinDoctorError('ERR_CANCELLED', 'Reading the HAR was cancelled.'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    worker.addEventListener('message', (e: MessageEvent<HarWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onBytes(m.bytes);
      else if (m.type === 'done') {
        stop();
        resolve(m.result);
      } else {
        stop();
        // Not a JoinDoctorError in the worker (a decoding failure, say): the import banner words it as such.
        reject(m.code ? new JoinDoctorError(m.code, m.message) : new Error(m.message));
      }
    });
    worker.addEventListener('error', (e) => {
      stop();
      reject(new JoinDoctorError('ERR_IO', `The HAR reader stopped: ${e.message || 'the worker failed to start'}.`));
    });
    worker.postMessage({ type: 'read', file } satisfies HarWorkerRequest);
  });
