import { usePanel } from './state/store';

/** A failed HAR import, under the toolbar (never inside it, where it pushed the buttons around). */
export function ImportErrorBanner() {
  const error = usePanel((s) => s.importError);
  const dismiss = usePanel((s) => s.setImportError);
  if (!error) return null;
  return (
    <div className="banner error" role="alert" data-testid="import-har-error">
      <span style={{ flex: 1 }}>{error}</span>
      <button className="tool-btn" aria-label="Dismiss" title="Dismiss" data-testid="import-har-error-dismiss" onClick={() => dismiss(null)}>
        ✕
      </button>
    </div>
  );
}
