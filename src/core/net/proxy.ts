// Client proxy handling as Docker and Go's net/http do it: HTTPS_PROXY for https URLs,
// NO_PROXY exclusions, and an HTTP CONNECT tunnel whose failures are told apart
// (proxy down, proxy closes after CONNECT = Docker's "proxyconnect tcp: EOF", proxy says no).
import type { Socket } from 'node:net';
import { msg } from '../text/message';
import { isIP } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { ProxySettings } from '../engine/environment';
import { NetError, toNetError } from './errors';
import { ipInCidr } from './addresses';

export interface ProxyEndpoint {
  /** The proxy URL as configured, with any password replaced by "***". */
  display: string;
  host: string;
  port: number;
  /** Basic credentials from the URL's userinfo, for Proxy-Authorization. */
  auth?: string;
  /** An https:// proxy: spoken to over TLS (connectToProxy), so its credentials never travel in clear. */
  tls?: boolean;
}

/** A proxy setting as evidence: its URL without the password, `unparseable` for one that is not a proxy URL, undefined when unset. */
export function proxyDisplay(raw: string | undefined, unparseable: string): string | undefined {
  try { return parseProxyUrl(raw)?.display; } catch { return unparseable; }
}

/** Parse a proxy URL ("http://h:p", "h:p", "http://user:pw@h:p"); undefined for empty, NetError for garbage. */
export function parseProxyUrl(raw: string | undefined): ProxyEndpoint | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new NetError('proxy', 'other', `the proxy setting "${withoutUserinfo(text).slice(0, 80)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NetError('proxy', 'other', `proxy scheme ${url.protocol} is not supported (use http://host:port)`);
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A malformed %-escape ("p%zz") must not throw URIError out of here: use the text as written.
  const decode = (s: string) => { try { return decodeURIComponent(s); } catch { return s; } };
  const auth = url.username ? Buffer.from(`${decode(url.username)}:${decode(url.password)}`).toString('base64') : undefined;
  const display = `${url.protocol}//${url.username ? '***@' : ''}${url.host}`;
  return { display, host, port, auth, ...(url.protocol === 'https:' ? { tls: true } : {}) };
}

/**
 * The text with everything before its last "@" (after any scheme) hidden: in a setting that does not
 * even parse, a password may hold "/", ":" or "@", so the first "@" or "/" cannot tell where it ends.
 */
function withoutUserinfo(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
  return `${scheme}***${text.slice(at)}`;
}

/** Go's NO_PROXY rules: "*", exact host, ".suffix" or "suffix" (subdomains too), IP, CIDR, optional :port. */
export function bypassesProxy(host: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const raw of noProxy.split(',')) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    if (entry.includes('/')) { if (isIP(h) && ipInCidr(h, entry)) return true; continue; }
    const portMatch = /^(.*):(\d+)$/.exec(entry);
    if (portMatch && !isIP(entry)) {
      if (Number(portMatch[2]) !== port) continue;
      entry = portMatch[1];
    }
    if (isIP(entry)) { if (entry === h) return true; continue; }
    const suffix = entry.startsWith('*.') ? entry.slice(1) : entry;
    const bare = suffix.replace(/^\./, '');
    if (h === bare || h.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/** The proxy a client would use for https://host:port, or undefined for a direct connection. */
export function proxyFor(host: string, port: number, settings: ProxySettings | undefined): ProxyEndpoint | undefined {
  if (!settings) return undefined;
  const proxy = parseProxyUrl(settings.httpsProxy);
  if (!proxy) return undefined;
  if (bypassesProxy(host, port, settings.noProxy)) return undefined;
  return proxy;
}

export interface ConnectResult {
  status: number;
  statusText: string;
  durationMs: number;
}

const MAX_CONNECT_HEADER = 16 * 1024;

/**
 * Send CONNECT host:port over an open socket to the proxy and wait for its answer.
 * On 2xx the socket is a tunnel (any bytes after the header are unshifted back).
 */
export function connectTunnel(socket: Socket, host: string, port: number, proxy: ProxyEndpoint, signal: AbortSignal): Promise<ConnectResult> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const cleanup = () => {
      socket.removeListener('data', onData);
      socket.removeListener('close', onClose);
      socket.removeListener('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const fail = (err: NetError) => { cleanup(); socket.destroy(); reject(err); };
    const onAbort = () => fail(toNetError(new Error('aborted'), 'proxy', signal));
    const onError = (err: Error) => fail(toNetError(err, 'proxy', signal));
    const onClose = () => fail(new NetError('proxy', 'reset', msg('proxyconnect tcp: EOF (the proxy {proxy} closed the connection after CONNECT)', { proxy: proxy.display }), 'EOF', { proxy: proxy.display }));
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffered.length > MAX_CONNECT_HEADER) fail(new NetError('proxy', 'protocol', `the proxy ${proxy.display} sent an over-long answer to CONNECT`));
        return;
      }
      const head = buffered.subarray(0, end).toString('latin1');
      const rest = buffered.subarray(end + 4);
      const m = /^HTTP\/1\.[01] (\d{3}) ?([^\r\n]*)/.exec(head);
      if (!m) return fail(new NetError('proxy', 'protocol', `the proxy ${proxy.display} did not answer CONNECT with HTTP: "${head.slice(0, 60).replace(/[^\x20-\x7e]/g, '?')}"`));
      const status = Number(m[1]);
      cleanup();
      if (status < 200 || status > 299) {
        socket.destroy();
        return reject(new NetError('proxy', 'proxy-refused', `the proxy ${proxy.display} answered CONNECT ${host}:${port} with ${status} ${m[2]}`.trim(), String(status), { proxy: proxy.display, status }));
      }
      if (rest.length) socket.unshift(rest);
      resolve({ status, statusText: m[2], durationMs: performance.now() - t0 });
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
    // An https:// proxy is spoken to inside TLS (connectToProxy); never its credentials in clear.
    if (proxy.tls && !(socket instanceof TLSSocket)) return fail(new NetError('proxy', 'other', msg('the proxy {proxy} is an https:// proxy but the connection to it is not TLS; nothing was sent', { proxy: proxy.display })));
    const lines = [`CONNECT ${host}:${port} HTTP/1.1`, `Host: ${host}:${port}`, 'User-Agent: acr-doctor'];
    if (proxy.auth) lines.push(`Proxy-Authorization: Basic ${proxy.auth}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
