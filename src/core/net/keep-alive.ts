// Keep-alive connections for one diagnosis run, for the requests that are not probes: the token,
// exchange, catalog, tags, manifest and blob requests to the login server, which run one after
// another once the probes (net.tcp, net.tls, net.challenge: always a fresh connection) have shown
// the path works. Reusing one connection spares each of them a TCP + TLS handshake.
// A connection is only ever reused for the same host and port, the same trust (CA set), the same
// proxy and the same resolve override: the key says so, so a credential meant for the login
// server never travels on a connection to another host.
import type { TLSSocket } from 'node:tls';
import type { TlsConnection } from './connection';
import type { ProxySettings } from '../engine/environment';
import { proxyFor } from './proxy';
import { secureContextFor } from './secure-context';

/** An idle connection is closed after this long (the run is over long before). */
const IDLE_MS = 5000;
/** A handed-over probe connection not taken this soon is closed: the next probe dials its own. */
const HANDED_MS = 2000;

const trustIds = new WeakMap<object, number>();
let nextTrustId = 1;

export interface KeepAliveKeyParts {
  host: string;
  port: number;
  resolve?: Record<string, string>;
  proxy?: ProxySettings;
  extraCaPem?: string[];
  direct?: boolean;
}

/**
 * The pool key: host, port, the address override, the proxy (with its credentials) and the trust;
 * undefined when the proxy setting cannot be read (that request then fails on its own).
 */
export function keepAliveKey(p: KeepAliveKeyParts): string | undefined {
  const host = p.host.toLowerCase();
  let proxy: ReturnType<typeof proxyFor>;
  try { proxy = p.direct ? undefined : proxyFor(host, p.port, p.proxy); } catch { return undefined; }
  const ctx = secureContextFor(p.extraCaPem);
  let trust = 0;
  if (ctx) {
    trust = trustIds.get(ctx) ?? nextTrustId++;
    trustIds.set(ctx, trust);
  }
  // Kept in memory only, never shown: the proxy's URL may carry a password.
  return JSON.stringify([host, p.port, p.resolve?.[host] ?? null, proxy ? [proxy.host, proxy.port, proxy.auth ?? null] : null, trust]);
}

interface Idle { conn: TlsConnection; forget: () => void }

export class KeepAlivePool {
  private readonly idle = new Map<string, Idle[]>();
  private closed = false;
  private readonly warming = new Set<string>();
  private readonly handed = new Map<string, TlsConnection>();

  /**
   * A probe's connection, whose handshake the probe has judged trusted, left for the next probe of
   * the same host, port, trust and proxy in this run (net.tls → net.challenge): that one skips TCP
   * and TLS. Never given to a pooled request (take): what carries credentials dials or warms its own.
   */
  handOver(key: string, conn: TlsConnection): void {
    const s = conn.socket;
    if (this.closed || this.handed.has(key) || !usable(s)) { s.destroy(); return; }
    this.handed.set(key, conn);
    const drop = () => { if (this.handed.get(key) === conn) this.handed.delete(key); s.destroy(); };
    const timer = setTimeout(drop, HANDED_MS);
    timer.unref();
    s.once('close', drop); s.once('end', drop); s.once('error', drop); s.once('data', drop);
    this.handedForget.set(conn, () => { clearTimeout(timer); s.off('close', drop); s.off('end', drop); s.off('error', drop); s.off('data', drop); });
    s.unref();
  }

  /** The connection a probe handed over for `key`, taken (once), or undefined. */
  takeHandedOver(key: string): TlsConnection | undefined {
    const conn = this.handed.get(key);
    if (!conn) return undefined;
    this.handed.delete(key);
    this.handedForget.get(conn)?.();
    if (!usable(conn.socket)) { conn.socket.destroy(); return undefined; }
    conn.socket.ref();
    return conn;
  }
  private readonly handedForget = new WeakMap<TlsConnection, () => void>();

  /** An idle connection for `key`, taken out of the pool, or undefined. */
  take(key: string): TlsConnection | undefined {
    const list = this.idle.get(key);
    while (list?.length) {
      const { conn, forget } = list.pop()!;
      forget();
      if (usable(conn.socket)) { conn.socket.ref(); return conn; }
      conn.socket.destroy();
    }
    return undefined;
  }

  /**
   * Opens a connection for `key` ahead of its first request, when none is idle or on its way: the
   * token chain's first request then finds TCP and TLS done. A failure is left to that request.
   */
  warm(key: string, open: () => Promise<TlsConnection>): void {
    if (this.closed || this.idle.get(key)?.length || this.warming.has(key)) return;
    this.warming.add(key);
    open().then((conn) => { this.warming.delete(key); this.put(key, conn); }, () => { this.warming.delete(key); });
  }

  /** Give back a connection whose response was read completely and that the server keeps open. */
  put(key: string, conn: TlsConnection): void {
    const s = conn.socket;
    if (this.closed || !usable(s)) { s.destroy(); return; }
    let list = this.idle.get(key);
    if (!list) { list = []; this.idle.set(key, list); }
    const entry: Idle = { conn, forget: () => undefined };
    const drop = () => {
      entry.forget();
      const l = this.idle.get(key);
      const i = l?.indexOf(entry) ?? -1;
      if (i >= 0) l!.splice(i, 1);
      s.destroy();
    };
    const timer = setTimeout(drop, IDLE_MS);
    timer.unref();
    // The server closing an idle connection (or anything arriving on it) ends it here.
    s.once('close', drop); s.once('end', drop); s.once('error', drop); s.once('data', drop);
    entry.forget = () => {
      clearTimeout(timer);
      s.off('close', drop); s.off('end', drop); s.off('error', drop); s.off('data', drop);
    };
    // An idle connection does not keep the process alive.
    s.unref();
    list.push(entry);
  }

  /** Close every idle connection; later ones are closed as they come back. */
  close(): void {
    this.closed = true;
    for (const list of this.idle.values()) for (const { conn, forget } of list) { forget(); conn.socket.destroy(); }
    this.idle.clear();
    for (const conn of this.handed.values()) { this.handedForget.get(conn)?.(); conn.socket.destroy(); }
    this.handed.clear();
  }
}

function usable(s: TLSSocket): boolean {
  return !s.destroyed && s.writable && s.readable;
}
