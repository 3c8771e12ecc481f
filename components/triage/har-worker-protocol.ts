/**
 * Messages between the triage page and its HAR worker (har.worker.ts). The page sends one File;
 * the worker answers with progress, then the import or an error (code and message, since an
 * Error's class does not survive postMessage).
 */
import type { JoinDoctorErrorCode } from '../../lib/errors';
import type { HarImport } from '../../lib/har/types';

export interface HarWorkerRequest {
  type: 'read';
  file: File;
}

export type HarWorkerMessage =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; result: HarImport }
  | { type: 'error'; code: JoinDoctorErrorCode | null; message: string };
