// Real loopback servers for unit tests: an HTTPS server, a black hole (accepts, never answers),
// a CONNECT proxy, a proxy that closes after CONNECT, and a closed port.
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, connect, type Server, type Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Running { port: number; close(): Promise<void>; }

function track(server: Server | HttpsServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return sockets;
}

function listen(server: Server | HttpsServer, sockets: Set<Socket>): Promise<Running> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({
        port,
        close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
      });
    });
  });
}

/** `handshakes()`: the TLS connections the server has accepted so far. */
export async function httpsServer(cert: string, key: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Running & { handshakes(): number }> {
  const server = createHttpsServer({ cert, key }, handler);
  let n = 0;
  server.on('secureConnection', () => { n++; });
  return { ...await listen(server, track(server)), handshakes: () => n };
}

export function blackHole(): Promise<Running> {
  const server = createNetServer(() => { /* accept and say nothing */ });
  return listen(server, track(server));
}

/** Bound then closed: connecting is refused. */
export async function closedPort(): Promise<number> {
  const r = await listen(createNetServer(), new Set());
  await r.close();
  return r.port;
}

export interface ProxyRunning extends Running { connects: string[]; }

/** A minimal CONNECT proxy; `mode` 'eof' closes right after reading CONNECT, '403' refuses. */
export function connectProxy(mode: 'ok' | 'eof' | '403' = 'ok', targetPort?: number): Promise<ProxyRunning> {
  const connects: string[] = [];
  const server = createNetServer((client) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.removeListener('data', onData);
      const m = /^CONNECT ([^ :]+):(\d+) /.exec(buf);
      if (!m) { client.destroy(); return; }
      connects.push(`${m[1]}:${m[2]}`);
      if (mode === 'eof') { client.destroy(); return; }
      if (mode === '403') { client.end('HTTP/1.1 403 Filtered\r\nContent-Length: 0\r\n\r\n'); return; }
      // The test maps every host to 127.0.0.1 (the proxy is the one resolving), optionally to one port.
      const upstream = connect(targetPort ?? Number(m[2]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        upstream.pipe(client); client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    };
    client.on('data', onData);
    client.on('error', () => undefined);
  });
  const sockets = track(server);
  return listen(server, sockets).then((r) => ({ ...r, connects }));
}
