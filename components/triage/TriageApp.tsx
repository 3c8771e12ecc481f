import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ImportHarButton } from '../ImportHarButton';
import { App } from '../App';
import { dragHasFiles, endCancellable, HarReaderContext, startCancellable, useHarImport, type HarReader } from '../state/har-import';
import { usePanel, usePanelStoreApi } from '../state/store';
import { isJoinDoctorError } from '../../lib/errors';
import { saveBlob } from '../state/download';
import { prewarmHarWorker, readHarInWorker, sanitizeInWorker } from './worker-reader';
import { TokenForm } from './TokenForm';

/**
 * The triage page: Join Doctor without DevTools, for whoever received a HAR, an export or a token.
 * The panel's own App (same log, inspector, correlation and exports) with host 'page', under a
 * header that opens files, takes a pasted token and sanitizes the last HAR for sharing.
 * Served as a static page (npm run build:web) and as the extension's toolbar page; nothing in it
 * talks to the network (its CSP says connect-src 'none').
 */
export function TriageApp() {
  // The HAR last read, kept in memory for Sanitize only; never stored.
  const [harFile, setHarFile] = useState<File | null>(null);
  useEffect(prewarmHarWorker, []);
  const reader = useMemo<HarReader>(
    () => async (file, onBytes, signal) => {
      const result = await readHarInWorker(file, onBytes, signal);
      setHarFile(file);
      return result;
    },
    [],
  );
  return (
    <HarReaderContext.Provider value={reader}>
      <DropAnywhere>
        <TriageHeader harFile={harFile} />
        <App />
      </DropAnywhere>
    </HarReaderContext.Provider>
  );
}

/**
 * The App takes a file dropped on it; this takes one dropped on the header or the token form, so a
 * file dropped anywhere on the page opens instead of the browser navigating to it.
 */
function DropAnywhere({ children }: { children: ReactNode }) {
  const { importFile } = useHarImport();
  return (
    <div
      className="triage"
      data-testid="triage-page"
      onDragOver={(e) => {
        if (e.defaultPrevented || !dragHasFiles(e.dataTransfer?.types)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        // The App handled (and prevented) drops on itself.
        if (e.defaultPrevented || !dragHasFiles(e.dataTransfer?.types)) return;
        e.preventDefault();
        void importFile(e.dataTransfer.files?.[0]);
      }}
    >
      {children}
    </div>
  );
}

function TriageHeader({ harFile }: { harFile: File | null }) {
  const [pasting, setPasting] = useState(false);
  const closePaste = useCallback(() => setPasting(false), []);
  return (
    <>
      <header className="triage-head">
        <h1 className="triage-title">Join Doctor</h1>
        <span className="triage-tagline dim" data-testid="triage-privacy">
          Zoom SDK join triage · read in this tab, nothing uploaded
        </span>
        <span className="triage-fill" />
        <ImportHarButton page />
        <button className="btn" aria-expanded={pasting} data-testid="paste-toggle" onClick={() => setPasting(!pasting)}>
          Paste token
        </button>
        <SanitizeButton harFile={harFile} />
      </header>
      {pasting && <TokenForm onDone={closePaste} />}
    </>
  );
}

/**
 * Saves a copy of the HAR opened last with credentials removed (./sanitize.ts, run in the worker
 * with progress and Cancel like a read), for a customer or an engineer to share it safely.
 */
function SanitizeButton({ harFile }: { harFile: File | null }) {
  const api = usePanelStoreApi();
  const busy = usePanel((s) => s.reading !== null);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const run = async () => {
    if (!harFile) return;
    const s = () => api.getState();
    const controller = startCancellable();
    setResult(null);
    s().setReading({ fileName: harFile.name, doing: 'Sanitizing', bytes: 0, total: harFile.size });
    try {
      const out = await sanitizeInWorker(
        harFile,
        (bytes) => {
          if (!controller.signal.aborted) s().setReading({ fileName: harFile.name, doing: 'Sanitizing', bytes, total: harFile.size });
        },
        controller.signal,
      );
      saveBlob(sanitizedName(harFile.name), out.blob);
      setResult({ text: `Saved ${sanitizedName(harFile.name)}: ${out.summary}`, error: false });
    } catch (e) {
      if (!isJoinDoctorError(e, 'ERR_CANCELLED')) setResult({ text: `Could not sanitize ${harFile.name}: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      if (endCancellable(controller)) s().setReading(null);
    }
  };
  return (
    <>
      <button
        className="btn"
        data-testid="sanitize-har"
        disabled={!harFile || busy}
        onClick={() => void run()}
        title={harFile ? `Save a copy of ${harFile.name} without cookies, credentials, passcodes, user tokens, e-mail addresses and JWT signatures` : 'Open a HAR first'}
      >
        Sanitize HAR
      </button>
      {result && (
        <span className={result.error ? 'o-failure' : 'dim'} role="status" data-testid="sanitize-result">
          {result.text}
        </span>
      )}
    </>
  );
}

/** customer.har → customer.sanitized.har (linear: one suffix test, no backtracking). */
export function sanitizedName(name: string): string {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.har') ? name.slice(0, -4) : lower.endsWith('.json') ? name.slice(0, -5) : name;
  return `${base}.sanitized.har`;
}
