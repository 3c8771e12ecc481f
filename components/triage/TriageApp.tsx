import { useCallback, useMemo, useRef, useState } from 'react';
import { App } from '../App';
import { HarReaderContext, useHarImport, type HarReader } from '../state/har-import';
import { saveBlob } from '../state/download';
import { readHarInWorker } from './worker-reader';
import { TokenForm } from './TokenForm';
import { sanitizeHarFile } from './sanitize';

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
      <div className="triage" data-testid="triage-page">
        <TriageHeader harFile={harFile} />
        <App />
      </div>
    </HarReaderContext.Provider>
  );
}

function TriageHeader({ harFile }: { harFile: File | null }) {
  const input = useRef<HTMLInputElement>(null);
  const { busy, importFile } = useHarImport();
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
        <button className="btn" data-testid="open-file" disabled={busy} onClick={() => input.current?.click()} title="A HAR (DevTools → Network → Export HAR) or a Join Doctor export; or drop it anywhere on the page">
          Open file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".har,.json,application/json"
          hidden
          data-testid="open-file-input"
          onChange={(e) => {
            void importFile(e.target.files?.[0]).finally(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
        <button className="btn" aria-expanded={pasting} data-testid="paste-toggle" onClick={() => setPasting(!pasting)}>
          Paste token
        </button>
        {sanitizeHarFile && <SanitizeButton harFile={harFile} sanitize={sanitizeHarFile} />}
      </header>
      {pasting && <TokenForm onDone={closePaste} />}
    </>
  );
}

function SanitizeButton({ harFile, sanitize }: { harFile: File | null; sanitize: NonNullable<typeof sanitizeHarFile> }) {
  const [state, setState] = useState<{ busy: boolean; text: string | null; error: boolean }>({ busy: false, text: null, error: false });
  const run = async () => {
    if (!harFile) return;
    setState({ busy: true, text: null, error: false });
    try {
      const out = await sanitize(harFile);
      saveBlob(harFile.name.replace(/\.(har|json)$/i, '') + '.sanitized.har', out.blob);
      setState({ busy: false, text: out.summary, error: false });
    } catch (e) {
      setState({ busy: false, text: `Could not sanitize ${harFile.name}: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };
  return (
    <>
      <button
        className="btn"
        data-testid="sanitize-har"
        disabled={!harFile || state.busy}
        onClick={() => void run()}
        title={harFile ? `Save a copy of ${harFile.name} without cookies, credentials, passcodes, e-mail addresses and JWT signatures` : 'Open a HAR first'}
      >
        {state.busy ? 'Sanitizing…' : 'Sanitize HAR'}
      </button>
      {state.text && (
        <span className={state.error ? 'o-failure' : 'dim'} role="status" data-testid="sanitize-result">
          {state.text}
        </span>
      )}
    </>
  );
}
