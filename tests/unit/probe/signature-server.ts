/**
 * A local signature endpoint (127.0.0.1, port 0) with its own clock, for probe tests. `/java`
 * issues iat the way the seed's backend did (`Math.round((now - 30000) / 1000)`, a float), `/node`
 * the way Zoom's sample does (`Math.floor(Date.now() / 1000)`). Each request advances the server
 * clock by `stepMs`, so a probe of a few requests covers minutes of server time, as a slow probe
 * against a real backend would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { javaRoundLongIat } from '../../../lib/rules/quantization';
import { samplePayload, signClaims } from '../rules/token-helpers';

export interface SignatureServer {
  url: string;
  requests: Array<{ method: string; path: string; body: string; headers: Record<string, string | string[] | undefined> }>;
  close(): Promise<void>;
}

export async function startSignatureServer(opts: { startMs?: number; stepMs?: number } = {}): Promise<SignatureServer> {
  let clock = opts.startMs ?? 1_795_912_284_000;
  const step = opts.stepMs ?? 0;
  const requests: SignatureServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const path = req.url ?? '/';
        requests.push({ method: req.method ?? 'GET', path, body, headers: req.headers });
        const nowMs = clock;
        clock += step;
        const date = new Date(nowMs).toUTCString();
        if (path.startsWith('/slow')) return; // never answers
        if (path.startsWith('/broken')) {
          res.writeHead(500, { Date: date, 'content-type': 'text/plain' });
          return res.end('Internal Server Error');
        }
        if (path.startsWith('/html')) {
          res.writeHead(200, { Date: date, 'content-type': 'text/html' });
          return res.end('<html>login page</html>');
        }
        const iat = path.startsWith('/java') ? javaRoundLongIat(nowMs, 30_000) : Math.floor(nowMs / 1000);
        const signature = await signClaims(samplePayload({ iat, exp: iat + 7200, tokenExp: iat + 7200 }));
        if (path.startsWith('/text')) {
          res.writeHead(200, { Date: date, 'content-type': 'text/plain' });
          return res.end(`token=${signature}\n`);
        }
        res.writeHead(200, { Date: date, 'content-type': 'application/json' });
        res.end(JSON.stringify({ signature, sdkKey: 'abc' }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
