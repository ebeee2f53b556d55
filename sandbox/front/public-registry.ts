// A public, anonymous registry front (mcr.microsoft.com in the sandbox): TLS, everything proxied
// to a docker-registry without auth. `az acr check-health` pulls mcr.microsoft.com/mcr/hello-world.
import * as http from 'node:http';
import * as https from 'node:https';
import type { TlsPair } from './login-server';

export class PublicRegistryFront {
  private servers: https.Server[] = [];
  constructor(private readonly o: { host: string; addresses: string[]; upstreamPort: number; tls: TlsPair; port?: number }) {}

  async start(): Promise<void> {
    for (const addr of this.o.addresses) {
      const s = https.createServer({ key: this.o.tls.key, cert: this.o.tls.cert }, (req, res) => {
        const up = http.request({ host: '127.0.0.1', port: this.o.upstreamPort, method: req.method, path: req.url,
          headers: { ...req.headers, host: this.o.host, 'x-forwarded-proto': 'https' } }, (ur) => { res.writeHead(ur.statusCode ?? 502, ur.headers); ur.pipe(res); });
        up.on('error', () => { if (!res.headersSent) { res.writeHead(502); res.end(); } else res.destroy(); });
        req.pipe(up);
      });
      await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(this.o.port ?? 443, addr, () => { s.off('error', reject); resolve(); }); });
      this.servers.push(s);
    }
  }

  setTls(tls: TlsPair): void { for (const s of this.servers) s.setSecureContext({ key: tls.key, cert: tls.cert }); }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); })));
    this.servers = [];
  }
}
