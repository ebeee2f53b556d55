// Whether a client subnet's configuration lets traffic out to the registry (pure): the subnet's
// NSG (outbound), the private endpoint subnet's NSG (inbound, when network policies apply there),
// the route table's route for the destination and, behind a VirtualAppliance next hop, the Azure
// Firewall's rules for the login server and every data endpoint. The first thing that blocks is the
// verdict, with the names a fix command needs.
import type { SubnetFacts } from '../../azure/network-resources';
import {
  allowCollectionSlot, allowPriorityBefore, effectiveRoute, evaluateFirewall, evaluateNsg, lastSeg, resourceGroupOfId,
  type Destination, type FirewallFacts, type FirewallRule, type NsgFacts, type RouteTableFacts, type Source,
} from '../../azure/vnet-rules';
import { joinMessages, msg, type Message } from '../../text/message';

export type EgressCause = 'network.nsg-blocks-registry' | 'network.firewall-blocks-registry';

export interface EgressBlock {
  causeId: EgressCause;
  /** One sentence naming the rule/route/firewall and what it blocks. */
  why: Message;
  /** The hosts the block applies to. */
  hosts: string[];
  fixParams: Record<string, string>;
}

export interface EgressInputs {
  subnet: SubnetFacts;
  src: Source;
  /** The login server first, then the data endpoints. */
  dests: Destination[];
  nsg?: NsgFacts;
  /** The private endpoint's subnet and its NSG, when the traffic goes to a private endpoint. */
  peSubnet?: SubnetFacts;
  peNsg?: NsgFacts;
  routeTable?: RouteTableFacts;
  /** The firewall that owns the route's next hop IP (undefined: none readable has it). */
  firewall?: FirewallFacts;
  /** The firewall's rules (its policy's, or its classic collections). */
  firewallRules?: FirewallRule[];
}

export interface EgressJudgement {
  block?: EgressBlock;
  /** The route's next hop is an appliance whose rules cannot be read. */
  opaqueAppliance?: { ip: string; routeTable: string; route: string };
  /** Rules that could have decided but cannot be evaluated. */
  unsure: string[];
  /** What was examined, for evidence. */
  seen: string[];
}


/** A destination prefix an allow rule would need (service tag for public endpoints, the IP for a private one). */
function allowPrefixFor(d: Destination): string {
  return d.kind === 'private' ? d.ips.join(' ') || 'VirtualNetwork' : 'AzureContainerRegistry';
}

const networkPolicyOn = (s: SubnetFacts | undefined) => !!s && /^(enabled|networksecuritygroupenabled)$/i.test(s.privateEndpointNetworkPolicies ?? '');

export function judgeEgress(x: EgressInputs): EgressJudgement {
  const unsure: string[] = [];
  const seen: string[] = [];
  const subnetName = lastSeg(x.subnet.id);
  const vnetName = x.subnet.id.split('/').slice(-3, -2)[0] ?? '';
  if (x.nsg) {
    seen.push(`NSG ${x.nsg.name} on ${subnetName}`);
    for (const d of x.dests) {
      const v = evaluateNsg(x.nsg, 'Outbound', x.src, d);
      unsure.push(...(v?.unsure ?? []));
      if (v?.access === 'Deny') {
        const allow = allowPriorityBefore(x.nsg, v.rule);
        return {
          unsure, seen, block: {
            causeId: 'network.nsg-blocks-registry', hosts: d.hosts,
            why: d.kind === 'private'
              ? msg('outbound rule {rule} (priority {priority}, Deny) of NSG {nsg} on subnet {subnet} denies TCP 443 to {hosts} (private endpoint {ips})', { rule: v.rule.name, priority: v.rule.priority, nsg: x.nsg.name, subnet: subnetName, hosts: d.hosts.join(', '), ips: d.ips.join(', ') })
              : msg('outbound rule {rule} (priority {priority}, Deny) of NSG {nsg} on subnet {subnet} denies TCP 443 to {hosts} (service tag {tag})', { rule: v.rule.name, priority: v.rule.priority, nsg: x.nsg.name, subnet: subnetName, hosts: d.hosts.join(', '), tag: d.tags[0] }),
            fixParams: {
              nsg: x.nsg.name, nsgResourceGroup: x.nsg.resourceGroup, nsgRule: v.rule.name, nsgRulePriority: String(v.rule.priority), nsgDirection: 'Outbound',
              subnet: subnetName, vnet: vnetName, destinationPrefix: allowPrefixFor(d),
              ...(allow !== undefined ? { allowPriority: String(allow) } : {}),
              ...(v.rule.isDefault ? {} : { customNsgRule: v.rule.name }),
            },
          },
        };
      }
    }
  }
  // A private endpoint's own subnet filters inbound traffic only when its network policies are on.
  const toPe = x.dests.filter((d) => d.kind === 'private');
  if (toPe.length && x.peNsg && networkPolicyOn(x.peSubnet)) {
    const peSubnetName = lastSeg(x.peSubnet!.id);
    seen.push(`NSG ${x.peNsg.name} on ${peSubnetName} (private endpoint)`);
    for (const d of toPe) {
      const v = evaluateNsg(x.peNsg, 'Inbound', x.src, d);
      unsure.push(...(v?.unsure ?? []));
      if (v?.access === 'Deny') {
        const allow = allowPriorityBefore(x.peNsg, v.rule);
        return {
          unsure, seen, block: {
            causeId: 'network.nsg-blocks-registry', hosts: d.hosts,
            why: msg('inbound rule {rule} (priority {priority}, Deny) of NSG {nsg} on the private endpoint\'s subnet {subnet} denies TCP 443 from {source} to {hosts}', { rule: v.rule.name, priority: v.rule.priority, nsg: x.peNsg.name, subnet: peSubnetName, source: x.src.ip ?? (x.src.prefixes ?? []).join(', '), hosts: d.hosts.join(', ') }),
            fixParams: {
              nsg: x.peNsg.name, nsgResourceGroup: x.peNsg.resourceGroup, nsgRule: v.rule.name, nsgRulePriority: String(v.rule.priority), nsgDirection: 'Inbound',
              subnet: peSubnetName, vnet: x.peSubnet!.id.split('/').slice(-3, -2)[0] ?? '', destinationPrefix: allowPrefixFor(d),
              ...(allow !== undefined ? { allowPriority: String(allow) } : {}),
              ...(v.rule.isDefault ? {} : { customNsgRule: v.rule.name }),
            },
          },
        };
      }
    }
  }
  if (!x.routeTable) return { unsure, seen };
  seen.push(`route table ${x.routeTable.name}`);
  const rt = x.routeTable;
  const routeParams = (routeName: string) => ({ routeTable: rt.name, routeTableResourceGroup: rt.resourceGroup, route: routeName, subnet: subnetName, vnet: vnetName, subnetResourceGroup: resourceGroupOfId(x.subnet.id) });
  let opaqueAppliance: EgressJudgement['opaqueAppliance'];
  const viaFirewall: { d: Destination; route: string; prefix: string; ip: string }[] = [];
  for (const d of x.dests) {
    const r = effectiveRoute(rt, d);
    if (!r) continue;
    if (r.nextHopType.toLowerCase() === 'none') {
      return {
        unsure, seen, block: {
          causeId: 'network.firewall-blocks-registry', hosts: d.hosts,
          why: msg('route {route} ({prefix}, next hop None) of route table {table} on subnet {subnet} drops the traffic to {hosts}', { route: r.name, prefix: r.addressPrefix, table: rt.name, subnet: subnetName, hosts: d.hosts.join(', ') }),
          fixParams: routeParams(r.name),
        },
      };
    }
    if (r.nextHopType.toLowerCase() !== 'virtualappliance' || !r.nextHopIpAddress) continue;
    if (!x.firewall || !x.firewallRules || !x.firewall.privateIps.includes(r.nextHopIpAddress)) { opaqueAppliance ??= { ip: r.nextHopIpAddress, routeTable: rt.name, route: r.name }; continue; }
    viaFirewall.push({ d, route: r.name, prefix: r.addressPrefix, ip: r.nextHopIpAddress });
  }
  if (viaFirewall.length && x.firewall && x.firewallRules) {
    const fw = x.firewall;
    seen.push(`Azure Firewall ${fw.name}`);
    const verdicts = viaFirewall.flatMap((v) => evaluateFirewall(x.firewallRules!, x.src, v.d));
    unsure.push(...verdicts.flatMap((v) => v.unsure));
    const denied = verdicts.filter((v) => !v.allowed);
    if (denied.length) {
      const allowed = verdicts.filter((v) => v.allowed).map((v) => v.host);
      const byRule = denied.find((v) => v.rule)?.rule;
      const first = viaFirewall.find((v) => v.d.hosts.includes(denied[0].host)) ?? viaFirewall[0];
      const deniedHosts = denied.map((v) => v.host).join(', ');
      // A deny collection wins only over collections after it; a default deny over nothing.
      const slot = allowCollectionSlot(x.firewallRules, byRule?.action === 'Deny' ? byRule : undefined);
      return {
        unsure, seen, opaqueAppliance, block: {
          causeId: 'network.firewall-blocks-registry', hosts: denied.map((v) => v.host),
          why: firewallWhy({ route: first.route, prefix: first.prefix, table: rt.name, subnet: subnetName, firewall: fw.name, ip: first.ip, hosts: deniedHosts }, byRule, allowed),
          fixParams: {
            ...routeParams(first.route), firewall: fw.name, firewallResourceGroup: fw.resourceGroup, firewallIp: first.ip,
            blockedFqdns: denied.map((v) => v.host).join(' '), sourcePrefix: x.src.ip ?? (x.src.prefixes ?? []).join(' '),
            firewallCollectionPriority: String(slot.priority),
            ...(fw.policyId ? { firewallPolicy: lastSeg(fw.policyId), firewallPolicyResourceGroup: resourceGroupOfId(fw.policyId), firewallPolicyGroup: slot.group ?? 'DefaultApplicationRuleCollectionGroup' } : { classicFirewall: fw.name }),
          },
        },
      };
    }
  }
  return { unsure, seen, opaqueAppliance };
}

/** The firewall's verdict in words: the route, what the firewall denies, and what it allows. */
function firewallWhy(p: Record<string, string>, byRule: FirewallRule | undefined, allowed: string[]): Message {
  const denied = byRule
    ? msg('route {route} ({prefix}) of route table {table} on subnet {subnet} sends the traffic to Azure Firewall {firewall} ({ip}), which denies {hosts} ({kind} rule {rule}, collection {collection})', { ...p, kind: byRule.kind, rule: byRule.name, collection: byRule.collection })
    : msg('route {route} ({prefix}) of route table {table} on subnet {subnet} sends the traffic to Azure Firewall {firewall} ({ip}), which has no rule allowing {hosts} (default deny)', p);
  return allowed.length ? joinMessages([denied, msg('it allows {hosts}', { hosts: allowed.join(', ') })]) : denied;
}
