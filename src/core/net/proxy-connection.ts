// A connection to the client's proxy, ready for CONNECT: plain TCP to an http:// proxy, TCP and
// then TLS to an https:// proxy (as curl and Go do), so Proxy-Authorization travels inside TLS.
// An https:// proxy whose certificate is not trusted or does not name it gets nothing at all.
import type { Socket } from 'node:net';
import { msg } from '../text/message';
import type { ProxyEndpoint } from './proxy';
import { NetError } from './errors';
import { tcpConnect } from './tcp';
import { tlsHandshake, tlsVerdict } from './tls';

export interface ProxyConnected {
  /** The socket to write CONNECT on: a TLSSocket for an https:// proxy. */
  socket: Socket;
  durationMs: number;
  /** The TLS handshake with an https:// proxy. */
  tlsMs?: number;
}

export async function connectToProxy(proxy: ProxyEndpoint, address: string, signal: AbortSignal, extraCaPem?: string[]): Promise<ProxyConnected> {
  const tcp = await tcpConnect(address, proxy.port, signal);
  if (!proxy.tls) return { socket: tcp.socket, durationMs: tcp.durationMs };
  let hs;
  try {
    hs = await tlsHandshake(tcp.socket, { servername: proxy.host, extraCaPem, signal });
  } catch (err) {
    tcp.socket.destroy();
    const e = err instanceof NetError ? err : new NetError('proxy', 'tls-other', String(err));
    throw new NetError('proxy', e.kind, msg('TLS to the proxy {proxy} failed: {reason}', { proxy: proxy.display, reason: e.text }), e.code, { proxy: proxy.display });
  }
  const verdict = tlsVerdict(hs.info, proxy.host);
  if (verdict) {
    hs.socket.destroy();
    throw new NetError('proxy', verdict.kind, msg('the proxy {proxy}: {reason}; nothing (no Proxy-Authorization) was sent to it', { proxy: proxy.display, reason: verdict.text }), verdict.code, { proxy: proxy.display, ...verdict.details });
  }
  return { socket: hs.socket, durationMs: tcp.durationMs, tlsMs: hs.info.durationMs };
}
