/**
 * The WXT auto-imports the extension's code uses, for tsconfig.extension.json only. WXT's own
 * declarations (.wxt/wxt.d.ts) reach Vite's, which load Node's types into every file: this keeps
 * the browser-side check free of them, so a `node:*` import or a Buffer in extension code fails.
 */
declare function defineContentScript<T extends { main: (...args: any[]) => unknown }>(definition: T): T;
declare function defineBackground(main: () => void): unknown;
declare const browser: typeof import('wxt/browser').browser;
