// What kind of address DNS gave: the seed asks whether the login server resolves to the
// registry's private endpoint IP or to a public one. RFC 1918 alone is not enough (the sandbox
// models private endpoint IPs as 192.0.2.x), so callers also compare with ARM's endpoint IPs.
import { isIP } from 'node:net';

export type AddressKind = 'private' | 'loopback' | 'link-local' | 'public' | 'documentation' | 'invalid';

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, p) => (acc << 8) + Number(p), 0) >>> 0;
}

function inV4(ip: string, base: string, bits: number): boolean {
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((v4ToInt(ip) & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0);
}

export function classifyAddress(ip: string): AddressKind {
  const v = isIP(ip);
  if (v === 4) {
    if (inV4(ip, '127.0.0.0', 8)) return 'loopback';
    if (inV4(ip, '10.0.0.0', 8) || inV4(ip, '172.16.0.0', 12) || inV4(ip, '192.168.0.0', 16) || inV4(ip, '100.64.0.0', 10)) return 'private';
    if (inV4(ip, '169.254.0.0', 16)) return 'link-local';
    if (inV4(ip, '192.0.2.0', 24) || inV4(ip, '198.51.100.0', 24) || inV4(ip, '203.0.113.0', 24)) return 'documentation';
    return 'public';
  }
  if (v === 6) {
    const l = ip.toLowerCase();
    if (l === '::1') return 'loopback';
    if (/^f[cd]/.test(l)) return 'private';
    if (/^fe[89ab]/.test(l)) return 'link-local';
    if (l.startsWith('2001:db8') || l.startsWith('2001:0db8')) return 'documentation';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(l);
    if (mapped) return classifyAddress(mapped[1]);
    return 'public';
  }
  return 'invalid';
}

/** Does `ip` fall inside `cidr` (IPv4 "a.b.c.d/n" or a single address)? Bad input → false. */
export function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.trim().split('/');
  if (isIP(ip) !== 4 || isIP(base) !== 4) return ip === base;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  return inV4(ip, base, bits);
}
