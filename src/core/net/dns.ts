// Name resolution the way a client on this machine sees it: the caller's overrides first
// (`--resolve`, the sandbox without root), else the OS resolver (dns.lookup honours /etc/hosts,
// like Docker and curl do), never a DNS server of our choosing.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { NetError, toNetError } from './errors';
import { raceSignal } from './deadline';

export interface Resolved {
  host: string;
  addresses: string[];
  source: 'literal' | 'override' | 'system';
  durationMs: number;
}

export type Resolver = (host: string, signal: AbortSignal) => Promise<Resolved>;

/** Resolve `host`, honouring overrides; throws NetError('dns', 'not-found' | 'timeout' ...). */
export async function resolveHost(host: string, overrides: Record<string, string> | undefined, signal: AbortSignal): Promise<Resolved> {
  const t0 = performance.now();
  const name = host.toLowerCase().replace(/\.$/, '');
  if (isIP(name)) return { host, addresses: [name], source: 'literal', durationMs: 0 };
  const override = overrides?.[name];
  if (override !== undefined) {
    if (!isIP(override)) throw new NetError('dns', 'other', `the resolve override for ${name} is not an IP address: "${override.slice(0, 60)}"`);
    return { host, addresses: [override], source: 'override', durationMs: 0 };
  }
  try {
    // dns.lookup cannot be cancelled (it runs in libuv's pool); race it against the signal.
    const all = await raceSignal(lookup(name, { all: true, verbatim: true }), signal, () => toNetError(new Error('aborted'), 'dns', signal));
    const addresses = [...new Set(all.map((a) => a.address))];
    if (addresses.length === 0) throw new NetError('dns', 'not-found', `no address for ${name}`, 'ENOTFOUND');
    return { host, addresses, source: 'system', durationMs: performance.now() - t0 };
  } catch (err) {
    throw toNetError(err, 'dns', signal);
  }
}
