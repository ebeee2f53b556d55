// A registry's data endpoint (`<reg>.<region>.data.azurecr.io`): checks the signed URL the login
// server's blob redirect handed out and the registry's network rules, then streams the blob from
// the real docker-registry using its own pull token.
import * as http from 'node:http';
import * as https from 'node:https';
import * as crypto from 'node:crypto';
import type { Signer } from '../jwt';
import { signJwt } from '../jwt';
import type { RegistryContext } from './policy';
import { firewallVerdict } from './policy';
import { signBlobUrl, type TlsPair } from './login-server';

export interface DataEndpointOptions {
  /** Port to listen on (default 443; behind a latency relay the inner port). */
  port?: number;
  host: string;
  addresses: string[];
  upstreamPort: number;
  loginServer: string;
  signer: Signer;
  view: () => RegistryContext | undefined;
  tls: TlsPair;
  urlKey: Buffer;
}

export class DataEndpoint {
  private servers: https.Server[] = [];
  constructor(private readonly o: DataEndpointOptions) {}

  async start(): Promise<void> {
    for (const addr of this.o.addresses) {
      const s = https.createServer({ key: this.o.tls.key, cert: this.o.tls.cert }, (req, res) => this.handle(req, res));
      await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(this.o.port ?? 443, addr, () => { s.off('error', reject); resolve(); }); });
      this.servers.push(s);
    }
  }

  setTls(tls: TlsPair): void { for (const s of this.servers) s.setSecureContext({ key: tls.key, cert: tls.cert }); }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); })));
    this.servers = [];
  }

  private fail(res: http.ServerResponse, status: number, code: string, message: string): void {
    const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
    res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const reg = this.o.view();
    const url = new URL(req.url ?? '/', `https://${this.o.host}`);
    if (!reg) { this.fail(res, 404, 'ResourceNotFound', 'registry not found'); return; }
    const clientIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const localIp = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
    const denied = firewallVerdict(reg, localIp, clientIp);
    if (denied) { res.writeHead(403, { 'Content-Type': 'text/plain' }); res.end(denied); return; }
    const m = /^\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
    const repo = url.searchParams.get('repo') ?? '';
    const se = Number(url.searchParams.get('se'));
    const sig = url.searchParams.get('sig') ?? '';
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) { this.fail(res, 404, 'ResourceNotFound', 'The specified resource does not exist.'); return; }
    const want = signBlobUrl(this.o.urlKey, repo, m[1], se);
    if (sig.length !== want.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(want))) {
      this.fail(res, 403, 'AuthenticationFailed', 'Signature did not match.'); return;
    }
    if (!Number.isFinite(se) || se * 1000 < Date.now()) { this.fail(res, 403, 'AuthenticationFailed', 'Signed expiry time has passed.'); return; }
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(this.o.signer, {
      jti: crypto.randomUUID(), sub: 'data-endpoint', iss: this.o.loginServer, aud: this.o.loginServer,
      nbf: now - 5, iat: now, exp: now + 300, access: [{ type: 'repository', name: repo, actions: ['pull'] }],
    });
    const up = http.request({
      host: '127.0.0.1', port: this.o.upstreamPort, method: req.method, path: `/v2/${repo}/blobs/${m[1]}`,
      headers: { host: this.o.loginServer, authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https', ...(req.headers.range ? { range: req.headers.range } : {}) },
    }, (ur) => {
      const h: http.OutgoingHttpHeaders = {};
      for (const k of ['content-length', 'content-type', 'content-range', 'accept-ranges', 'etag', 'docker-content-digest']) if (ur.headers[k]) h[k] = ur.headers[k];
      res.writeHead(ur.statusCode ?? 502, h);
      ur.pipe(res);
    });
    up.on('error', () => { if (!res.headersSent) this.fail(res, 502, 'ServerBusy', 'backend unavailable'); else res.destroy(); });
    up.end();
  }
}
