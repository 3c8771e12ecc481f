import { useCallback, useRef, useState } from 'react';
import { useDismiss } from './state/use-dismiss';
import { EXPORT_FORMATS, makeExport, type ExportFormat } from './state/exports';
import { saveTextFile } from './state/download';
import { selectActiveAttempts } from './state/selectors';
import { usePanel } from './state/store';

/**
 * Export the shown session (live or imported) as JSON, Markdown, HTML or CSV. Redacted unless the
 * user ticks "include full tokens", which says plainly what that means. The SDK secret cannot be
 * exported: it is never in the store this reads from.
 */
export function ExportMenu({ compact = false }: { compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  // Fixed under the button and against the panel's right edge: the toolbar wraps in a narrow
  // dock, and a popover anchored to the button could then hang off the panel's left side.
  const [top, setTop] = useState(28);
  const attempts = usePanel(selectActiveAttempts);
  const source = usePanel((s) => s.source);
  const livePage = usePanel((s) => s.live.pageUrl);
  const box = useRef<HTMLSpanElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, box, close);

  const save = (format: ExportFormat) => {
    try {
      const pageUrl = source === 'live' ? livePage ?? attempts[0]?.pageUrl ?? null : attempts.find((a) => a.pageUrl)?.pageUrl ?? null;
      const file = makeExport(format, { attempts, source: source === 'live' ? 'live' : 'har', pageUrl, includeFullTokens: full });
      saveTextFile(file.fileName, file.mime, file.text);
      setStatus(`Saved ${file.fileName}`);
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <span style={{ position: 'relative' }} ref={box}>
      <button
        className="tool-btn"
        data-testid="export-button"
        aria-label="Export"
        aria-expanded={open}
        disabled={attempts.length === 0}
        title={attempts.length === 0 ? 'Nothing to export yet' : 'Export this session for a ticket or forum post'}
        onClick={(e) => {
          setTop(e.currentTarget.getBoundingClientRect().bottom + 2);
          setOpen(!open);
          setStatus(null);
        }}
      >
        {compact ? '⤓' : '⤓ Export'}
      </button>
      {open && attempts.length > 0 && (
        <div className="popover" style={{ top }} role="dialog" aria-label="Export" data-testid="export-dialog">
          <div>
            Export {attempts.length} attempt{attempts.length === 1 ? '' : 's'} ({source === 'live' ? 'live capture' : 'imported file'}):
          </div>
          <div className="formats">
            {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
              <button key={f} className="btn" data-testid={`export-${f}`} onClick={() => save(f)}>
                {EXPORT_FORMATS[f].label}
              </button>
            ))}
          </div>
          <label>
            <input type="checkbox" data-testid="export-full-tokens" checked={full} onChange={(e) => setFull(e.target.checked)} /> Include full
            tokens
          </label>
          {full ? (
            <p className="o-failure" role="alert" data-testid="full-token-warning">
              The file will contain complete signatures. Each is a live credential: anyone with the file can join meetings as
              your app until the token’s exp (up to 48 h). Share it only privately, never in a public forum.
            </p>
          ) : (
            <p className="note">
              Redacted: each signature loses its third (HMAC) segment; passcodes, zak/tk/obfToken and e-mail addresses are
              removed. The claims stay readable. The SDK secret is never exported.
            </p>
          )}
          {status && (
            <p className="note" data-testid="export-status">
              {status}
            </p>
          )}
        </div>
      )}
    </span>
  );
}
