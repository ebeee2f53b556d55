// One TLS connection to host:443 the way a client on this machine would open it:
// resolve (override or system) → TCP, or CONNECT through the client's proxy → TLS.
// Every phase is timed and every failure is a NetError naming its phase.
import type { TLSSocket } from 'node:tls';
import type { ProxySettings } from '../engine/environment';
import { NetError, toNetError } from './errors';
import { resolveHost, type Resolved } from './dns';
import { tcpConnect } from './tcp';
import { connectTunnel, proxyFor, type ProxyEndpoint } from './proxy';
import { connectToProxy } from './proxy-connection';
import { tlsHandshake, tlsVerdict, type TlsInfo } from './tls';

/** How to reach the network: the parts of DiagnoseEnvironment a probe needs. */
export interface NetOptions {
  resolve?: Record<string, string>;
  proxy?: ProxySettings;
  extraCaPem?: string[];
}

export interface PhaseTimings {
  dnsMs?: number;
  connectMs?: number;
  proxyMs?: number;
  tlsMs?: number;
}

export interface TlsConnection {
  socket: TLSSocket;
  host: string;
  port: number;
  /** The address TCP connected to (the proxy's when tunnelled). */
  remoteAddress: string;
  resolved?: Resolved;
  proxy?: ProxyEndpoint;
  tls: TlsInfo;
  timings: PhaseTimings;
}

export interface OpenOptions extends NetOptions {
  host: string;
  port?: number;
  signal: AbortSignal;
  /** Reject untrusted or misnamed certificates (default true; the TLS check turns it off to look). */
  verify?: boolean;
  /** Ignore the proxy settings (the direct path, for comparison). */
  direct?: boolean;
}

function annotate(err: unknown, phase: NetError['phase'], signal: AbortSignal, timings: PhaseTimings, extra: Record<string, string | number | undefined>): NetError {
  let e = toNetError(err, phase, signal);
  // A TCP failure on the way to the proxy is a proxy failure ("proxyconnect tcp: ... refused").
  if (e.phase !== phase && e.phase !== 'dns') e = new NetError(phase, e.kind, e.message, e.code, e.details);
  Object.assign(e.details, extra, timings);
  return e;
}

export async function openTlsConnection(opts: OpenOptions): Promise<TlsConnection> {
  const port = opts.port ?? 443;
  const { signal } = opts;
  const timings: PhaseTimings = {};
  const proxy = opts.direct ? undefined : proxyFor(opts.host, port, opts.proxy);
  let resolved: Resolved | undefined;
  let connectHost: string;
  let connectPort: number;
  if (proxy) {
    // Like Go and curl: the proxy resolves the registry's name; we resolve only the proxy's.
    try {
      resolved = await resolveHost(proxy.host, opts.resolve, signal);
    } catch (err) {
      throw annotate(err, 'proxy', signal, timings, { proxy: proxy.display });
    }
    timings.dnsMs = resolved.durationMs;
    connectHost = resolved.addresses[0];
    connectPort = proxy.port;
  } else {
    try {
      resolved = await resolveHost(opts.host, opts.resolve, signal);
    } catch (err) {
      throw annotate(err, 'dns', signal, timings, { host: opts.host });
    }
    timings.dnsMs = resolved.durationMs;
    connectHost = resolved.addresses[0];
    connectPort = port;
  }
  let tcp;
  try {
    tcp = proxy ? await connectToProxy(proxy, connectHost, signal, opts.extraCaPem) : await tcpConnect(connectHost, connectPort, signal);
  } catch (err) {
    throw annotate(err, proxy ? 'proxy' : 'connect', signal, timings, { address: connectHost, port: connectPort, proxy: proxy?.display });
  }
  timings.connectMs = tcp.durationMs;
  if (proxy) {
    try {
      const r = await connectTunnel(tcp.socket, opts.host, port, proxy, signal);
      timings.proxyMs = r.durationMs;
    } catch (err) {
      throw annotate(err, 'proxy', signal, timings, { proxy: proxy.display });
    }
  }
  let hs;
  try {
    hs = await tlsHandshake(tcp.socket, { servername: opts.host, extraCaPem: opts.extraCaPem, signal });
  } catch (err) {
    tcp.socket.destroy();
    throw annotate(err, 'tls', signal, timings, { address: connectHost, proxy: proxy?.display });
  }
  timings.tlsMs = hs.info.durationMs;
  if (opts.verify !== false) {
    const verdict = tlsVerdict(hs.info, opts.host);
    if (verdict) {
      hs.socket.destroy();
      Object.assign(verdict.details, timings, { address: connectHost });
      throw verdict;
    }
  }
  return { socket: hs.socket, host: opts.host, port, remoteAddress: connectHost, resolved, proxy, tls: hs.info, timings };
}
