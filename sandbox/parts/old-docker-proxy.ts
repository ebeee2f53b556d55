// Fault injection for "Docker too old": a socket proxy in front of the real daemon that reports
// an old engine (17.09, API 1.32) on /version and /_ping and forwards everything else.
import * as fs from 'node:fs';
import * as http from 'node:http';

export const OLD_VERSION = { Version: '17.09.1-ce', ApiVersion: '1.32', MinAPIVersion: '1.12' };

export class OldDockerProxy {
  private server?: http.Server;
  constructor(readonly socketPath: string, private readonly upstreamSocket: string) {}

  get host(): string { return `unix://${this.socketPath}`; }

  async start(): Promise<void> {
    if (this.server) return;
    fs.rmSync(this.socketPath, { force: true });
    const s = http.createServer((req, res) => {
      const isVersion = /^(\/v[0-9.]+)?\/version$/.test((req.url ?? '').split('?')[0]);
      const up = http.request({ socketPath: this.upstreamSocket, method: req.method, path: req.url, headers: req.headers }, (ur) => {
        const headers = { ...ur.headers };
        if (headers['api-version']) headers['api-version'] = OLD_VERSION.ApiVersion;
        if (headers.server) headers.server = `Docker/${OLD_VERSION.Version} (linux)`;
        if (!isVersion) { res.writeHead(ur.statusCode ?? 502, headers); ur.pipe(res); return; }
        const chunks: Buffer[] = [];
        ur.on('data', (c) => chunks.push(c));
        ur.on('end', () => {
          let body = Buffer.concat(chunks).toString('utf8');
          try {
            const v = JSON.parse(body);
            Object.assign(v, OLD_VERSION);
            if (Array.isArray(v.Components)) for (const c of v.Components) if (c.Name === 'Engine') { c.Version = OLD_VERSION.Version; c.Details = { ...c.Details, ApiVersion: OLD_VERSION.ApiVersion, MinAPIVersion: OLD_VERSION.MinAPIVersion }; }
            body = JSON.stringify(v);
          } catch { /* pass through */ }
          delete headers['content-length']; delete headers['transfer-encoding'];
          res.writeHead(ur.statusCode ?? 200, { ...headers, 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
      });
      up.on('error', () => { res.destroy(); });
      req.pipe(up);
    });
    await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(this.socketPath, () => resolve()); });
    this.server = s;
  }

  async stop(): Promise<void> {
    const s = this.server; this.server = undefined;
    if (s) { await new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); }); }
    fs.rmSync(this.socketPath, { force: true });
  }
}
