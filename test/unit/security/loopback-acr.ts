// A hostile little world on loopback for the security tests: a recording HTTPS server that plays
// contoso.azurecr.io (and, with the same certificate, evil.test), a CONNECT proxy that routes every
// tunnel to it (or, in `rewrite` mode, to a server with another CA's certificate), and a log of
// every request that reached HTTP with its host, headers and body.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, connect, type Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makePki, type TestPki } from '../net/helpers/pki';

export const LOGIN = 'contoso.azurecr.io';
export const EVIL = 'evil.test';

export interface Seen { host: string; method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string; via: 'good' | 'interceptor' }

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export interface HostileWorld {
  pki: TestPki;
  seen: Seen[];
  connects: string[];
  proxyUrl: string;
  /** How the fake registry answers; replace per test. */
  handler: Handler;
  /** Route tunnels to the interceptor (a certificate from "Evil Proxy Inc"). */
  rewrite: boolean;
  close(): Promise<void>;
}

function recordingServer(cert: string, key: string, via: Seen['via'], w: () => HostileWorld): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createHttpsServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      w().seen.push({ host: String(req.headers.host ?? '').replace(/:443$/, ''), method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, via });
      try { w().handler(req, body, res); } catch { res.statusCode = 500; res.end(); }
    });
  });
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('tlsClientError', () => undefined);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    resolve({ port: typeof a === 'object' && a ? a.port : 0, close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }) });
  }));
}

export async function startHostileWorld(): Promise<HostileWorld> {
  const pki = makePki([LOGIN, EVIL, 'contoso.westeurope.data.azurecr.io', 'management.sandbox.test']);
  // eslint-disable-next-line prefer-const
  let world: HostileWorld;
  const good = await recordingServer(pki.cert, pki.key, 'good', () => world);
  const interceptor = await recordingServer(pki.otherCert, pki.otherKey, 'interceptor', () => world);
  const sockets = new Set<Socket>();
  const proxy = createNetServer((client) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.removeListener('data', onData);
      const m = /^CONNECT ([^ ]+) /.exec(buf);
      if (!m) { client.destroy(); return; }
      world.connects.push(m[1]);
      const upstream = connect(world.rewrite ? interceptor.port : good.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        const rest = Buffer.from(buf.slice(end + 4), 'latin1');
        if (rest.length) upstream.write(rest);
        upstream.pipe(client); client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    };
    client.on('data', onData);
    client.on('error', () => undefined);
  });
  proxy.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const proxyPort = await new Promise<number>((resolve) => proxy.listen(0, '127.0.0.1', () => { const a = proxy.address(); resolve(typeof a === 'object' && a ? a.port : 0); }));
  world = {
    pki, seen: [], connects: [], proxyUrl: `http://127.0.0.1:${proxyPort}`, rewrite: false,
    handler: (_req, _body, res) => { res.statusCode = 404; res.end(); },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => proxy.close(() => r()));
      await good.close(); await interceptor.close();
      pki.cleanup();
    },
  };
  return world;
}

/** Every place a secret could ride on a request. */
export function requestCarries(s: Seen, secret: string): boolean {
  const hay = [s.path, s.body, ...Object.values(s.headers).flat().map(String)].join('\n');
  const variants = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
  return variants.some((v) => hay.includes(v)) || /basic /i.test(String(s.headers.authorization ?? '')) && Buffer.from(String(s.headers.authorization).slice(6), 'base64').toString().includes(secret);
}
