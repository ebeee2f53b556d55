// Small TCP fault listeners: a black hole (accepts, never answers) and a proxy that reads the
// CONNECT request and then closes the connection (docker: `unexpected EOF`).
import * as net from 'node:net';

export class FaultListener {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(readonly kind: 'black-hole' | 'broken-proxy', readonly host: string, readonly port: number) {}

  async start(): Promise<void> {
    if (this.server) return;
    const s = net.createServer((sock) => {
      this.sockets.add(sock);
      sock.on('close', () => this.sockets.delete(sock));
      sock.on('error', () => { /* peers give up */ });
      if (this.kind === 'broken-proxy') sock.once('data', () => sock.destroy());
      // black hole: keep the socket open and never write
    });
    await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(this.port, this.host, () => resolve()); });
    this.server = s;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const s = this.server; this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }
}
