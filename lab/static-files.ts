/**
 * Static files for the lab server (lab/server.ts) and the browser tests' page server
 * (tests/e2e/harness/page-server.ts): the content types they answer with, the real Meeting SDK's
 * dist mounted the way its pages expect it, and the one lookup that maps a URL path to a file
 * under a mount without ever leaving the mounted folder.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
};

export const contentType = (file: string) => CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';

/**
 * `/sdk` (the dist folder: the CDN builds), `/lib` (dist/lib: vendor React/Redux/lodash, av,
 * wasm) and `/ui` (dist/ui: CSS and lazy chunks the SDK fetches beside its lib path).
 */
export function sdkMounts(dist: string): Record<string, string> {
  return { '/sdk': dist, '/lib': path.join(dist, 'lib'), '/ui': path.join(dist, 'ui') };
}

/** The file a decoded URL path names under the first mount whose prefix it starts with, or null. */
export async function mountedFile(mounts: Record<string, string>, pathname: string): Promise<string | null> {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (pathname !== prefix && !pathname.startsWith(prefix + '/')) continue;
    const file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir)) return null;
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      /* not there: try the next mount, as a 404 would */
    }
  }
  return null;
}
