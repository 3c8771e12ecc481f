#!/usr/bin/env node
/**
 * Serves the built triage page (npm run build:web → .output/web) on http://127.0.0.1:4178/, for
 * trying it locally: `npm run serve:web` (or `node scripts/serve-web.mjs [DIR] [--port N]`).
 * Loopback only, GET/HEAD only, files under DIR only. It sends the page's own CSP as a header too, and
 * COOP/COEP so the page is cross-origin isolated (performance.measureUserAgentSpecificMemory works
 * there); any plain static host serves the folder as well, the meta CSP travels with it.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** The CSP the build wrote into the page (scripts/build/page-csp.ts), sent as a header too: one source. */
async function builtCsp(root) {
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  if (!csp) throw new Error(`${root}/index.html has no Content-Security-Policy meta tag: not a triage page build`);
  return `${csp}; frame-ancestors 'none'`;
}

/**
 * Starts the server; resolves with its origin and a close function. Port 0 picks a free one.
 * `isolated: false` leaves out the headers (CSP, COOP/COEP): a plain static host, where only the
 * page's own meta CSP protects it.
 */
export async function serveWeb(dir, port = 4178, { isolated = true } = {}) {
  const root = path.resolve(dir);
  const csp = await builtCsp(root);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, pathname);
    // Nothing outside the folder, whatever the URL says.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    const s = await stat(file).catch(() => null);
    if (!s?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': s.size,
      ...(isolated
        ? { 'content-security-policy': csp, 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'x-content-type-options': 'nosniff' }
        : {}),
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((r) => server.close(() => r())) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log('Usage: node scripts/serve-web.mjs [DIR] [--port N]   (npm run serve:web)\nServes the triage page built by npm run build:web (DIR: .output/web) on http://127.0.0.1:N/ (4178; 0 picks a free port).');
    process.exit(0);
  }
  const at = args.indexOf('--port');
  const port = at >= 0 ? Number(args[at + 1]) : 4178;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') ?? fileURLToPath(new URL('../.output/web', import.meta.url));
  const s = await stat(path.join(dir, 'index.html')).catch(() => null);
  if (!s) {
    console.error(`${dir}/index.html not found: run npm run build:web first.`);
    process.exit(2);
  }
  const { origin } = await serveWeb(dir, port);
  console.log(`Join Doctor triage page: ${origin}/  (Ctrl+C to stop)`);
}
