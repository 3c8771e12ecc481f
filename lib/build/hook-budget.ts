/**
 * The MAIN-world page hook runs in every frame of every page before any page script: its size is
 * a budget (≤ 4608 bytes as shipped), checked by every build (wxt.config.ts `build:done`).
 * Node only (build time).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

// 4096 until issue 10 §4–5: the page's isolation and CSP violations (the `page`/`csp` events) took ~230 bytes.
export const HOOK_BUDGET_BYTES = 4608;
export const HOOK_FILE = 'content-scripts/zoom-hook.js';

/** Throws when the shipped hook in `extensionDir` is over budget; returns its size. */
export function checkHookBudget(extensionDir: string): number {
  const file = path.join(extensionDir, HOOK_FILE);
  const size = statSync(file).size;
  if (size > HOOK_BUDGET_BYTES) {
    throw new Error(`${HOOK_FILE} is ${size} bytes, over its ${HOOK_BUDGET_BYTES}-byte budget (entrypoints/zoom-hook.content.ts): make it smaller.`);
  }
  return size;
}

/**
 * WXT wraps a MAIN-world content script in a `try { main() } catch { logger.error(…) }` whose
 * logger prints nothing in production builds (WXT's `print` returns when MODE is production), yet
 * its four methods and message ship in the hook (~270 bytes of a 4096-byte budget). This removes
 * that dead call from the zoom-hook wrapper only, so the logger is tree-shaken; the error is still
 * rethrown, as before.
 */
export function stripMainWorldLogger(): Plugin {
  return {
    name: 'join-doctor:strip-main-world-logger',
    enforce: 'post',
    transform(code, id) {
      if (!id.includes('virtual:wxt-content-script-main-world-entrypoint') || !id.includes('zoom-hook')) return null;
      const out = code.replace(/logger\.error\([^;]*crashed on startup![^;]*;/, '');
      return out === code ? null : { code: out, map: null };
    },
  };
}
