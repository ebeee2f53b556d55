// Packet-level faults inside the namespace with nftables: silent drops (firewall), ICMP
// "host unreachable" (an unapproved private endpoint), and "only the proxy may reach ACR".
import { execFileSync } from 'node:child_process';

export type NftRule =
  | { kind: 'drop'; address: string; port?: number }
  | { kind: 'unreachable'; address: string; port?: number }
  | { kind: 'proxy-only'; addresses: string[]; proxyUid: number; port?: number };

const TABLE = 'acrsbx_faults';

function nft(script: string): void {
  execFileSync('nft', ['-f', '-'], { input: script, stdio: ['pipe', 'ignore', 'pipe'] });
}

export function ruleText(r: NftRule): string {
  const port = r.port ?? 443;
  switch (r.kind) {
    case 'drop': return `ip daddr ${r.address} tcp dport ${port} drop`;
    case 'unreachable': return `ip daddr ${r.address} tcp dport ${port} reject with icmp type host-unreachable`;
    case 'proxy-only': return `ip daddr { ${r.addresses.join(', ')} } tcp dport ${port} meta skuid != ${r.proxyUid} drop`;
  }
}

/** Replace the fault table with exactly these rules (none: remove it). */
export function setNftRules(rules: NftRule[]): void {
  let script = `table inet ${TABLE} {}\ndelete table inet ${TABLE}\n`;
  if (rules.length) {
    script += `table inet ${TABLE} {\n  chain out {\n    type filter hook output priority 0; policy accept;\n`;
    for (const r of rules) script += `    ${ruleText(r)}\n`;
    script += '  }\n}\n';
  }
  nft(script);
}

export function clearNftRules(): void { setNftRules([]); }
