/**
 * Zoom's hosts answered through a local HTTP(S) proxy on 127.0.0.1 (port 0), for browsers whose
 * own request interception hides the answer from DevTools (Firefox: BiDi-intercepted responses
 * reach devtools.network with no status and no Date header). CONNECT to zoom.us / *.zoom.us is
 * terminated here with a throw-away self-signed certificate (the browser must accept insecure
 * certificates); every other host is refused and logged in `refused`.
 *
 *   const proxy = await startZoomProxy(tmpDir('ff-proxy'));
 *   // Firefox prefs: network.proxy.type 1, network.proxy.http/ssl 127.0.0.1, *_port proxy.port
 *   proxy.requests  // wc/info requests as the SDK sent them (parsed fields)
 *
 * Answers like routeZoom (zoom-route.ts): 3712's server side, `Invalid signature.`, with a Date
 * header and the CORS headers Zoom sends; JSONP (`callback`/`cb`) as `callback({...})`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { INVALID_SIGNATURE, type WcInfoRequest } from './zoom-route';

export interface ZoomProxy {
  port: number;
  requests: WcInfoRequest[];
  refused: string[];
  /** Added to the Date header of every answer (Zoom's clock ahead/behind this machine). */
  dateOffsetMs: number;
  close(): Promise<void>;
}

const ZOOM_HOST = /^(?:[a-z0-9-]+\.)*zoom\.us$/i;

function selfSignedZoomCert(dir: string): { key: Buffer; cert: Buffer } {
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'zoom-key.pem');
  const cert = path.join(dir, 'zoom-cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=zoom.us',
    '-addext', 'subjectAltName=DNS:zoom.us,DNS:*.zoom.us', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) return reject(new Error(`wc/info body over ${limit} bytes`));
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startZoomProxy(certDir: string): Promise<ZoomProxy> {
  const proxy: ZoomProxy = { port: 0, requests: [], refused: [], dateOffsetMs: 0, close: async () => undefined };

  const answerZoom = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'zoom.us'}`);
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      date: new Date(Date.now() + proxy.dateOffsetMs).toUTCString(),
    };
    if (!url.pathname.endsWith('/wc/info')) {
      proxy.refused.push(url.href);
      res.writeHead(404, cors);
      return res.end();
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    const callback = url.searchParams.get('callback') ?? url.searchParams.get('cb');
    const jsonp = req.method === 'GET' && callback !== null;
    const body = req.method === 'POST' ? await readBody(req).catch(() => '') : '';
    const fields = Object.fromEntries(jsonp ? url.searchParams : new URLSearchParams(body));
    proxy.requests.push({ method: req.method ?? 'GET', url: url.href, fields, jsonp });
    const text = JSON.stringify(INVALID_SIGNATURE);
    res.writeHead(200, { ...cors, 'content-type': jsonp ? 'application/javascript' : 'application/json;charset=UTF-8' });
    res.end(jsonp ? `${callback}(${text})` : text);
  };

  const tls = createHttpsServer(selfSignedZoomCert(certDir), (req, res) => void answerZoom(req, res));
  const server = createServer((req, res) => {
    // Plain-HTTP proxy requests (absolute URLs): Zoom's hosts answered, the rest refused.
    let host = '';
    try {
      host = new URL(req.url ?? '').hostname;
    } catch {
      /* not an absolute URL */
    }
    if (ZOOM_HOST.test(host)) return void answerZoom(req, res);
    proxy.refused.push(req.url ?? '');
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, socket, head) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    socket.on('error', () => undefined);
    if (!ZOOM_HOST.test(host)) {
      proxy.refused.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      tls.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}
