// Decisions over a subnet's network configuration as ARM describes it (pure, no I/O): does the
// subnet's NSG let TCP 443 out to the registry (service tags, Internet, VirtualNetwork, CIDRs,
// priorities, the default rules); where does the route table send it (longest prefix, service-tag
// prefixes, VirtualAppliance / None); does an Azure Firewall's network and application rules (classic
// collections or a firewall policy's rule collection groups) let the login server and data
// endpoints through. Every parser takes unknown JSON: a missing or odd field never throws, a rule
// it cannot evaluate (application security groups, IP groups, FQDN tags) is skipped and named.
import { isIP } from 'node:net';
import { ipInCidr } from '../net/addresses';
import { resourceGroupOfResource } from '../registry/resource-id';
import { arr, rec, trimmedStr as str } from '../text/json-guards';

const strs = (...vs: unknown[]): string[] => vs.flatMap((v) => (Array.isArray(v) ? v : [v])).map(str).filter((x): x is string => !!x);
/** The last segment of an ARM id: the resource's name. */
export const lastSeg = (id: string | undefined): string => (id ?? '').split('/').filter(Boolean).pop() ?? '';

/** The resource group of an ARM id. */
export function resourceGroupOfId(id: string | undefined): string {
  return resourceGroupOfResource(id) ?? '';
}

/** What the traffic goes to: the registry's public endpoints (service tags) or a private endpoint's IPs. */
export interface Destination {
  /** Host names this destination stands for (login server or data endpoints). */
  hosts: string[];
  kind: 'public' | 'private';
  /** Known IPs (DNS answers, private endpoint IPs); may be empty for a public destination. */
  ips: string[];
  /** Service tags that cover the public endpoint, e.g. AzureContainerRegistry, AzureContainerRegistry.WestEurope. */
  tags: string[];
}

/** Service tags covering a registry endpoint in `regions` (ARM locations such as westeurope). */
export function registryTags(regions: string[], dedicatedDataEndpoint = true): string[] {
  const base = dedicatedDataEndpoint ? 'AzureContainerRegistry' : 'Storage';
  return [base, ...regions.filter(Boolean).map((r) => `${base}.${r}`)];
}

/** Where traffic comes from: one address (this machine) or a subnet's prefixes (AKS nodes). */
export interface Source { ip?: string; prefixes?: string[] }

function cidrOverlaps(a: string, b: string): boolean {
  const [ab, abits] = a.split('/');
  const [bb, bbits] = b.split('/');
  if (isIP(ab ?? '') !== 4 || isIP(bb ?? '') !== 4) return false;
  const na = abits === undefined ? 32 : Number(abits);
  const nb = bbits === undefined ? 32 : Number(bbits);
  if (!Number.isInteger(na) || !Number.isInteger(nb) || na < 0 || nb < 0 || na > 32 || nb > 32) return false;
  return na <= nb ? ipInCidr(bb, `${ab}/${na}`) : ipInCidr(ab, `${bb}/${nb}`);
}

/** Number() of a JSON value; an object (whose toString may throw or lie) is NaN. */
const num = (v: unknown): number => (typeof v === 'object' && v !== null) || typeof v === 'function' || typeof v === 'symbol' ? NaN : Number(v);

const isCidrLike = (p: string) => /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(p);

function sourceMatches(prefix: string, src: Source): boolean | undefined {
  const p = prefix.toLowerCase();
  if (p === '*' || p === 'any' || p === 'virtualnetwork' || p === '0.0.0.0/0') return true;
  if (isCidrLike(prefix)) return src.ip ? ipInCidr(src.ip, prefix) : (src.prefixes ?? []).some((s) => cidrOverlaps(s, prefix));
  return undefined; // another service tag (AzureLoadBalancer…) never names the VNet's own machines
}

/** Does an NSG/firewall destination prefix cover this destination? undefined: cannot tell. */
export function destinationMatches(prefix: string, dest: Destination, opts: { nsg: boolean }): boolean | undefined {
  const p = prefix.toLowerCase();
  if (p === '*' || p === 'any' || p === '0.0.0.0/0') return true;
  if (isCidrLike(prefix)) return dest.ips.some((ip) => ipInCidr(ip, prefix));
  if (p === 'internet') return dest.kind === 'public';
  if (p === 'virtualnetwork') return dest.kind === 'private';
  if (dest.kind === 'public' && dest.tags.some((t) => t.toLowerCase() === p)) return true;
  if (/^[a-z][a-z0-9]*(\.[a-z0-9]+)?$/i.test(prefix)) return false; // another service tag: not the registry
  return opts.nsg ? undefined : false;
}

function portCovers(range: string, port: number): boolean {
  const r = range.trim();
  if (r === '*' || r.toLowerCase() === 'any') return true;
  const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(r);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return port >= lo && port <= hi;
}

// ---------------------------------------------------------------- NSG

export interface NsgRule {
  name: string;
  priority: number;
  direction: 'Inbound' | 'Outbound';
  access: 'Allow' | 'Deny';
  protocol: string;
  sources: string[];
  destinations: string[];
  ports: string[];
  /** Uses application security groups: its reach cannot be told from the prefixes. */
  usesAsg: boolean;
  isDefault: boolean;
}

export interface NsgFacts { id: string; name: string; resourceGroup: string; rules: NsgRule[] }

/** The default rules every NSG has (ARM lists them as defaultSecurityRules; added when missing). */
const DEFAULT_RULES: NsgRule[] = [
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', access: 'Allow', protocol: '*', sources: ['VirtualNetwork'], destinations: ['VirtualNetwork'], ports: ['*'], usesAsg: false, isDefault: true },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', access: 'Allow', protocol: '*', sources: ['*'], destinations: ['Internet'], ports: ['*'], usesAsg: false, isDefault: true },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny', protocol: '*', sources: ['*'], destinations: ['*'], ports: ['*'], usesAsg: false, isDefault: true },
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow', protocol: '*', sources: ['VirtualNetwork'], destinations: ['VirtualNetwork'], ports: ['*'], usesAsg: false, isDefault: true },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow', protocol: '*', sources: ['AzureLoadBalancer'], destinations: ['*'], ports: ['*'], usesAsg: false, isDefault: true },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', protocol: '*', sources: ['*'], destinations: ['*'], ports: ['*'], usesAsg: false, isDefault: true },
];

function parseNsgRule(v: unknown, isDefault: boolean): NsgRule | undefined {
  const r = rec(v);
  const p = rec(r.properties);
  const priority = num(p.priority);
  const direction = str(p.direction)?.toLowerCase();
  const access = str(p.access)?.toLowerCase();
  if (!Number.isFinite(priority) || (direction !== 'inbound' && direction !== 'outbound') || (access !== 'allow' && access !== 'deny')) return undefined;
  return {
    name: str(r.name) ?? lastSeg(str(r.id)) ?? '(unnamed)', priority,
    direction: direction === 'inbound' ? 'Inbound' : 'Outbound', access: access === 'allow' ? 'Allow' : 'Deny',
    protocol: str(p.protocol) ?? '*',
    sources: strs(p.sourceAddressPrefix, p.sourceAddressPrefixes),
    destinations: strs(p.destinationAddressPrefix, p.destinationAddressPrefixes),
    ports: strs(p.destinationPortRange, p.destinationPortRanges),
    usesAsg: arr(p.sourceApplicationSecurityGroups).length > 0 || arr(p.destinationApplicationSecurityGroups).length > 0,
    isDefault,
  };
}

export function parseNsg(json: unknown, fallbackId = ''): NsgFacts {
  const n = rec(json);
  const p = rec(n.properties);
  const id = str(n.id) ?? fallbackId;
  const rules = arr(p.securityRules).map((r) => parseNsgRule(r, false)).filter((r): r is NsgRule => !!r);
  const defaults = arr(p.defaultSecurityRules).map((r) => parseNsgRule(r, true)).filter((r): r is NsgRule => !!r);
  return { id, name: str(n.name) ?? lastSeg(id), resourceGroup: resourceGroupOfId(id), rules: [...rules, ...(defaults.length ? defaults : DEFAULT_RULES)] };
}

export interface NsgVerdict {
  access: 'Allow' | 'Deny';
  rule: NsgRule;
  /** Rules before the deciding one that could not be evaluated (application security groups). */
  unsure: string[];
}

/** The first rule (by priority) that matches TCP `port` from `src` to `dest` in `direction`. */
export function evaluateNsg(nsg: NsgFacts, direction: 'Inbound' | 'Outbound', src: Source, dest: Destination, port = 443): NsgVerdict | undefined {
  const unsure: string[] = [];
  const rules = nsg.rules.filter((r) => r.direction === direction).sort((a, b) => a.priority - b.priority || Number(a.isDefault) - Number(b.isDefault));
  for (const r of rules) {
    if (!['*', 'tcp', 'any'].includes(r.protocol.toLowerCase())) continue;
    if (!r.ports.some((x) => portCovers(x, port))) continue;
    if (r.usesAsg) { unsure.push(r.name); continue; }
    const s = r.sources.length ? r.sources.map((x) => sourceMatches(x, src)) : [true];
    if (!s.some((x) => x === true)) { if (s.some((x) => x === undefined) && direction === 'Inbound') unsure.push(r.name); continue; }
    const d = r.destinations.map((x) => destinationMatches(x, dest, { nsg: true }));
    if (d.some((x) => x === true)) return { access: r.access, rule: r, unsure };
    if (d.some((x) => x === undefined)) unsure.push(r.name);
  }
  return undefined;
}

/** The priority an allow rule needs to win over `deny` (undefined: none is free below it). */
export function allowPriorityBefore(nsg: NsgFacts, deny: NsgRule): number | undefined {
  const taken = new Set(nsg.rules.filter((r) => r.direction === deny.direction && !r.isDefault).map((r) => r.priority));
  for (let p = Math.min(deny.priority - 1, 4096); p >= 100; p--) if (!taken.has(p)) return p;
  return undefined;
}

// ---------------------------------------------------------------- routes

export interface RouteFacts { name: string; addressPrefix: string; nextHopType: string; nextHopIpAddress?: string }
export interface RouteTableFacts { id: string; name: string; resourceGroup: string; routes: RouteFacts[] }

export function parseRouteTable(json: unknown, fallbackId = ''): RouteTableFacts {
  const t = rec(json);
  const id = str(t.id) ?? fallbackId;
  const routes = arr(rec(t.properties).routes).map((r) => {
    const x = rec(r);
    const p = rec(x.properties);
    const addressPrefix = str(p.addressPrefix);
    const nextHopType = str(p.nextHopType);
    if (!addressPrefix || !nextHopType) return undefined;
    const route: RouteFacts = { name: str(x.name) ?? lastSeg(str(x.id)), addressPrefix, nextHopType, nextHopIpAddress: str(p.nextHopIpAddress) };
    return route;
  }).filter((r): r is RouteFacts => !!r);
  return { id, name: str(t.name) ?? lastSeg(id), resourceGroup: resourceGroupOfId(id), routes };
}

function prefixBits(p: string): number {
  if (!isCidrLike(p)) return -1;
  const b = p.split('/')[1];
  return b === undefined ? 32 : Number(b);
}

/**
 * The user route that carries traffic to `dest` (longest prefix; a service-tag prefix counts as more
 * specific than 0.0.0.0/0, as Azure prefers it over a default route). undefined: the system routes apply.
 */
export function effectiveRoute(table: RouteTableFacts, dest: Destination): RouteFacts | undefined {
  let best: { r: RouteFacts; bits: number } | undefined;
  for (const r of table.routes) {
    let bits: number;
    if (isCidrLike(r.addressPrefix)) {
      const b = prefixBits(r.addressPrefix);
      if (!(b === 0 || dest.ips.some((ip) => ipInCidr(ip, r.addressPrefix)))) continue;
      bits = b;
    } else if (dest.kind === 'public' && dest.tags.some((t) => t.toLowerCase() === r.addressPrefix.toLowerCase())) {
      bits = 16; // service tag: wins over the default route, loses to a specific /17+ address route
    } else continue;
    if (!best || bits > best.bits) best = { r, bits };
  }
  return best?.r;
}

// ---------------------------------------------------------------- Azure Firewall

export interface FirewallRule {
  kind: 'network' | 'application';
  collection: string;
  /** The policy's rule collection group (undefined for classic collections). */
  group?: string;
  /** The collection's own priority. */
  collectionPriority: number;
  /** Group priority * 100000 + collection priority (classic collections: the collection's priority). */
  order: number;
  action: 'Allow' | 'Deny';
  name: string;
  sources: string[];
  /** network: addresses / service tags; application: target FQDNs. */
  destinations: string[];
  fqdns: string[];
  ports: string[];
  protocols: string[];
  /** Parts this rule uses that cannot be evaluated from here (IP groups, FQDN tags, web categories). */
  opaque: string[];
}

export interface FirewallFacts {
  id: string;
  name: string;
  resourceGroup: string;
  privateIps: string[];
  policyId?: string;
  rules: FirewallRule[];
}

function appProtocols(v: unknown): string[] {
  return arr(v).map((x) => { const p = rec(x); return `${str(p.protocolType) ?? ''}:${typeof p.port === 'number' || typeof p.port === 'string' ? p.port : ''}`.toLowerCase(); });
}

function parseRule(v: unknown, kind: 'network' | 'application', collection: string, order: number, action: 'Allow' | 'Deny', collectionPriority: number, group?: string): FirewallRule {
  const r = rec(v);
  const p = r; // classic and policy rules are both flat objects
  const opaque: string[] = [];
  if (arr(p.sourceIpGroups).length) opaque.push('source IP groups');
  if (arr(p.destinationIpGroups).length) opaque.push('destination IP groups');
  if (arr(p.fqdnTags).length) opaque.push(`FQDN tags ${strs(p.fqdnTags).join(', ')}`);
  if (arr(p.webCategories).length) opaque.push('web categories');
  if (arr(p.targetUrls).length) opaque.push('target URLs');
  return {
    kind, collection, group, collectionPriority, order, action, name: str(r.name) ?? '(unnamed)',
    sources: strs(p.sourceAddresses),
    destinations: kind === 'network' ? strs(p.destinationAddresses) : [],
    fqdns: kind === 'network' ? strs(p.destinationFqdns) : strs(p.targetFqdns),
    ports: strs(p.destinationPorts),
    protocols: kind === 'network' ? strs(p.protocols, p.ipProtocols).map((x) => x.toLowerCase()) : appProtocols(p.protocols),
    opaque,
  };
}

const actionOf = (v: unknown): 'Allow' | 'Deny' | undefined => {
  const t = (str(rec(v).type) ?? str(v))?.toLowerCase();
  return t === 'allow' ? 'Allow' : t === 'deny' ? 'Deny' : undefined;
};

/** An azureFirewalls resource: private IPs, policy, classic rule collections. */
export function parseFirewall(json: unknown, fallbackId = ''): FirewallFacts {
  const f = rec(json);
  const p = rec(f.properties);
  const id = str(f.id) ?? fallbackId;
  const privateIps = arr(p.ipConfigurations).map((c) => str(rec(rec(c).properties).privateIPAddress)).filter((x): x is string => !!x);
  const hubIp = str(rec(p.hubIPAddresses).privateIPAddress); // a secured virtual hub's firewall
  if (hubIp) privateIps.push(hubIp);
  const rules: FirewallRule[] = [];
  for (const [kind, key] of [['network', 'networkRuleCollections'], ['application', 'applicationRuleCollections']] as const) {
    for (const c of arr(p[key])) {
      const cp = rec(rec(c).properties);
      const action = actionOf(cp.action);
      const priority = num(cp.priority);
      if (!action || !Number.isFinite(priority)) continue;
      for (const r of arr(cp.rules)) rules.push(parseRule(r, kind, str(rec(c).name) ?? '(unnamed)', priority, action, priority));
    }
  }
  return { id, name: str(f.name) ?? lastSeg(id), resourceGroup: resourceGroupOfId(id), privateIps, policyId: str(rec(p.firewallPolicy).id), rules };
}

/** A firewall policy's rule collection groups (the list answer's `value`, or an array of groups). */
export function parsePolicyRules(groups: unknown): FirewallRule[] {
  const list = Array.isArray(groups) ? groups : arr(rec(groups).value);
  const rules: FirewallRule[] = [];
  for (const g of list) {
    const gp = rec(rec(g).properties);
    const gname = str(rec(g).name) ?? '(unnamed)';
    const gprio = num(gp.priority);
    if (!Number.isFinite(gprio)) continue;
    for (const c of arr(gp.ruleCollections)) {
      const cr = rec(c);
      if ((str(cr.ruleCollectionType) ?? '') !== 'FirewallPolicyFilterRuleCollection') continue; // NAT collections do not filter outbound traffic
      const action = actionOf(cr.action);
      const cprio = num(cr.priority);
      if (!action || !Number.isFinite(cprio)) continue;
      for (const r of arr(cr.rules)) {
        const t = str(rec(r).ruleType)?.toLowerCase();
        if (t !== 'networkrule' && t !== 'applicationrule') continue;
        rules.push(parseRule(r, t === 'networkrule' ? 'network' : 'application', str(cr.name) ?? '(unnamed)', gprio * 100000 + cprio, action, cprio, gname));
      }
    }
  }
  return rules;
}

/** Does an Azure Firewall FQDN pattern (exact, `*`, `*.suffix`) match the host? */
export function fqdnMatches(pattern: string, host: string): boolean {
  const raw = pattern.trim().toLowerCase();
  if (raw === '*.') return false; // a wildcard with nothing after it names no domain
  const p = raw.replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p || !h) return false;
  if (p === '*') return true;
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  if (p.startsWith('*')) return h.endsWith(p.slice(1));
  return p === h;
}

export interface FirewallVerdict {
  host: string;
  allowed: boolean;
  /** The deciding rule (undefined: no rule matched, the firewall's default deny). */
  rule?: FirewallRule;
  /** Rules that might have decided but cannot be evaluated. */
  unsure: string[];
}

/**
 * Whether HTTPS to `dest`'s hosts from `src` passes the firewall: network rules first (in
 * priority order), then application rules; nothing matching is Azure Firewall's default deny.
 */
export function evaluateFirewall(rules: FirewallRule[], src: Source, dest: Destination, port = 443): FirewallVerdict[] {
  const byOrder = (kind: FirewallRule['kind']) => rules.filter((r) => r.kind === kind).sort((a, b) => a.order - b.order);
  return dest.hosts.map((host) => {
    const unsure: string[] = [];
    const srcOk = (r: FirewallRule) => {
      if (!r.sources.length) { if (r.opaque.some((o) => o.startsWith('source'))) unsure.push(r.name); return false; }
      return r.sources.some((s) => sourceMatches(s, src) === true);
    };
    for (const r of byOrder('network')) {
      if (!r.protocols.some((p) => p === 'tcp' || p === 'any')) continue;
      if (!r.ports.some((x) => portCovers(x, port))) continue;
      if (!srcOk(r)) continue;
      const hit = r.destinations.some((d) => destinationMatches(d, dest, { nsg: false }) === true) || r.fqdns.some((f) => fqdnMatches(f, host));
      if (hit) return { host, allowed: r.action === 'Allow', rule: r, unsure };
      if (r.opaque.some((o) => o.startsWith('destination'))) unsure.push(r.name);
    }
    for (const r of byOrder('application')) {
      if (!r.protocols.some((p) => p === 'https:443' || p === `https:${port}`)) continue;
      if (!srcOk(r)) continue;
      if (r.fqdns.some((f) => fqdnMatches(f, host))) return { host, allowed: r.action === 'Allow', rule: r, unsure };
      if (r.opaque.length) unsure.push(r.name);
    }
    return { host, allowed: false, unsure };
  });
}

/**
 * Where a new allow collection goes so that it is evaluated before the collection that decided
 * (or, for a default deny, anywhere): its group (policies) and a free priority (100…65000).
 */
export function allowCollectionSlot(rules: FirewallRule[], deciding?: FirewallRule): { group?: string; priority: number } {
  const group = deciding?.group ?? rules.find((r) => r.kind === 'application' && r.group)?.group ?? rules.find((r) => r.group)?.group;
  const inScope = rules.filter((r) => r.group === group);
  const taken = new Set(inScope.map((r) => r.collectionPriority));
  const start = deciding ? deciding.collectionPriority - 1 : 200;
  for (let p = Math.min(start, 65000); p >= 100; p--) if (!taken.has(p)) return { group, priority: p };
  for (let p = Math.max(start + 1, 100); p <= 65000; p++) if (!taken.has(p)) return { group, priority: p };
  return { group, priority: 65000 };
}
