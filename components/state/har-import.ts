/**
 * Opening a dropped or chosen file as an imported session: the Import button, the drop target and
 * the triage page share it. A HAR is read by lib/har in a stream, with progress and Cancel; a Join
 * Doctor export (told apart by its first key, lib/triage/file-kind.ts) is parsed and its attempts
 * analysed again. Everything stays in the page: the file goes nowhere.
 *
 * Who reads a HAR depends on the host: the panel reads it on its own thread (HarReaderContext's
 * default); the triage page reads it in a Web Worker (components/triage/worker-reader.ts) so a
 * 200 MB file never freezes the page.
 */
import { createContext, useCallback, useContext } from 'react';
import { JoinDoctorError, isJoinDoctorError } from '../../lib/errors';
import { readHar } from '../../lib/har';
import type { HarImport } from '../../lib/har/types';
import { countedChunks } from '../../lib/har/progress';
import type { ChunkStream } from '../../lib/har/read';
import { droppedFileKind, SNIFF_CHARS } from '../../lib/triage/file-kind';
import { MAX_EXPORT_CHARS, parseExport } from '../../lib/report/parse';
import { exportSession } from '../../lib/triage/export-session';
import { usePanel, usePanelStoreApi } from './store';
import { presetAnalysis } from './analysis';

/** Reads a HAR file; reports bytes read; stops with ERR_CANCELLED when `signal` aborts. */
export type HarReader = (file: File, onBytes: (bytes: number) => void, signal: AbortSignal) => Promise<HarImport>;

/** The panel's reader: on this thread, in 64 KiB-ish chunks as the browser hands them out. */
export const readHarHere: HarReader = (file, onBytes, signal) =>
  readHar(countedChunks(file.stream() as unknown as ChunkStream, { onBytes, signal }));

export const HarReaderContext = createContext<HarReader>(readHarHere);

/** The long job in progress (a read, a sanitize), for Cancel. One at a time: a new one cancels the one before. */
let current: AbortController | null = null;

export function cancelHarRead(): void {
  current?.abort();
}

/** Starts a cancellable job in the one slot Cancel acts on. */
export function startCancellable(): AbortController {
  current?.abort();
  current = new AbortController();
  return current;
}

/** Ends the job if it is still the current one; true when it was (its progress can be cleared). */
export function endCancellable(c: AbortController): boolean {
  if (current !== c) return false;
  current = null;
  return true;
}

/** The warnings line of an imported session, as the import banner lists them. */
function warningLines(har: HarImport): string[] {
  return har.warnings.map((w) => (w.count > 1 ? `${w.message} (×${w.count})` : w.message));
}

export function useHarImport(): { busy: boolean; importFile(file: File | undefined | null): Promise<void> } {
  const api = usePanelStoreApi();
  const busy = usePanel((s) => s.reading !== null);
  const readHarFile = useContext(HarReaderContext);
  const importFile = useCallback(
    async (file: File | undefined | null) => {
      if (!file) return;
      const s = () => api.getState();
      const controller = startCancellable();
      s().setImportError(null);
      s().setReading({ fileName: file.name, bytes: 0, total: file.size });
      try {
        const head = await file.slice(0, SNIFF_CHARS).text();
        if (droppedFileKind(head) === 'export') {
          if (file.size > MAX_EXPORT_CHARS * 3) {
            throw new JoinDoctorError('ERR_INPUT_TOO_LARGE', `${Math.round(file.size / 1e6)} MB is more than a Join Doctor export can be.`);
          }
          const { attempts, analyses, warnings } = exportSession(parseExport(await file.text()));
          if (controller.signal.aborted) return;
          analyses?.forEach((analysis, i) => presetAnalysis(attempts[i]!, analysis));
          s().importSession({ fileName: file.name, kind: 'export', importedAt: Date.now(), attempts, warnings });
          return;
        }
        const har = await readHarFile(
          file,
          (bytes) => {
            if (!controller.signal.aborted) s().setReading({ fileName: file.name, bytes, total: file.size });
          },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        s().importSession({ fileName: file.name, kind: 'har', importedAt: Date.now(), attempts: har.attempts, warnings: warningLines(har) });
      } catch (e) {
        if (isJoinDoctorError(e, 'ERR_CANCELLED') || controller.signal.aborted) return;
        s().setImportError(
          isJoinDoctorError(e)
            ? `${file.name}: ${e.message}`
            : `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}). Export it again from the Network panel (Export HAR… with content).`,
        );
      } finally {
        if (endCancellable(controller)) s().setReading(null);
      }
    },
    [api, readHarFile],
  );
  return { busy, importFile };
}

/** A drag that carries files (not text or a link dragged from the page). */
export function dragHasFiles(types: readonly string[] | DOMStringList | undefined): boolean {
  if (!types) return false;
  for (let i = 0; i < types.length; i++) if ((types as readonly string[])[i] === 'Files') return true;
  return false;
}
