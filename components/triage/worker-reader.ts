/**
 * The triage page's worker jobs: reading a HAR (the HarReader of components/state/har-import.ts)
 * and sanitizing one. One Web Worker per job, ended when it finishes or is cancelled. The worker
 * is a file of this build ('self' in the page's CSP: worker-src 'self'), never a blob: URL. One
 * worker is started ahead of need (prewarmHarWorker), so a page that went offline after loading
 * still reads files: its script was fetched while the network was there.
 */
import { JoinDoctorError } from '../../lib/errors';
import type { HarImport } from '../../lib/har/types';
import type { HarReader } from '../state/har-import';
import type { HarWorkerMessage, HarWorkerRequest } from './har-worker-protocol';

const startWorker = () => new Worker(new URL('./har.worker.ts', import.meta.url), { type: 'module', name: 'join-doctor-har' });

let spare: Worker | null = null;

/** Starts the next job's worker now (at page load, and after each job). */
export function prewarmHarWorker(): void {
  spare ??= startWorker();
}

type Final = Exclude<HarWorkerMessage, { type: 'progress' } | { type: 'error' }>;

function runInWorker(request: HarWorkerRequest, onBytes: (bytes: number) => void, signal: AbortSignal): Promise<Final> {
  return new Promise<Final>((resolve, reject) => {
    const worker = spare ?? startWorker();
    spare = null;
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
      prewarmHarWorker();
    };
    const onAbort = () => {
      stop();
      reject(new JoinDoctorError('ERR_CANCELLED', request.type === 'read' ? 'Reading the HAR was cancelled.' : 'Sanitizing the HAR was cancelled.'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    worker.addEventListener('message', (e: MessageEvent<HarWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') return onBytes(m.bytes);
      stop();
      // Not a JoinDoctorError in the worker (a decoding failure, say): the banner words it as such.
      if (m.type === 'error') reject(m.code ? new JoinDoctorError(m.code, m.message) : new Error(m.message));
      else resolve(m);
    });
    worker.addEventListener('error', (e) => {
      stop();
      reject(new JoinDoctorError('ERR_IO', `The HAR worker stopped: ${e.message || 'it failed to start'}.`));
    });
    worker.postMessage(request);
  });
}

export const readHarInWorker: HarReader = async (file, onBytes, signal) => {
  const m = await runInWorker({ type: 'read', file }, onBytes, signal);
  if (m.type !== 'done') throw new JoinDoctorError('ERR_IO', 'The HAR worker answered a read with something else.');
  return m.result satisfies HarImport;
};

export async function sanitizeInWorker(file: File, onBytes: (bytes: number) => void, signal: AbortSignal): Promise<{ blob: Blob; summary: string }> {
  const m = await runInWorker({ type: 'sanitize', file }, onBytes, signal);
  if (m.type !== 'sanitized') throw new JoinDoctorError('ERR_IO', 'The HAR worker answered a sanitize with something else.');
  return { blob: m.blob, summary: m.summary };
}
