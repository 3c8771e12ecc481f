import { useRef } from 'react';
import { useHarImport } from './state/har-import';

/**
 * Opens a customer's HAR file (Network panel → Export HAR) as a separate, clearly marked session.
 * Dropping the file onto the panel does the same (App).
 */
export function ImportHarButton({ compact = false }: { compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const { busy, importFile } = useHarImport();
  return (
    <>
      <button
        className="tool-btn"
        data-testid="import-har"
        aria-label="Import HAR"
        disabled={busy}
        title="Open a HAR file recorded during a join (shown apart from live capture); or drop it onto the panel"
        onClick={() => input.current?.click()}
      >
        {busy ? (compact ? '…' : 'Reading HAR…') : compact ? '⤒' : '⤒ Import HAR'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="import-har-file"
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
