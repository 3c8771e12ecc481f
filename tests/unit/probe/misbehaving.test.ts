import { afterEach, describe, expect, it } from 'vitest';
import { probe, MAX_BODY_BYTES } from '../../../lib/probe/run';
import { describeFetchError } from '../../../lib/probe/fetch-error';
import { closedPort, startMisbehavingServer, startNotHttpServer, type MisbehavingServer } from './misbehaving-server';

let server: MisbehavingServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const quick = { count: 1, requestTimeoutMs: 600, totalTimeoutMs: 5000 };

describe('probe against endpoints that misbehave (each bounded in time)', () => {
  it('an endless body: reading stops at the 1 MiB cap and the connection is dropped', async () => {
    server = await startMisbehavingServer();
    const t0 = Date.now();
    const r = await probe({ url: `${server.url}/endless`, ...quick, count: 3, requestTimeoutMs: 10_000 });
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]!.message).toContain(`over ${MAX_BODY_BYTES} bytes (stopped reading after`);
    await new Promise((res) => setTimeout(res, 100));
    const afterStop = server.sentBytes();
    await new Promise((res) => setTimeout(res, 300));
    // Nothing more is sent once the client cancelled: the server's writes stopped (socket closed).
    expect(server.sentBytes()).toBe(afterStop);
    // Socket buffers on both sides hold a few MB at most; nowhere near "read it all, then cap".
    expect(afterStop).toBeLessThan(3 * 16 * 1024 * 1024);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a server that never answers is cut at the request timeout', async () => {
    server = await startMisbehavingServer();
    const t0 = Date.now();
    const r = await probe({ url: `${server.url}/hang`, ...quick });
    expect(r.errors[0]!.message).toBe('no answer within 600 ms');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a body that drips a byte every 50 ms forever is cut at the request timeout, named as a slow body', async () => {
    server = await startMisbehavingServer();
    const t0 = Date.now();
    const r = await probe({ url: `${server.url}/drip`, ...quick });
    expect(r.errors[0]!.message).toContain('the body did not finish within 600 ms');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('a reset before the answer and a reset during the body are named, with the URL', async () => {
    server = await startMisbehavingServer();
    const before = await probe({ url: `${server.url}/reset-before`, ...quick });
    expect(before.errors[0]!.message).toMatch(/^Connection reset by the server before it answered \((ECONNRESET|UND_ERR_SOCKET)\)/);
    expect(before.errors[0]!.message).toContain(`${server.url}/reset-before`);
    const during = await probe({ url: `${server.url}/reset-during`, ...quick });
    expect(during.errors[0]!.message).toMatch(/^Connection reset by the server while it was sending the body/);
  });

  it('a refused connection, https against an http port and a non-HTTP server each say what happened', async () => {
    const port = await closedPort();
    const refused = await probe({ url: `http://127.0.0.1:${port}/signature`, ...quick });
    expect(refused.errors[0]!.message).toBe(`Connection refused (ECONNREFUSED): nothing listens at that host and port (http://127.0.0.1:${port}/signature). Is the backend running, on that port?`);
    server = await startMisbehavingServer();
    const tls = await probe({ url: `${server.url.replace('http:', 'https:')}/hang`, ...quick });
    expect(tls.errors[0]!.message).toMatch(/^TLS handshake failed \(ERR_SSL_WRONG_VERSION_NUMBER\): the server does not speak TLS here/);
    const other = await startNotHttpServer();
    try {
      const r = await probe({ url: other.url, ...quick });
      expect(r.errors[0]!.message).toMatch(/^The answer is not HTTP \(HPE_/);
    } finally {
      await other.close();
    }
  });

  it('DNS and certificate failures are named from the error cause (no network needed)', () => {
    const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' }) });
    expect(describeFetchError(dns, 'https://api.example.invalid/')).toBe('DNS lookup failed (ENOTFOUND): the host name does not resolve (https://api.example.invalid/). Check the spelling, or use the IP address.');
    const cert = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) });
    expect(describeFetchError(cert, 'https://localhost:8443/')).toContain('TLS handshake failed (DEPTH_ZERO_SELF_SIGNED_CERT): the certificate or TLS setup was refused');
  });
});
