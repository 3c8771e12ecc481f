/**
 * Local page server on 127.0.0.1 (port 0) for browser tests.
 *
 *   const server = await startPageServer({ mounts: { '/bundle': dir } });
 *   server.setPage('/client.html', html);          // in-memory page (string or Buffer)
 *   await page.goto(server.url('/client.html'));
 *   await server.close();
 *
 * Always mounted, from node_modules/@zoom/meetingsdk/dist: `/sdk` (the dist folder: the CDN
 * builds), `/lib` (dist/lib: vendor React/Redux/lodash, av, wasm), `/ui` (dist/ui: CSS and lazy
 * chunks the SDK fetches beside its lib path). Extra `mounts` map URL prefixes to folders.
 * `requests` lists every path requested, for assertions.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { sdkDist } from './paths';
import { contentType, mountedFile, sdkMounts } from '../../../lab/static-files';

export interface PageServer {
  origin: string;
  url(p: string): string;
  setPage(p: string, body: string | Buffer, contentType?: string): void;
  /** Answers `p` with a handler (e.g. a signature endpoint). */
  setHandler(p: string, h: (req: IncomingMessage, res: ServerResponse) => void): void;
  requests: string[];
  close(): Promise<void>;
}

export async function startPageServer(opts: { mounts?: Record<string, string> } = {}): Promise<PageServer> {
  const mounts: Record<string, string> = { ...sdkMounts(sdkDist), ...opts.mounts };
  const pages = new Map<string, { body: string | Buffer; type: string }>();
  const handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const requests: string[] = [];

  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    const h = handlers.get(pathname);
    if (h) return h(req, res);
    const page = pages.get(pathname);
    if (page) {
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' });
      return res.end(page.body);
    }
    const file = await mountedFile(mounts, pathname);
    if (file) {
      res.writeHead(200, { 'content-type': contentType(file), 'access-control-allow-origin': '*' });
      return res.end(await readFile(file));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => origin + p,
    setPage: (p, body, type = 'text/html; charset=utf-8') => void pages.set(p, { body, type }),
    setHandler: (p, h) => void handlers.set(p, h),
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
