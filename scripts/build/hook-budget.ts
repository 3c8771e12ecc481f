/**
 * The MAIN-world page hook runs in every frame of every page before any page script: its size is
 * a budget, checked by every build (wxt.config.ts `build:done`). Node only (build time).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * 4 KB. It was 4096 until the hook was at 4039: the `seen` event that lets the relay stay
 * dormant on pages without Zoom (issue 14 §6) took ~50 bytes, and issue 10's additions (full join
 * arguments, crossOriginIsolated, securitypolicyviolation) need ~100–300 more. 4736 since the
 * meeting-server join answer (the RWG WebSocket's evt 4098, issue 10 §2: the client view reports
 * 4011–4019 to no callback) took the hook to 4665 bytes. 5888 since the hook became invisible to
 * pages (issue 20 §2: built-ins saved at document_start and called through Reflect.apply, wrappers
 * as Proxies with a Function.prototype.toString that answers for them, prototype-less literals,
 * SDK globals found after the fact and wrapped in place): 5829 bytes, with the settle timeout
 * moved out to the relay. 5797 bytes once the document's start replaced the `seen` wake-up and init
 * calls are reported when made (issue 21: asset failures tied to their document, an init that never
 * calls back). 4096 again with issue 24, nothing of the above lost (the hook at 4042 bytes):
 *  - WXT's MAIN-world wrapper replaced by a plain install() call, so the definition object, the
 *    async wrapper and its logger are tree-shaken (bareMainWorldWrapper below): 5797 → 5604;
 *  - raw facts as positional tuples (lib/protocol/hook-wire.ts): the request's form fields and
 *    the RWG message are read by the relay, which also takes the document's isolation and start
 *    from its own world, puts the page event before the first sign of Zoom and numbers the ids;
 *    CSP violations are read by the relay too (lib/capture/csp-watch.ts: DOM events reach its
 *    world); one wrapper (`wrap`) for every hooked function; block-scoped sections so the
 *    minifier's names stay one letter: 5604 → 4042 (Zoom's answer is still parsed in the hook, so
 *    that only its three fields travel whatever its size).
 */
export const HOOK_BUDGET_BYTES = 4096;
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

/** WXT's production-dead `logger.error(… crashed on startup! …)` call in a content-script wrapper. */
const DEAD_LOGGER_CALL = /logger\.error\([^;]*crashed on startup![^;]*;/;

/** A Vite plugin that edits the WXT wrapper (`virtual`) of one entrypoint only. */
function editWrapper(name: string, virtual: string, entrypoint: string, edit: (code: string) => string): Plugin {
  return {
    name,
    enforce: 'post',
    transform(code, id) {
      if (!id.includes(virtual) || !id.includes(entrypoint)) return null;
      const out = edit(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * WXT wraps a MAIN-world content script in an async function that awaits `definition.main()` in a
 * try/catch, with a logger that prints nothing in production builds (WXT's `print` returns when
 * MODE is production) and a call of WXT's plugin loader (this project has no WXT plugins). For the
 * page hook that wrapper is replaced by a plain call of the entrypoint's `install` export: the
 * definition object (matches, world, runAt: read by WXT for the manifest when it imports the
 * entrypoint on its own, never needed in the page), the logger and the async wrapper are then
 * tree-shaken away (~450 bytes of the budget). An error thrown by install() still reaches the
 * console, as an exception instead of a rejected promise.
 * Throws when WXT's wrapper no longer has the shape this replaces, so an upgrade cannot change the
 * hook's start unseen.
 */
export const bareMainWorldWrapper = (): Plugin =>
  editWrapper('join-doctor:bare-main-world-wrapper', 'virtual:wxt-content-script-main-world-entrypoint', 'zoom-hook', (code) => {
    const entry = /^import definition from ("[^"\n]+");$/m.exec(code);
    if (!entry || !code.includes('await definition.main()')) throw new Error("WXT's MAIN-world wrapper changed: scripts/build/hook-budget.ts bareMainWorldWrapper must be checked against it");
    return `import { install } from ${entry[1]};\ninstall();\n`;
  });

/**
 * The relay is an ISOLATED-world script in every frame of every page, dormant until Zoom shows up
 * (issue 14 §6). WXT's isolated wrapper would start a ContentScriptContext in each of them (an
 * AbortController, a location watcher, a `wxt:content-script-started` window message every page
 * can see: ~40 KB of heap per frame, measured by `npm run bench:hook`) that the relay never uses.
 * This hands the relay's `main` no context instead; the error is still rethrown, as before.
 */
export const bareRelayWrapper = (): Plugin =>
  editWrapper('join-doctor:bare-relay-wrapper', 'virtual:wxt-content-script-isolated-world-entrypoint', 'relay', (code) =>
    code.replace(/new ContentScriptContext\([^)]*\)/, 'undefined').replace(DEAD_LOGGER_CALL, ''),
  );
