import { useId, useState, type ReactNode } from 'react';

const KEY = 'join-doctor.collapsed-sections';

function loadCollapsed(): Set<string> {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 32) : []);
  } catch {
    return new Set();
  }
}

function saveCollapsed(s: Set<string>): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify([...s]));
  } catch {
    // No storage: the choice lasts until the panel closes.
  }
}

/**
 * An inspector section whose heading folds it, like the sections of DevTools' own sidebars. A folded
 * section stays folded for every attempt (kept in the panel's localStorage by `id`), so a reader
 * who never wants Raw JSON folds it once.
 */
export function Section({ id, title, extra, children, testId }: { id: string; title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(() => !loadCollapsed().has(id));
  const body = useId();
  const toggle = () => {
    const next = !open;
    setOpen(next);
    const s = loadCollapsed();
    if (next) s.delete(id);
    else s.add(id);
    saveCollapsed(s);
  };
  return (
    <section className="section" data-testid={testId} data-section={id} data-open={String(open)}>
      <h3>
        <button type="button" className="section-toggle" aria-expanded={open} aria-controls={body} onClick={toggle}>
          <span className="twisty" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
        {open && extra}
      </h3>
      <div className="section-body" id={body} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
