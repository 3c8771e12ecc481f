/**
 * `npm run build:web`: the triage page as a static folder (.output/web, or JOIN_DOCTOR_WEB_OUT_DIR)
 * that any static host serves, with relative URLs so it works under any path. Built from the very
 * HTML the extension ships (entrypoints/triage/index.html → index.html, entrypoints/rules/index.html
 * → rules.html), with the same React, the same no-innerHTML edit and the same CSP; the HAR worker
 * is a file of its own (worker-src 'self'). Serve it locally: `npm run serve:web`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { noReactInnerHtml } from './build/no-inner-html.ts';
import { pageCsp } from './build/page-csp.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const entrypoints = path.resolve(here, '..', 'entrypoints');
export const WEB_OUT_DIR = path.resolve(here, '..', process.env.JOIN_DOCTOR_WEB_OUT_DIR ?? '.output/web');

/** The extension's page names (triage.html, rules.html) at the top of the folder: index.html for the triage page. */
const PAGES: Record<string, string> = { 'triage/index.html': 'index.html', 'rules/index.html': 'rules.html' };

/**
 * Moves each page from <name>/index.html up to the folder's top. Its URLs were written relative to
 * the subfolder ("../assets/…", "../icon/…"); one level up they start with "./".
 */
const flattenPages = (): Plugin => ({
  name: 'join-doctor:flatten-web-pages',
  enforce: 'post',
  generateBundle(_, bundle) {
    for (const [from, to] of Object.entries(PAGES)) {
      const page = bundle[from];
      if (!page || page.type !== 'asset' || typeof page.source !== 'string') throw new Error(`scripts/web.vite.config.ts: the build made no ${from}`);
      const source = page.source.replaceAll('"../', '"./');
      delete bundle[from];
      this.emitFile({ type: 'asset', fileName: to, source });
    }
  },
});

export default defineConfig({
  root: entrypoints,
  base: './',
  // The icons (public/icon/*.png), as the extension has them.
  publicDir: path.resolve(here, '..', 'public'),
  plugins: [react(), noReactInnerHtml(), pageCsp(), flattenPages()],
  worker: { format: 'es' },
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    // No source maps: the page ships only what runs.
    sourcemap: false,
    rollupOptions: { input: { index: path.join(entrypoints, 'triage/index.html'), rules: path.join(entrypoints, 'rules/index.html') } },
  },
});
