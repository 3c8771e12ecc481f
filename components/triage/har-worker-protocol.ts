/**
 * Messages between the triage page and its worker (har.worker.ts). The page sends one File to read
 * or to sanitize; the worker answers with progress, then the import (or the sanitized HAR as a
 * Blob) or an error (code and message, since an Error's class does not survive postMessage).
 */
import type { JoinDoctorErrorCode } from '../../lib/errors';
import type { HarImport } from '../../lib/har/types';

export interface HarWorkerRequest {
  type: 'read' | 'sanitize';
  file: File;
}

export type HarWorkerMessage =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; result: HarImport }
  | { type: 'sanitized'; blob: Blob; summary: string }
  | { type: 'error'; code: JoinDoctorErrorCode | null; message: string };
