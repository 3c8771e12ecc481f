/** Renders panel components into happy-dom with a store of the test's own. */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { StoreApi } from 'zustand/vanilla';
import { createPanelStore, PanelStoreContext, type PanelStore } from '../../../components/state/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  store: StoreApi<PanelStore>;
  root: Root;
  /** Runs a store update or DOM event inside act, so React has committed when it returns. */
  act(fn: () => void | Promise<void>): Promise<void>;
  unmount(): void;
}

export async function render(ui: ReactNode, store = createPanelStore()): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(<PanelStoreContext.Provider value={store}>{ui}</PanelStoreContext.Provider>));
  return {
    container,
    store,
    root,
    act: async (fn) => {
      await act(async () => {
        await fn();
      });
    },
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('element to click not found');
  el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  (el as HTMLElement).click();
}

export function $(root: ParentNode, testId: string): HTMLElement | null {
  return root.querySelector(`[data-testid="${testId}"]`);
}

/** Polls `fn` (letting React commit between tries) until it returns something, or throws after ~1 s. */
export async function waitForRendered<T>(r: Rendered, fn: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = fn();
    if (v) return v;
    await r.act(() => new Promise((res) => setTimeout(res, 10)));
  }
  throw new Error('timed out waiting for the panel to render');
}
