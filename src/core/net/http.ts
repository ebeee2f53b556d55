// The HTTP client every probe uses (network checks and the login checks' token flows).
// One request, one fresh connection (so each probe measures the real path), no automatic
// redirects (a redirect's target is itself something to check), a body cap, a deadline.
// Requests that are not probes (the token chain after the probes) may pass `keepAlive`, the
// run's pool (keep-alive.ts): they reuse an idle connection to the same host, trust and proxy.
//
//   const res = await httpRequest({ url: 'https://contoso.azurecr.io/v2/', signal, timeoutMs: 3000,
//                                   resolve: env.resolve, proxy: env.proxy, extraCaPem: env.extraCaPem });
//   res.status, res.headers['www-authenticate'], res.text()
//
// Throws NetError (phase dns | connect | proxy | tls | http) for anything that is not an HTTP answer.
import { ClientRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { NetError, toNetError } from './errors';
import { openTlsConnection, type NetOptions, type PhaseTimings, type TlsConnection } from './connection';
import { keepAliveKey, type KeepAlivePool } from './keep-alive';
import { withDeadline } from './deadline';
import type { TlsInfo } from './tls';
import type { Resolved } from './dns';

export type { NetOptions } from './connection';

export interface HttpRequestOptions extends NetOptions {
  url: string;
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  headers?: Record<string, string>;
  /** Request body; a string is sent as UTF-8. Set content-type yourself (e.g. form encoding). */
  body?: string | Buffer;
  /** The caller's cancellation (e.g. CheckContext.signal). */
  signal?: AbortSignal;
  /** Deadline for the whole request including the body, in ms. */
  timeoutMs?: number;
  /** Keep at most this many body bytes (default 1 MiB); the rest is dropped and `truncated` set. */
  maxBodyBytes?: number;
  /** Ignore the proxy settings. */
  direct?: boolean;
  /**
   * Reuse an idle connection from this pool (same host, port, trust, proxy, resolve override)
   * and give this one back after a complete response. Not for probes: a probe's point is its
   * own DNS → TCP → TLS.
   */
  keepAlive?: KeepAlivePool;
  /**
   * A probe that may start on the connection an earlier probe of the run handed over (net.tls's,
   * handOverConnection), instead of dialing: only requests without credentials (GET /v2/).
   */
  handedOverBy?: KeepAlivePool;
}

export interface HttpResponse {
  url: string;
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", " (set-cookie kept as a list). */
  headers: IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  remoteAddress: string;
  resolved?: Resolved;
  /** The proxy used, password hidden. */
  proxy?: string;
  tls: TlsInfo;
  /** The request went over a kept connection: no DNS, connect or TLS phase of its own. */
  reused?: boolean;
  timings: PhaseTimings & { firstByteMs: number; totalMs: number };
  text(): string;
  /** Parsed JSON body, or undefined when it is not JSON. */
  json<T = unknown>(): T | undefined;
  /** Absolute URL of a Location header, resolved against the request URL. */
  location(): string | undefined;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/** A kept connection failed before any answer (the server had closed it): try a fresh one. */
const STALE = Symbol('stale kept connection');

export async function httpRequest(opts: HttpRequestOptions): Promise<HttpResponse> {
  const t0 = performance.now();
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    throw new NetError('http', 'other', `not a URL: "${String(opts.url).slice(0, 100)}"`);
  }
  if (url.protocol !== 'https:') throw new NetError('http', 'other', `only https URLs are probed, not ${url.protocol}`);
  const signal = withDeadline(opts.signal, opts.timeoutMs);
  const port = url.port ? Number(url.port) : 443;
  const pool = opts.keepAlive;
  const key = pool ? keepAliveKey({ host: url.hostname, port, resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem, direct: opts.direct }) : undefined;
  const handedKey = !pool && opts.handedOverBy ? keepAliveKey({ host: url.hostname, port, resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem, direct: opts.direct }) : undefined;
  const handed = handedKey ? opts.handedOverBy!.takeHandedOver(handedKey) : undefined;
  if (handed) {
    try {
      return await exchange(opts, url, port, signal, t0, handed, true, undefined, undefined);
    } catch (e) {
      if (e !== STALE) throw e;
    }
  }
  const kept = pool && key ? pool.take(key) : undefined;
  if (kept) {
    try {
      return await exchange(opts, url, port, signal, t0, kept, true, pool, key);
    } catch (e) {
      if (e !== STALE) throw e;
    }
  }
  const conn = await openTlsConnection({
    host: url.hostname, port, signal, resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem, direct: opts.direct,
  });
  return exchange(opts, url, port, signal, t0, conn, false, pool, key);
}

/** Leaves a probe's connection (its handshake judged trusted) for the run's next probe of that host (handedOverBy). */
export function handOverConnection(opts: NetOptions & { host: string; port?: number; direct?: boolean; pool?: KeepAlivePool }, conn: TlsConnection): void {
  const key = opts.pool ? keepAliveKey({ host: opts.host, port: opts.port ?? 443, resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem, direct: opts.direct }) : undefined;
  if (!opts.pool || !key) { conn.socket.destroy(); return; }
  opts.pool.handOver(key, conn);
}

/** How long a connection opened ahead (warmKeepAlive) may take before it is given up. */
const WARM_TIMEOUT_MS = 5000;

/**
 * Opens a keep-alive connection for later requests to `url` (with these options) beside a probe,
 * so the first of them skips TCP and TLS. Opened exactly as httpRequest would open it (same
 * address override, proxy, trust), and only where no idle one is kept already.
 */
export function warmKeepAlive(opts: NetOptions & { url: string; keepAlive?: KeepAlivePool; direct?: boolean }): void {
  const pool = opts.keepAlive;
  if (!pool) return;
  let url: URL;
  try { url = new URL(opts.url); } catch { return; }
  if (url.protocol !== 'https:') return;
  const port = url.port ? Number(url.port) : 443;
  const key = keepAliveKey({ host: url.hostname, port, resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem, direct: opts.direct });
  if (!key) return;
  pool.warm(key, () => openTlsConnection({
    host: url.hostname, port, signal: AbortSignal.timeout(WARM_TIMEOUT_MS), resolve: opts.resolve, proxy: opts.proxy, extraCaPem: opts.extraCaPem, direct: opts.direct,
  }));
}

/** One request and its response on `conn` (fresh, or `reused` from the pool). */
function exchange(opts: HttpRequestOptions, url: URL, port: number, signal: AbortSignal, t0: number, conn: TlsConnection, reused: boolean, pool: KeepAlivePool | undefined, key: string | undefined): Promise<HttpResponse> {
  const max = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  return new Promise<HttpResponse>((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': 'acr-doctor', accept: '*/*', ...opts.headers };
    headers.host = port === 443 ? url.hostname : `${url.hostname}:${port}`;
    // Without an agent Node sends "Connection: close"; a pooled request asks to keep it open.
    if (pool && key) headers.connection = 'keep-alive';
    const body = typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : opts.body;
    if (body) headers['content-length'] = String(body.length);
    let firstByteMs = 0;
    let answered = false;
    let complete = false;
    const fail = (err: unknown) => {
      conn.socket.destroy();
      if (reused && !answered && !signal.aborted) { reject(STALE); return; }
      const e = toNetError(err, 'http', signal);
      Object.assign(e.details, conn.timings, { address: conn.remoteAddress });
      reject(e);
    };
    const onAbort = () => { req.destroy(); fail(new Error('aborted')); };
    // `new ClientRequest`, not `http.request`: VS Code's extension host replaces `http.request` with
    // its proxy-aware version, which swaps in its own agent; that agent ignores `createConnection`
    // and dials the request's (absent) host, i.e. 127.0.0.1:80. The probe's own connection is the point.
    const req = new ClientRequest({
      method: opts.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers,
      setHost: false,
      createConnection: () => conn.socket,
    }, (res) => {
      answered = true;
      firstByteMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        signal.removeEventListener('abort', onAbort);
        complete = !truncated;
        // Node frees a kept-alive socket ('free', next tick) only when both sides keep it open.
        if (!pool || !key || truncated || !req.shouldKeepAlive) conn.socket.destroy();
        const buf = Buffer.concat(chunks);
        const response: HttpResponse = {
          url: url.toString(),
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: buf,
          truncated,
          remoteAddress: conn.remoteAddress,
          resolved: conn.resolved,
          proxy: conn.proxy?.display,
          tls: conn.tls,
          ...(reused ? { reused: true } : {}),
          timings: { ...(reused ? {} : conn.timings), firstByteMs, totalMs: performance.now() - t0 },
          text: () => buf.toString('utf8'),
          json: <T>() => { try { return JSON.parse(buf.toString('utf8')) as T; } catch { return undefined; } },
          location: () => {
            const loc = res.headers.location;
            if (!loc) return undefined;
            try { return new URL(loc, url).toString(); } catch { return undefined; }
          },
        };
        resolve(response);
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > max) {
          chunks.push(chunk.subarray(0, max - size));
          size = max;
          truncated = true;
          res.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.once('end', finish);
      res.once('error', (err) => { if (!truncated) { signal.removeEventListener('abort', onAbort); fail(err); } });
      res.once('aborted', () => { if (!truncated) { signal.removeEventListener('abort', onAbort); fail(new NetError('http', 'reset', 'the server closed the connection mid-response', 'ECONNRESET')); } });
    });
    if (pool && key) conn.socket.once('free', () => { if (complete) pool.put(key, conn); else conn.socket.destroy(); });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', (err) => { signal.removeEventListener('abort', onAbort); fail(err); });
    req.end(body);
  });
}
