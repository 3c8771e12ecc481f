import { useRef } from 'react';
import { useHarImport } from './state/har-import';

/**
 * Opens a customer's HAR file (Network panel → Export HAR) or a Join Doctor export as a separate,
 * clearly marked session. Dropping the file onto the panel does the same (App). The panel shows it
 * as a toolbar button; the triage page (`page`) as "Open file…" in its header.
 */
export function ImportHarButton({ compact = false, page = false }: { compact?: boolean; page?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const { busy, importFile } = useHarImport();
  const label = page ? 'Open file…' : busy ? (compact ? '…' : 'Reading HAR…') : compact ? '⤒' : '⤒ Import HAR';
  return (
    <>
      <button
        className={page ? 'btn' : 'tool-btn'}
        data-testid={page ? 'open-file' : 'import-har'}
        aria-label={page ? undefined : 'Import HAR'}
        disabled={busy}
        title={
          page
            ? 'A HAR (DevTools → Network → Export HAR) or a Join Doctor export; or drop it anywhere on the page'
            : 'Open a HAR file recorded during a join (shown apart from live capture); or drop it onto the panel'
        }
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid={page ? 'open-file-input' : 'import-har-file'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          void importFile(file).finally(() => {
            if (input.current) input.current.value = '';
          });
        }}
      />
    </>
  );
}
