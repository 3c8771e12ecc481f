/**
 * `npm run build:web`: the triage page as a static folder (.output/web, or JOIN_DOCTOR_WEB_OUT_DIR)
 * that any static host serves, with relative URLs so it works under any path. The same sources
 * as the extension's triage.html and rules.html (entrypoints/triage, entrypoints/rules), the same
 * React and the same no-innerHTML edit; the HAR worker is a file of its own (worker-src 'self').
 * Serve it locally: `node scripts/serve-web.mjs`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { noReactInnerHtml } from '../lib/build/no-inner-html.ts';
import { pageCsp } from '../lib/build/page-csp.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_OUT_DIR = path.resolve(here, '..', process.env.JOIN_DOCTOR_WEB_OUT_DIR ?? '.output/web');

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react(), noReactInnerHtml(), pageCsp()],
  worker: { format: 'es' },
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    // No source maps: the page ships only what runs.
    sourcemap: false,
    rollupOptions: { input: { index: path.join(here, 'index.html'), rules: path.join(here, 'rules.html') } },
  },
});
