/**
 * Reading a dropped or chosen HAR file into an imported session: the Import button and the panel's
 * drop target share it. Read by lib/har in a stream, entirely inside the panel: the file goes nowhere.
 */
import { useCallback, useState } from 'react';
import { isJoinDoctorError } from '../../lib/errors';
import { readHar } from '../../lib/har';
import { usePanel } from './store';

export function useHarImport(): { busy: boolean; importFile(file: File | undefined | null): Promise<void> } {
  const importSession = usePanel((s) => s.importSession);
  const setError = usePanel((s) => s.setImportError);
  const [busy, setBusy] = useState(false);
  const importFile = useCallback(
    async (file: File | undefined | null) => {
      if (!file) return;
      setBusy(true);
      setError(null);
      try {
        const har = await readHar(file.stream() as unknown as Parameters<typeof readHar>[0]);
        importSession({
          fileName: file.name,
          importedAt: Date.now(),
          attempts: har.attempts,
          warnings: har.warnings.map((w) => (w.count > 1 ? `${w.message} (×${w.count})` : w.message)),
        });
      } catch (e) {
        setError(
          isJoinDoctorError(e)
            ? `${file.name}: ${e.message}`
            : `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}). Export it again from the Network panel (Export HAR… with content).`,
        );
      } finally {
        setBusy(false);
      }
    },
    [importSession, setError],
  );
  return { busy, importFile };
}

/** A drag that carries files (not text or a link dragged from the page). */
export function dragHasFiles(types: readonly string[] | DOMStringList | undefined): boolean {
  if (!types) return false;
  for (let i = 0; i < types.length; i++) if ((types as readonly string[])[i] === 'Files') return true;
  return false;
}
