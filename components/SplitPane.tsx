import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useElementWidth } from './state/use-width';
import { followPointer } from './state/pointer-drag';

/** Below this panel width the log sits above the inspector (as in a side dock); above, beside it. */
export const STACK_BELOW_PX = 760;
const KEY = 'join-doctor.split';
const MIN = 0.12;
const MAX = 0.88;

function loadFraction(stacked: boolean): number | null {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null');
    const f = v?.[stacked ? 'stacked' : 'side'];
    return typeof f === 'number' && f >= MIN && f <= MAX ? f : null;
  } catch {
    return null;
  }
}

function saveFraction(stacked: boolean, f: number): void {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') ?? {};
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...v, [stacked ? 'stacked' : 'side']: f }));
  } catch {
    // No storage: the split lasts until the panel closes.
  }
}

const clamp = (f: number) => Math.min(MAX, Math.max(MIN, f));

/**
 * The log and the inspector with a draggable divider (or ← → ↑ ↓ on it), like the Network panel's
 * split. Stacked in a narrow dock; the log's share then defaults to what its rows need (a session of
 * three joins leaves no empty 250 px above the inspector), and a dragged share is kept per layout.
 */
export function SplitPane({ first, second, firstRows, rowHeight }: { first: ReactNode; second: ReactNode; firstRows: number; rowHeight: number }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const stacked = width > 0 ? width < STACK_BELOW_PX : (globalThis.innerWidth ?? 1000) < STACK_BELOW_PX;
  const [dragged, setDragged] = useState<{ stacked: boolean; f: number } | null>(null);
  const fraction = dragged?.stacked === stacked ? dragged.f : loadFraction(stacked);
  const size = useCallback(() => {
    const r = box.current?.getBoundingClientRect();
    return r ? (stacked ? r.height : r.width) : 0;
  }, [stacked]);

  // Stacked without a dragged share: the rows plus the header, within 25–45% of the height.
  const auto = (() => {
    if (!stacked) return 0.55;
    const total = size() || 600;
    const need = (firstRows + 1) * rowHeight + 24;
    return clamp(Math.max(0.25 * total, Math.min(0.45 * total, need)) / total);
  })();
  const f = fraction ?? auto;

  const set = (next: number) => {
    const v = clamp(next);
    setDragged({ stacked, f: v });
    saveFraction(stacked, v);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const r = box.current!.getBoundingClientRect();
    followPointer(e.currentTarget, e.pointerId, (ev) => set(stacked ? (ev.clientY - r.top) / r.height : (ev.clientX - r.left) / r.width));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 0.1 : 0.03;
    const less = stacked ? 'ArrowUp' : 'ArrowLeft';
    const more = stacked ? 'ArrowDown' : 'ArrowRight';
    if (e.key === less) set(f - step);
    else if (e.key === more) set(f + step);
    else if (e.key === 'Home') set(MIN);
    else if (e.key === 'End') set(MAX);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={box} className={`split${stacked ? ' stacked' : ''}`} data-testid="split" data-stacked={String(stacked)}>
      <div className="log-pane" style={{ flex: `0 0 ${(f * 100).toFixed(2)}%` }}>
        {first}
      </div>
      <div
        className="split-handle"
        role="separator"
        tabIndex={0}
        aria-orientation={stacked ? 'horizontal' : 'vertical'}
        aria-label="Resize the join log and the inspector"
        aria-valuemin={Math.round(MIN * 100)}
        aria-valuemax={Math.round(MAX * 100)}
        aria-valuenow={Math.round(f * 100)}
        data-testid="split-handle"
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => {
          setDragged(null);
          try {
            globalThis.localStorage?.removeItem(KEY);
          } catch {
            // nothing kept
          }
        }}
        title="Drag to resize; double-click for the default"
      />
      <div className="detail-pane">{second}</div>
    </div>
  );
}
