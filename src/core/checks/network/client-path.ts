// The client's path to the login server: proxy (when HTTPS_PROXY applies), DNS, TCP 443, TLS.
import { isIP } from 'node:net';
import type { Check, CheckContext } from '../../engine/types';
import type { DiagnoseEnvironment } from '../../engine/environment';
import type { RegistryTarget } from '../../registry/target';
import { NetError } from '../../net/errors';
import { resolveHost, type Resolved } from '../../net/dns';
import { tcpConnect } from '../../net/tcp';
import { connectTunnel, proxyDisplay, proxyFor } from '../../net/proxy';
import { connectToProxy } from '../../net/proxy-connection';
import { openTlsConnection } from '../../net/connection';
import { handOverConnection } from '../../net/http';
import { tlsVerdict } from '../../net/tls';
import { classifyAddress } from '../../net/addresses';
import { NET } from './ids';
import { podmanProxyFile } from '../../engine/client-proxy';
import { errorEvidence, failureOutcome, netOptions, ms } from './outcome';
import { msg, verbatim } from '../../text/message';

/** Does the client send registry traffic through a proxy? (Static: decides the graph.) */
export function clientUsesProxy(t: RegistryTarget, env: DiagnoseEnvironment): boolean {
  try { return proxyFor(t.loginServer, 443, env.proxy) !== undefined; } catch { return true; /* a malformed proxy setting is itself checked */ }
}

export const proxyCheck: Check = {
  id: NET.proxy, area: 'network', title: 'Client proxy (HTTPS_PROXY) passes CONNECT to the login server',
  needs: [], timeoutMs: 3000,
  applies: clientUsesProxy,
  async run(ctx) {
    const login = ctx.target.loginServer;
    let proxy;
    try {
      proxy = proxyFor(login, 443, ctx.env.proxy)!;
    } catch (e) {
      return { status: 'fail', message: verbatim((e as Error).message), causeId: 'network.client-proxy-broken', evidence: { httpsProxy: proxyDisplay(ctx.env.proxy.httpsProxy, '(unparseable)') ?? '', ...proxySource(ctx.env) }, fixParams: sourceFix(ctx.env) };
    }
    const evidence = { proxy: proxy.display, noProxy: ctx.env.proxy.noProxy ?? '', ...proxySource(ctx.env) };
    try {
      const resolved = await resolveHost(proxy.host, ctx.env.resolve, ctx.signal);
      const tcp = await connectToProxy(proxy, resolved.addresses[0], ctx.signal, ctx.env.extraCaPem);
      try {
        const r = await connectTunnel(tcp.socket, login, 443, proxy, ctx.signal);
        return { status: 'pass', message: msg('{display} tunnels to {login}:443 (CONNECT {status})', { display: proxy.display, login, status: r.status }), evidence: { ...evidence, connectStatus: r.status, connectMs: ms(tcp.durationMs), tunnelMs: ms(r.durationMs) }, data: { proxy: proxy.display } };
      } finally { tcp.socket.destroy(); }
    } catch (e) {
      if (!(e instanceof NetError) || e.kind === 'aborted') throw e;
      const file = podmanProxyFile(ctx.env);
      const message = file
        ? msg('podman\'s proxy {proxy} (set in {file}, [engine] env) fails: {error}', { proxy: proxy.display, file, error: e.text })
        : e.phase === 'proxy' ? e.text : msg('cannot reach the proxy {proxy}: {error}', { proxy: proxy.display, error: e.text });
      return { status: 'fail', message, causeId: 'network.client-proxy-broken', evidence: { ...evidence, ...errorEvidence(e) }, fixParams: { proxy: proxy.display, ...sourceFix(ctx.env) } };
    }
  },
};

/** Where the proxy came from when not the shell (podman's containers.conf). */
function proxySource(env: DiagnoseEnvironment): { proxyFrom?: string } {
  const file = podmanProxyFile(env);
  return file ? { proxyFrom: `${file} ([engine] env)` } : {};
}

function sourceFix(env: DiagnoseEnvironment): Record<string, string> {
  const file = podmanProxyFile(env);
  return file ? { containersConf: file } : {};
}

export interface DnsData extends Resolved {
  kinds: string[];
}

export const dnsCheck: Check = {
  id: NET.dns, area: 'network', title: 'DNS resolves the login server',
  needs: [], timeoutMs: 2500,
  async run(ctx) {
    const login = ctx.target.loginServer;
    const viaProxy = clientUsesProxy(ctx.target, ctx.env);
    try {
      const r = await resolveHost(login, ctx.env.resolve, ctx.signal);
      const kinds = r.addresses.map(classifyAddress);
      return {
        status: 'pass', message: (r.source === 'override' ? msg('{login} → {addresses} (resolve override)', { login, addresses: r.addresses.join(', ') }) : msg('{login} → {addresses}', { login, addresses: r.addresses.join(', ') })),
        evidence: { addresses: r.addresses, kinds, source: r.source, dnsMs: ms(r.durationMs) }, data: { ...r, kinds } satisfies DnsData,
      };
    } catch (e) {
      if (!(e instanceof NetError) || e.kind === 'aborted') throw e;
      if (viaProxy) {
        // The proxy resolves the name for the client; only a daemon without the proxy needs local DNS.
        return { status: 'info', message: msg('{login} does not resolve here ({kind}); the proxy resolves it for the client', { login, kind: e.kind }), evidence: errorEvidence(e) };
      }
      const timeout = e.kind === 'timeout';
      return {
        status: 'fail', causeId: 'network.dns-resolution-failed', evidence: errorEvidence(e),
        message: timeout ? msg('DNS gave no answer for {login} in time', { login }) : msg('dial tcp: lookup {login}: no such host ({code})', { login, code: e.code ?? e.kind }),
      };
    }
  },
};

export interface TcpData { address: string; reachable: boolean; }

export const tcpCheck: Check = {
  id: NET.tcp, area: 'network', title: 'TCP connection to the login server on port 443',
  needs: [NET.dns], timeoutMs: 3000,
  async run(ctx) {
    const dns = ctx.data(NET.dns);
    if (!dns) return { status: 'info', message: msg('no local address to connect to (the proxy resolves the name)') };
    const address = dns.addresses[0];
    const viaProxy = clientUsesProxy(ctx.target, ctx.env);
    try {
      const c = await tcpConnect(address, 443, ctx.signal);
      c.socket.destroy();
      return { status: 'pass', message: (viaProxy ? msg('connected to {address}:443 in {ms} ms (direct, without the proxy)', { address, ms: String(ms(c.durationMs)) }) : msg('connected to {address}:443 in {ms} ms', { address, ms: String(ms(c.durationMs)) })), evidence: { address, connectMs: ms(c.durationMs), direct: viaProxy }, data: { address, reachable: true } satisfies TcpData };
    } catch (e) {
      if (!(e instanceof NetError) || e.kind === 'aborted') throw e;
      if (viaProxy) {
        // Expected behind a proxy; the daemon check uses this to tell whether a daemon without the proxy can work.
        return { status: 'info', message: msg('the direct path to {address}:443 is closed ({kind}); the client uses its proxy', { address, kind: e.kind }), evidence: { address, ...errorEvidence(e) }, data: { address, reachable: false } satisfies TcpData };
      }
      const out = failureOutcome(new NetError('connect', e.kind, e.text, e.code, { ...e.details, address }), ctx, `dial tcp ${address}:443`);
      if (e.kind === 'timeout') out.message = msg('dial tcp {address}:443: i/o timeout (no answer within {ms} ms: a firewall drops the traffic)', { address, ms: this.timeoutMs });
      return out;
    }
  },
};

export interface TlsData { issuer: string; address: string; }

export const tlsCheck: Check = {
  id: NET.tls, area: 'network', title: 'TLS certificate of the login server is trusted',
  needs: [], timeoutMs: 3000,
  async run(ctx) {
    const login = ctx.target.loginServer;
    let conn;
    try {
      conn = await openTlsConnection({ ...netOptions(ctx), host: login, signal: ctx.signal, verify: false });
    } catch (e) {
      const out = failureOutcome(e, ctx, `TLS handshake with ${login}`);
      if (e instanceof NetError && e.kind === 'timeout') out.message = msg('net/http: TLS handshake timeout ({login} accepted the connection but never answered)', { login });
      return out;
    }
    const t = conn.tls;
    const evidence = {
      address: conn.remoteAddress, proxy: conn.proxy?.display, issuer: t.issuer, rootIssuer: t.rootIssuer, protocol: t.protocol,
      subject: t.chain[0]?.subject, validTo: t.chain[0]?.validTo, altNames: t.chain[0]?.altNames, verify: t.verifyError ?? 'ok', tlsMs: ms(t.durationMs),
    };
    const verdict = tlsVerdict(t, login);
    // Trusted: net.challenge's GET /v2/ (no credentials) starts on this connection instead of dialing again.
    if (verdict) conn.socket.destroy(); else handOverConnection({ ...netOptions(ctx), host: login, pool: ctx.connections }, conn);
    if (verdict) {
      return { status: 'fail', message: msg('x509: {reason}', { reason: verdict.text }), causeId: 'network.tls-untrusted', evidence, fixParams: { issuer: t.rootIssuer } };
    }
    return { status: 'pass', message: msg('certificate for {login} issued by {issuer}, trusted', { login, issuer: t.issuer }), evidence, data: { issuer: t.issuer, address: conn.remoteAddress } satisfies TlsData };
  },
};

/** TLS runs after the proxy (client uses one) or after TCP (direct). */
export function withPathNeeds(check: Check, viaProxy: boolean): Check {
  return { ...check, needs: [viaProxy ? NET.proxy : NET.tcp] };
}

export { isIP };
export type { CheckContext };
