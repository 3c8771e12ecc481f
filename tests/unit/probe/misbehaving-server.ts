/**
 * Local endpoints (127.0.0.1, port 0) that misbehave the ways real ones do: never answer, answer
 * headers then drip the body, send an endless body, reset the connection before or during the
 * answer, or speak something other than HTTP. `sentBytes` counts what the endless body pushed
 * out, which shows whether the client stopped reading.
 */
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface MisbehavingServer {
  url: string;
  /** Bytes of endless body written so far. */
  sentBytes(): number;
  close(): Promise<void>;
}

export async function startMisbehavingServer(): Promise<MisbehavingServer> {
  let sent = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/hang')) return; // headers never come
    if (path.startsWith('/reset-before')) return void req.socket.destroy();
    if (path.startsWith('/reset-during')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"signature":"eyJ');
      const t = setTimeout(() => req.socket.destroy(), 30);
      timers.add(t);
      return;
    }
    if (path.startsWith('/drip')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const t = setInterval(() => res.write(' '), 50); // a byte every 50 ms, forever
      timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (path.startsWith('/endless')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) {
          sent += chunk.length;
          res.once('drain', pump);
        }
      };
      pump();
      return;
    }
    res.writeHead(404).end();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sentBytes: () => sent,
    close: async () => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A port that was just free: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A TCP server that answers every connection with a line that is not HTTP. */
export async function startNotHttpServer(): Promise<{ url: string; close(): Promise<void> }> {
  const open = new Set<Socket>();
  const s = net.createServer((sock) => {
    open.add(sock);
    sock.on('close', () => open.delete(sock));
    sock.end('SSH-2.0-OpenSSH_9.2\r\n\r\n');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`,
    close: () => {
      // A half-closed socket the client never closes would keep close() waiting.
      for (const sock of open) sock.destroy();
      return new Promise<void>((r) => s.close(() => r()));
    },
  };
}
