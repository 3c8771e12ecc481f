import { useRef, useState } from 'react';
import { isJoinDoctorError } from '../lib/errors';
import { readHar } from '../lib/har';
import { usePanel } from './state/store';

/**
 * Opens a customer's HAR file (Network panel → Export HAR) as a separate, clearly marked session.
 * Read by lib/har in a stream, entirely inside the panel: the file goes nowhere.
 */
export function ImportHarButton({ compact = false }: { compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const importSession = usePanel((s) => s.importSession);
  const [busy, setBusy] = useState(false);
  const setError = usePanel((s) => s.setImportError);

  const onFile = async (file: File | undefined) => {
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
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <button
        className="tool-btn"
        data-testid="import-har"
        disabled={busy}
        title="Open a HAR file recorded during a join (shown apart from live capture)"
        onClick={() => input.current?.click()}
      >
        {busy ? 'Reading HAR…' : compact ? '⤒ Import' : '⤒ Import HAR'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="import-har-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </>
  );
}
