import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import {
  COLUMN_LABEL,
  EMPTY_COLUMN_PREFS,
  LOG_COLUMNS,
  resizeColumn,
  toggleColumn,
  type ColumnLayout,
  type ColumnPrefs,
  type LogColumn,
} from './state/columns';
import type { LogSort } from './state/sort';
import { followPointer } from './state/pointer-drag';

const TITLES: Partial<Record<LogColumn, string>> = {
  time: "Page clock at the join (date shown when not today); after it, Zoom's clock minus the page's clock when measured",
  outcome: 'How the join ended; in a narrow dock only the code (hover for the message)',
};

interface Props {
  layout: ColumnLayout;
  prefs: ColumnPrefs;
  /** The log's width, for the menu's "defaults for this width" hint. */
  width: number;
  onPrefs(p: ColumnPrefs): void;
  sort: LogSort | null;
  onSort(c: LogColumn): void;
}

/**
 * The log's header, as in the Network panel: click a header to sort (again to reverse, a third time
 * for capture order), right-click (or Shift+F10 / the context-menu key) for a menu of columns to
 * show or hide, drag a header's right edge (or focus it and press ← →) to resize it. Choices are
 * kept in the panel's localStorage.
 */
export function LogHeader({ layout, prefs, onPrefs, sort, onSort }: Props) {
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const head = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.type === 'mousedown' && menuRef.current?.contains(e.target as Node)) return;
      setMenu(null);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    window.addEventListener('blur', close);
    menuRef.current?.querySelector('input')?.focus();
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
      window.removeEventListener('blur', close);
    };
  }, [menu]);

  const startResize = (c: LogColumn, e: ReactPointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const cell = (e.currentTarget.parentElement as HTMLElement | null) ?? null;
    const startX = e.clientX;
    const startW = cell?.getBoundingClientRect().width ?? 100;
    followPointer(e.currentTarget, e.pointerId, (ev) => onPrefs(resizeColumn(prefs, c, startW + ev.clientX - startX)));
  };

  return (
    <>
      <div
        ref={head}
        className="log-head"
        role="row"
        aria-rowindex={1}
        data-testid="log-head"
        data-columns={layout.columns.join(' ')}
        title="Click to sort; right-click to choose columns; drag an edge to resize"
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY });
        }}
      >
        {layout.columns.map((c) => {
          const sorted = sort?.column === c ? sort.dir : null;
          return (
            <div key={c} role="columnheader" data-column={c} title={TITLES[c]} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
              <button
                type="button"
                className="col-sort"
                data-testid={`sort-${c}`}
                onClick={() => onSort(c)}
                onKeyDown={(e) => {
                  // The keyboard's way to the column menu, as everywhere in DevTools.
                  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
                    e.preventDefault();
                    const r = e.currentTarget.getBoundingClientRect();
                    setMenu({ x: r.left, y: r.bottom });
                  }
                }}
              >
                {c === 'outcome' && layout.compactOutcome ? 'Code' : COLUMN_LABEL[c]}
                {sorted && <span className="sort-arrow" aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
              </button>
              <span
                className="col-resize"
                role="separator"
                tabIndex={-1}
                aria-orientation="vertical"
                aria-label={`Resize ${COLUMN_LABEL[c]}`}
                onPointerDown={(e) => startResize(c, e)}
                onDoubleClick={() => {
                  const { [c]: _dropped, ...widths } = prefs.widths;
                  onPrefs({ ...prefs, widths });
                }}
              />
            </div>
          );
        })}
      </div>
      {menu && (
        <div
          ref={menuRef}
          className="context-menu"
          role="menu"
          aria-label="Columns"
          data-testid="column-menu"
          style={{ left: Math.min(menu.x, window.innerWidth - 190), top: Math.min(menu.y, window.innerHeight - 200) }}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('input, button') ?? [])];
            const i = items.indexOf(document.activeElement as HTMLElement);
            items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
          }}
        >
          {LOG_COLUMNS.map((c) => {
            const shown = layout.columns.includes(c);
            return (
              <label key={c} role="menuitemcheckbox" aria-checked={shown} data-column={c}>
                <input
                  type="checkbox"
                  checked={shown}
                  disabled={shown && layout.columns.length === 1}
                  onChange={(e) => onPrefs(toggleColumn(prefs, c, e.target.checked))}
                />
                {COLUMN_LABEL[c]}
              </label>
            );
          })}
          <hr />
          <button
            className="menu-item"
            role="menuitem"
            data-testid="column-reset"
            onClick={() => {
              onPrefs(EMPTY_COLUMN_PREFS);
              setMenu(null);
            }}
          >
            Reset to the defaults for this width
          </button>
        </div>
      )}
    </>
  );
}
