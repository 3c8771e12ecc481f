import { useState } from 'react';

interface Props {
  label: string;
  text: () => string;
  /** When set, the first click only shows this warning; copying needs a second, explicit click. */
  warning?: string;
  testId?: string;
}

/**
 * DevTools panels often lack clipboard permission (navigator.clipboard rejects when the panel is
 * not focused), so fall back to a hidden textarea and execCommand, and say when both fail.
 */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}

export function CopyButton({ label, text, warning, testId }: Props) {
  const [state, setState] = useState<'idle' | 'confirm' | 'copied' | 'failed'>('idle');
  const copy = async () => setState((await writeClipboard(text())) ? 'copied' : 'failed');
  return (
    <span className="copy" data-testid={testId}>
      <button
        className="btn"
        onClick={() => (warning && state !== 'confirm' ? setState('confirm') : void copy())}
      >
        {state === 'confirm' ? `${label} anyway` : label}
      </button>
      {state === 'confirm' && (
        <>
          {' '}
          <span className="warn-text" role="alert">{warning}</span>{' '}
          <button className="btn" onClick={() => setState('idle')}>Cancel</button>
        </>
      )}
      {state === 'copied' && <span className="note"> Copied.</span>}
      {state === 'failed' && <span className="o-failure"> Could not copy: click inside the panel first, then retry.</span>}
    </span>
  );
}
