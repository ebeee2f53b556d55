// The TLS front of one registry's login server (e.g. contoso.azurecr.io on 192.0.2.20 and its
// private endpoint IP): ACR's network checks, the /v2/ challenge, the token service, /v2/*
// proxied to a real docker-registry, and blob GETs answered 307 to the data endpoint.
import * as http from 'node:http';
import * as https from 'node:https';
import * as crypto from 'node:crypto';
import type { Signer } from '../jwt';
import { verifyJwt } from '../jwt';
import type { FrontFaults, RegistryContext } from './policy';
import { firewallVerdict } from './policy';
import { TokenService, AUTH_REQUIRED } from './token-service';
import { signJwt } from '../jwt';
import { attributesOf, lockRefuses, LOCKED_BODY } from './locks';

export interface TlsPair { key: string; cert: string }

export interface LoginServerOptions {
  /** Port to listen on (default 443; behind a latency relay the inner port). */
  port?: number;
  loginServer: string;
  addresses: string[];
  upstreamPort: number;                       // docker-registry on 127.0.0.1
  signer: Signer;
  tokens: TokenService;
  view: () => RegistryContext | undefined;
  faults: () => FrontFaults;
  tls: TlsPair;
  urlKey: Buffer;                             // signs data-endpoint URLs
}

export const THROTTLED_BODY = { errors: [{ code: 'TOOMANYREQUESTS', message: 'toomanyrequests: too many requests. Please retry after some time.' }] };

export function signBlobUrl(key: Buffer, repo: string, digest: string, expiresAt: number): string {
  return crypto.createHmac('sha256', key).update(`${repo}\n${digest}\n${expiresAt}`).digest('base64url');
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(s), ...headers });
  res.end(s);
}

function text(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function readBody(req: http.IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = []; let n = 0;
  for await (const c of req) { n += (c as Buffer).length; if (n > limit) throw new Error('body too large'); chunks.push(c as Buffer); }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * ACR's ContainerRegistryLoginEvents: every token request is logged to the Log Analytics
 * workspaces the registry's diagnostic settings send that category to.
 */
export function recordLoginEvent(ctx: RegistryContext, loginServer: string, identity: string, clientIp: string, req: http.IncomingMessage, r: { status: number; body: unknown }): void {
  const settings = ctx.state.diagnosticSettings[ctx.registry.arm.id.toLowerCase()] ?? [];
  for (const d of settings) {
    if (!d.properties.workspaceId || !d.properties.logs.some((l) => l.category === 'ContainerRegistryLoginEvents' && l.enabled)) continue;
    const ws = ctx.state.workspaces.find((w) => w.id.toLowerCase() === d.properties.workspaceId!.toLowerCase());
    if (!ws) continue;
    const errors = (r.body as { errors?: { message?: string }[] } | undefined)?.errors;
    (ctx.state.loginEvents[ws.properties.customerId] ??= []).push({
      TimeGenerated: new Date().toISOString(), LoginServer: loginServer, Identity: identity, CallerIpAddress: clientIp,
      ResultType: String(r.status), ResultDescription: r.status === 200 ? 'Success' : (errors?.[0]?.message ?? 'failed'),
      UserAgent: String(req.headers['user-agent'] ?? ''),
    });
  }
}

export class LoginServer {
  private servers: https.Server[] = [];
  constructor(private readonly o: LoginServerOptions) {}

  async start(): Promise<void> {
    for (const addr of this.o.addresses) {
      const s = https.createServer({ key: this.o.tls.key, cert: this.o.tls.cert }, (req, res) => {
        this.handle(req, res).catch((e) => { if (!res.headersSent) json(res, 500, { errors: [{ code: 'INTERNAL', message: String(e?.message ?? e) }] }); else res.destroy(); });
      });
      s.keepAliveTimeout = 5000;
      await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(this.o.port ?? 443, addr, () => { s.off('error', reject); resolve(); }); });
      this.servers.push(s);
    }
  }

  /** Swap the certificate (TLS interception scenario) without restarting. */
  setTls(tls: TlsPair): void {
    for (const s of this.servers) s.setSecureContext({ key: tls.key, cert: tls.cert });
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); })));
    this.servers = [];
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const reg = this.o.view();
    const url = new URL(req.url ?? '/', `https://${this.o.loginServer}`);
    if (!reg) { json(res, 404, { errors: [{ code: 'NAME_UNKNOWN', message: 'registry not found' }] }); return; }
    const faults = this.o.faults();
    const clientIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const localIp = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
    const denied = firewallVerdict(reg, localIp, clientIp);
    if (denied) { text(res, 403, denied); return; }
    if (faults.throttle) { json(res, 429, THROTTLED_BODY, { 'Retry-After': '30' }); return; }

    if (url.pathname === '/oauth2/exchange' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const r = this.o.tokens.exchange(reg, form);
      recordLoginEvent(reg, this.o.loginServer, 'aad-token', clientIp, req, r);
      json(res, r.status, r.body); return;
    }
    if (url.pathname === '/oauth2/token') {
      let identity = 'anonymous';
      let r;
      if (req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        identity = form.get('username') ?? (form.get('grant_type') === 'refresh_token' ? 'refresh-token' : 'unknown');
        r = this.o.tokens.tokenPost(reg, form);
      } else {
        const a = req.headers.authorization;
        if (a?.startsWith('Basic ')) identity = Buffer.from(a.slice(6), 'base64').toString('utf8').split(':')[0] ?? '';
        r = this.o.tokens.tokenGet(reg, url.searchParams, a);
      }
      recordLoginEvent(reg, this.o.loginServer, identity, clientIp, req, r);
      json(res, r.status, r.body); return;
    }
    if (url.pathname === '/v2/' || url.pathname === '/v2') {
      const bearer = req.headers.authorization?.startsWith('Bearer ');
      if (faults.challengeInvalid) {
        json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: AUTH_REQUIRED }] }, { 'Www-Authenticate': `Basic realm="${this.o.loginServer}"` });
        return;
      }
      if (!bearer) {
        json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: AUTH_REQUIRED, detail: null }] }, {
          'Www-Authenticate': `Bearer realm="https://${this.o.loginServer}/oauth2/token",service="${this.o.loginServer}"`,
          'Docker-Distribution-Api-Version': 'registry/2.0',
        });
        return;
      }
    }
    const blob = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
    const dataHosts = reg.registry.arm.properties.dataEndpointHostNames;
    if (blob && req.method === 'GET' && dataHosts.length && this.mayPull(req.headers.authorization, blob[1])) {
      // The nearest replica's data endpoint (faults.dataRegion models a client near a replica).
      const region = faults.dataRegion ?? reg.registry.arm.location;
      const host = dataHosts.find((h) => h.split('.')[1] === region) ?? dataHosts[0];
      const se = Math.floor(Date.now() / 1000) + 20 * 60;
      const sig = signBlobUrl(this.o.urlKey, blob[1], blob[2], se);
      const loc = `https://${host}/blobs/${blob[2]}?repo=${encodeURIComponent(blob[1])}&se=${se}&sig=${sig}`;
      res.writeHead(307, { Location: loc, 'Content-Length': '0', 'Docker-Distribution-Api-Version': 'registry/2.0' });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/v2/') && lockRefuses(reg.registry, req.method ?? 'GET', url.pathname)) { json(res, 405, LOCKED_BODY); return; }
    if (faults.refuseUploads && req.method === 'POST' && /^\/v2\/.+\/blobs\/uploads\/?$/.test(url.pathname) && req.headers.authorization?.startsWith('Bearer ')) {
      json(res, 403, { errors: [{ code: 'DENIED', message: faults.refuseUploads }] }); return;
    }
    // ACR's /acr/v1/_catalog answers as /v2/_catalog does (same scope, same body).
    if (url.pathname === '/acr/v1/_catalog' && req.method === 'GET') { req.url = `/v2/_catalog${url.search}`; this.proxy(req, res); return; }
    const acr = /^\/acr\/v1\/(.+?)(?:\/_tags\/([^/]+))?$/.exec(url.pathname);
    if (acr && req.method === 'GET') { await this.attributes(req, res, reg, acr[1], acr[2] ? decodeURIComponent(acr[2]) : undefined); return; }
    if (url.pathname.startsWith('/v2')) { this.proxy(req, res); return; }
    json(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'not found' }] });
  }

  /** ACR's metadata API: the repository's (or tag's) changeable attributes, for a token that may pull it. */
  private async attributes(req: http.IncomingMessage, res: http.ServerResponse, reg: RegistryContext, repo: string, tag: string | undefined): Promise<void> {
    if (!this.mayPull(req.headers.authorization, repo)) {
      json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: AUTH_REQUIRED }] }, {
        'Www-Authenticate': `Bearer realm="https://${this.o.loginServer}/oauth2/token",service="${this.o.loginServer}",scope="repository:${repo}:metadata_read"`,
      });
      return;
    }
    const tags = await this.upstreamTags(repo);
    if (!tags) { json(res, 404, { errors: [{ code: 'NAME_UNKNOWN', message: `repository ${repo} is not found` }] }); return; }
    const a = attributesOf(reg.registry, repo, tag);
    if (tag) {
      if (!tags.includes(tag)) { json(res, 404, { errors: [{ code: 'TAG_UNKNOWN', message: `the specified tag ${tag} does not exist` }] }); return; }
      json(res, 200, { registry: this.o.loginServer, imageName: repo, tag: { name: tag, changeableAttributes: a } });
      return;
    }
    json(res, 200, { registry: this.o.loginServer, imageName: repo, tagCount: tags.length, changeableAttributes: a });
  }

  /** The repository's tags from the real registry (undefined when it has no such repository). */
  private upstreamTags(repo: string): Promise<string[] | undefined> {
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(this.o.signer, { jti: crypto.randomUUID(), sub: 'login-server', iss: this.o.loginServer, aud: this.o.loginServer, nbf: now - 5, iat: now, exp: now + 60, access: [{ type: 'repository', name: repo, actions: ['pull'] }] });
    return new Promise((resolve) => {
      const up = http.request({ host: '127.0.0.1', port: this.o.upstreamPort, path: `/v2/${repo}/tags/list`, headers: { host: this.o.loginServer, authorization: `Bearer ${token}` } }, (ur) => {
        const chunks: Buffer[] = [];
        ur.on('data', (c: Buffer) => chunks.push(c));
        ur.on('end', () => {
          if (ur.statusCode !== 200) { resolve(undefined); return; }
          try { const b = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { tags?: string[] | null }; resolve(b.tags ?? []); } catch { resolve(undefined); }
        });
      });
      up.on('error', () => resolve(undefined));
      up.end();
    });
  }

  private mayPull(authorization: string | undefined, repo: string): boolean {
    if (!authorization?.startsWith('Bearer ')) return false;
    const c = verifyJwt(this.o.signer, authorization.slice(7));
    if (!c || typeof c.exp !== 'number' || c.exp * 1000 < Date.now()) return false;
    const access = Array.isArray(c.access) ? c.access as { type: string; name: string; actions: string[] }[] : [];
    return access.some((a) => a.type === 'repository' && a.name === repo && (a.actions.includes('pull') || a.actions.includes('metadata_read') || a.actions.includes('*')));
  }

  private proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
    const headers = { ...req.headers, host: this.o.loginServer, 'x-forwarded-proto': 'https' };
    const up = http.request({ host: '127.0.0.1', port: this.o.upstreamPort, method: req.method, path: req.url, headers }, (ur) => {
      // ACR's upload Location is a path (the Azure SDKs strip its leading slash); the backend writes an absolute URL.
      const loc = ur.headers.location;
      const abs = loc && /^https?:\/\/([^/]+)(\/.*)$/.exec(loc);
      if (abs && abs[1].toLowerCase() === this.o.loginServer.toLowerCase()) ur.headers.location = abs[2];
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => { if (!res.headersSent) json(res, 502, { errors: [{ code: 'UNAVAILABLE', message: 'registry backend unavailable' }] }); else res.destroy(); });
    req.pipe(up);
  }
}
