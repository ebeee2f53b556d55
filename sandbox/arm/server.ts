// HTTP(S) wiring of the ARM + Entra simulator: one request handler that serves Entra
// (`/{tenant}/oauth2/v2.0/token`, discovery), ARM (`/subscriptions/…`, `/providers/…`, Resource
// Graph) and the Log Analytics query API (`/v1/workspaces/{id}/query`), with fault injection
// (500, 429 + Retry-After, slow, hang, garbage, malformed) and a log of every call so tests can
// count ARM round trips. The world mounts `handler` on its TLS servers for login.sandbox.test and
// management.sandbox.test; tests use `startArmSimulator` on 127.0.0.1.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { armActionAllowed, type ArmState, type FaultMode } from './state';
import { handleEntra, isEntraPath, verifyAccessToken, type HttpAnswer } from './entra';
import { armError, handleArm } from './arm';
import { handleGraph, isGraphPath } from './graph';

export interface CallRecord {
  at: number;
  kind: 'arm' | 'entra' | 'logs' | 'graph';
  method: string;
  host: string;
  path: string;
  query: string;
  status: number;
}

export interface ArmHandler {
  (req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Every request answered (or faulted), oldest first. */
  readonly calls: CallRecord[];
  /** Number of ARM calls (Entra and Log Analytics excluded) since the last reset. */
  armCalls(): number;
  resetCalls(): void;
  /** Milliseconds spent computing answers (what the real service's servers would spend) since the last reset. */
  busyMs(): number;
  /** Release requests held by the `hang` fault (so servers can close). */
  releaseHung(): void;
}

export interface ArmHandlerOptions {
  /** Clock for token lifetimes, expiry and propagation (tests move it). */
  now?: () => Date;
  /** Largest request body accepted (bytes). */
  maxBodyBytes?: number;
}

const MAX_BODY = 1024 * 1024;

function kindOf(path: string): CallRecord['kind'] {
  if (isEntraPath(path)) return 'entra';
  if (/^\/v1\/workspaces\//i.test(path)) return 'logs';
  if (isGraphPath(path)) return 'graph';
  return 'arm';
}

function faultApplies(f: FaultMode, path: string): boolean {
  if (f.kind === 'none') return false;
  if (f.pathContains && !path.toLowerCase().includes(f.pathContains.toLowerCase())) return false;
  if (f.remaining !== undefined) {
    if (f.remaining <= 0) return false;
    f.remaining--;
  }
  return true;
}

function send(res: http.ServerResponse, a: HttpAnswer): void {
  const body = typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...(a.headers ?? {}) };
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(a.status, headers);
  res.end(body);
}

/** Log Analytics query API: rows of ContainerRegistryLoginEvents for a workspace the caller may read. */
function handleLogs(state: ArmState, method: string, path: string, headers: http.IncomingHttpHeaders, body: string, now: Date): HttpAnswer {
  const m = /^\/v1\/workspaces\/([^/]+)\/query$/i.exec(path);
  if (!m || method !== 'POST') return { status: 404, body: { error: { code: 'PathNotFoundError', message: `The requested path does not exist: ${path}` } } };
  const auth = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
  const v = auth ? verifyAccessToken(state, auth[1], { audiences: ['https://api.loganalytics.io'], now }) : undefined;
  if (!v || !v.ok) return { status: 401, headers: { 'www-authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/", error="invalid_token"' }, body: { error: { code: 'InvalidTokenError', message: v && !v.ok ? v.message : 'Valid authentication was not provided' } } };
  const ws = state.workspaces.find((w) => w.properties.customerId.toLowerCase() === m[1].toLowerCase());
  if (!ws) return { status: 404, body: { error: { code: 'WorkspaceNotFoundError', message: `Workspace '${m[1]}' could not be found.` } } };
  if (!armActionAllowed(state, v.claims.oid, ws.id, 'Microsoft.OperationalInsights/workspaces/query/read', now)) {
    return { status: 403, body: { error: { code: 'InsufficientAccessError', message: 'The provided credentials have insufficient access to perform the requested operation' } } };
  }
  let query = '';
  try { query = String((JSON.parse(body) as { query?: unknown }).query ?? ''); } catch { /* fall through */ }
  if (!/ContainerRegistryLoginEvents/i.test(query)) {
    return { status: 400, body: { error: { code: 'BadArgumentError', message: 'The request had some invalid properties', innererror: { code: 'SyntaxError', message: 'The sandbox workspace only holds the ContainerRegistryLoginEvents table.' } } } };
  }
  const rows = state.loginEvents[ws.properties.customerId] ?? [];
  const login = /LoginServer\s*(?:=~|==)\s*['"]([^'"]+)['"]/i.exec(query)?.[1]?.toLowerCase();
  const picked = rows.filter((r) => !login || r.LoginServer.toLowerCase() === login);
  const columns = [
    { name: 'TimeGenerated', type: 'datetime' }, { name: 'LoginServer', type: 'string' }, { name: 'Identity', type: 'string' },
    { name: 'CallerIpAddress', type: 'string' }, { name: 'ResultType', type: 'string' }, { name: 'ResultDescription', type: 'string' },
    { name: 'UserAgent', type: 'string' },
  ];
  return { status: 200, body: { tables: [{ name: 'PrimaryResult', columns, rows: picked.map((r) => columns.map((c) => (r as unknown as Record<string, unknown>)[c.name])) }] } };
}

export function createArmHandler(state: ArmState, opts: ArmHandlerOptions = {}): ArmHandler {
  const calls: CallRecord[] = [];
  const hung = new Set<http.ServerResponse>();
  let base = 0;
  let busy = 0;
  const now = opts.now ?? (() => new Date());
  const maxBody = opts.maxBodyBytes ?? MAX_BODY;

  const handler = ((req: http.IncomingMessage, res: http.ServerResponse) => {
    // SDKs put a scope that starts with '/' after a '/': `//subscriptions/…` must not read as a host.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'https://x');
    let path: string;
    try { path = decodeURIComponent(url.pathname); } catch { path = url.pathname; }
    const host = String(req.headers.host ?? 'localhost');
    const kind = kindOf(path);
    const record = (status: number) => calls.push({ at: Date.now(), kind, method: req.method ?? 'GET', host, path, query: url.search, status });
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => { size += c.length; if (size > maxBody) tooBig = true; else chunks.push(c); });
    req.on('error', () => { /* client went away */ });
    req.on('end', () => {
      void (async () => {
        if (tooBig) { record(413); send(res, armError(413, 'RequestEntityTooLarge', 'The request content is too large.')); return; }
        const fault = kind === 'entra' ? state.faults.entra : state.faults.arm;
        if (faultApplies(fault, path)) {
          switch (fault.kind) {
            case 'error500':
              record(500);
              send(res, kind === 'entra'
                ? { status: 500, body: { error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred. Please try again.', error_codes: [90033] } }
                : armError(500, 'InternalServerError', `Encountered internal server error. Diagnostic information: timestamp '${now().toISOString()}', tracking id '${randomUUID()}'.`));
              return;
            case 'throttle': {
              const after = String(fault.retryAfterSeconds ?? 1);
              record(429);
              send(res, kind === 'entra'
                ? { status: 429, headers: { 'retry-after': after }, body: { error: 'temporarily_unavailable', error_description: 'AADSTS50196: The server terminated an operation because it encountered a client request loop.', error_codes: [50196] } }
                : armError(429, 'TooManyRequests', 'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/armthrottling', { 'retry-after': after, 'x-ms-ratelimit-remaining-subscription-reads': '0' }));
              return;
            }
            case 'slow':
              await new Promise((r) => setTimeout(r, fault.delayMs ?? 3000));
              break;
            case 'hang':
              record(0);
              hung.add(res);
              res.on('close', () => hung.delete(res));
              return;
            case 'garbage':
              record(200);
              send(res, { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway<' + 'x'.repeat(64) + '{"value": [' });
              return;
            case 'malformed':
              record(200);
              send(res, { status: 200, body: {
                value: { notAnArray: true }, nextLink: 12, data: 'not-an-array', count: 'many', totalRecords: -1, $skipToken: { x: 1 },
                id: 42, name: null, properties: 'nope', token_type: 7, access_token: null, expires_in: 'soon',
              } });
              return;
            default:
              break;
          }
        }
        const body = Buffer.concat(chunks).toString('utf8');
        let answer: HttpAnswer;
        const t0 = performance.now();
        try {
          if (kind === 'entra') answer = handleEntra(state, { method: req.method ?? 'GET', path, host, body, query: url.searchParams }, now());
          else if (kind === 'logs') answer = handleLogs(state, req.method ?? 'GET', path, req.headers, body, now());
          else if (kind === 'graph') answer = handleGraph(state, req.method ?? 'GET', path, req.headers, now());
          else answer = handleArm(state, { method: req.method ?? 'GET', host, path, query: url.searchParams, headers: req.headers, body }, now());
        } catch (e) {
          answer = armError(500, 'InternalServerError', `The simulator failed: ${(e as Error).message}`);
        }
        record(answer.status);
        if (res.destroyed) return;
        send(res, answer);
        busy += performance.now() - t0;
      })();
    });
  }) as ArmHandler;

  Object.defineProperty(handler, 'calls', { get: () => calls });
  handler.armCalls = () => calls.slice(base).filter((c) => c.kind === 'arm').length;
  handler.resetCalls = () => { base = calls.length; busy = 0; };
  handler.busyMs = () => busy;
  handler.releaseHung = () => { for (const r of hung) r.destroy(); hung.clear(); };
  return handler;
}

export interface ArmSimulator {
  /** `https://127.0.0.1:<port>` (or the host you listened on). */
  url: string;
  port: number;
  handler: ArmHandler;
  server: https.Server;
  stop(): Promise<void>;
}

export interface ArmSimulatorOptions extends ArmHandlerOptions {
  state: ArmState;
  tls: { key: string; cert: string };
  listen?: { host?: string; port?: number };
}

export async function startArmSimulator(o: ArmSimulatorOptions): Promise<ArmSimulator> {
  const handler = createArmHandler(o.state, o);
  const server = https.createServer({ key: o.tls.key, cert: o.tls.cert }, handler);
  const sockets = new Set<{ destroy(): void }>();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const host = o.listen?.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.listen?.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port, handler, server,
    stop: () => new Promise<void>((resolve) => {
      handler.releaseHung();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
