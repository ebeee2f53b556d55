// Other resources in the network (seed #configure-vnet-access): do NSG rules, service tags, route
// tables and an Azure Firewall let traffic from a client subnet reach the registry's login server
// and data endpoints? Two clients are examined:
//  - this machine, when its source address toward the registry lies in a subnet this sign-in can
//    read and a network interface in that subnet holds exactly that address (an Azure VM, a build
//    agent, a jump box); the verdict is checked against what the probes saw: a block the probes
//    contradict is only noted, one placed by the address range alone is only a warning;
//  - the AKS clusters the account can see, by their node pools' subnets (agentPoolProfiles[].vnetSubnetID);
//    they cannot be probed from here, so a block is a warning.
// And Azure Bastion, which is not supported as a way to the registry: the registry's private endpoint
// placed in an AzureBastionSubnet, or the login server resolving to this machine's loopback (a local
// tunnel) while the private endpoint's network has a Bastion host.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { sharedWork } from '../../engine/context';
import { armAccessOf, type ArmAccess } from '../../azure/connection';
import type { AksCluster } from '../../azure/aks';
import { runAksClusters } from '../run-aks-clusters';
import { listAzureFirewalls, listBastionHosts, listNetworkInterfaces, readFirewallPolicyRuleGroups, readNetworkSecurityGroup, readRouteTable, readSubnet, type SubnetFacts } from '../../azure/network-resources';
import { classifyAddress, ipInCidr } from '../../net/addresses';
import { sourceAddressToward } from '../../net/source-address';
import { NET } from './ids';
import { privateIpsFor, subscriptionOfId, type NetworkArmFacts } from './registry-network-facts';
import { judgeEgress, type EgressInputs, type EgressJudgement } from './egress-verdict';
import { effectiveRoute, parseFirewall, parseNsg, parsePolicyRules, parseRouteTable, lastSeg, registryTags, resourceGroupOfId, type Destination, type Source } from '../../azure/vnet-rules';
import { msg } from '../../text/message';

const hasAzure = (_t: unknown, env: { azure?: unknown }) => !!env.azure;
const noArm: CheckOutcome = { status: 'info', message: msg('the registry\'s ARM view is not available') };
const vnetOf = (subnetId: string) => subnetId.split('/').slice(0, -2).join('/').toLowerCase();

function access(ctx: CheckContext): ArmAccess {
  // One retry at most, as net.arm: the diagnosis has a budget of seconds.
  return { ...armAccessOf(ctx.env)!, maxRetries: 1 };
}

/** The login server and the data endpoints as the client in `subnet` reaches them. */
export function registryDestinations(arm: NetworkArmFacts, loginServer: string, opts: { viaPrivateEndpoint: boolean; resolved?: string[] }): Destination[] {
  const login = loginServer.toLowerCase();
  const regions = [arm.location, ...arm.replicationRegions].filter(Boolean);
  const out: Destination[] = [opts.viaPrivateEndpoint
    ? { hosts: [login], kind: 'private', ips: privateIpsFor(arm, login), tags: [] }
    : { hosts: [login], kind: 'public', ips: opts.resolved ?? [], tags: registryTags([arm.location]) }];
  const data = arm.dataEndpointEnabled ? arm.dataEndpointHostNames.map((h) => h.toLowerCase()) : [];
  if (data.length) {
    const peIps = data.flatMap((h) => privateIpsFor(arm, h));
    out.push(opts.viaPrivateEndpoint && peIps.length
      ? { hosts: data, kind: 'private', ips: [...new Set(peIps)], tags: [] }
      : { hosts: data, kind: 'public', ips: [], tags: registryTags(regions) });
  }
  return out;
}

/** Reads what the verdict needs (NSGs, route table, the firewall behind an appliance route), once per run per resource. */
async function egressInputs(ctx: CheckContext, arm: NetworkArmFacts, subnet: SubnetFacts, src: Source, dests: Destination[], gaps: string[]): Promise<EgressInputs> {
  const az = access(ctx);
  const soft = async <T>(what: string, f: () => Promise<T>): Promise<T | undefined> => {
    try { return await f(); } catch (e) { if (ctx.signal.aborted) throw e; gaps.push(`${what}: ${(e as Error).message}`); return undefined; }
  };
  const nsgOf = (id: string | undefined) => (id ? soft(`NSG ${lastSeg(id)}`, () => sharedWork(ctx, `nsg:${id.toLowerCase()}`, (s) => readNetworkSecurityGroup(az, id, s)).then((j) => parseNsg(j, id))) : Promise.resolve(undefined));
  const pePrivate = dests.filter((d) => d.kind === 'private').flatMap((d) => d.ips);
  const pe = arm.privateEndpoints.find((p) => p.ips.some((ip) => pePrivate.includes(ip)));
  const peSubnet = pe?.subnetId ? arm.subnets.find((s) => s.id.toLowerCase() === pe.subnetId!.toLowerCase()) : undefined;
  const [nsg, peNsg, routeTable] = await Promise.all([
    nsgOf(subnet.networkSecurityGroupId),
    nsgOf(peSubnet?.networkSecurityGroupId),
    subnet.routeTableId ? soft(`route table ${lastSeg(subnet.routeTableId)}`, () => sharedWork(ctx, `rt:${subnet.routeTableId!.toLowerCase()}`, (s) => readRouteTable(az, subnet.routeTableId!, s)).then((j) => parseRouteTable(j, subnet.routeTableId))) : Promise.resolve(undefined),
  ]);
  const inputs: EgressInputs = { subnet, src, dests, nsg, peSubnet, peNsg, routeTable };
  const hop = routeTable ? dests.map((d) => effectiveRoute(routeTable, d)).find((r) => r?.nextHopType.toLowerCase() === 'virtualappliance' && r.nextHopIpAddress) : undefined;
  if (hop?.nextHopIpAddress) {
    const sub = subscriptionOfId(routeTable!.id) ?? arm.subscriptionId;
    const firewalls = await soft(`Azure Firewalls in ${sub}`, () => sharedWork(ctx, `afw:${sub.toLowerCase()}`, (s) => listAzureFirewalls(az, sub, s)));
    const fw = (firewalls ?? []).map((f) => parseFirewall(f)).find((f) => f.privateIps.includes(hop.nextHopIpAddress!));
    if (fw) {
      inputs.firewall = fw;
      inputs.firewallRules = fw.policyId
        ? await soft(`firewall policy ${lastSeg(fw.policyId)}`, () => sharedWork(ctx, `afwp:${fw.policyId!.toLowerCase()}`, (s) => readFirewallPolicyRuleGroups(az, fw.policyId!, s)).then(parsePolicyRules))
        : fw.rules;
    }
  }
  return inputs;
}

type Seen = 'down' | 'up' | 'unknown';

/** What the probes saw on the path to the login server. */
function loginPath(ctx: CheckContext): Seen {
  const down = [NET.tcp, NET.tls, NET.challenge].some((id) => {
    const f = ctx.finding(id);
    return f?.status === 'fail' && f.evidence.status === undefined && ['network.login-server-unreachable', 'network.login-server-timeout', 'network.private-endpoint-not-approved'].includes(f.causeId ?? '');
  });
  if (down) return 'down';
  const c = ctx.finding(NET.challenge);
  return c && (c.status === 'pass' || typeof c.evidence.status === 'number') ? 'up' : 'unknown';
}

/** What the probes saw on the path to the data endpoints. */
function dataPath(ctx: CheckContext): Seen {
  const f = ctx.finding(NET.dataEndpoints);
  if (f?.status === 'fail' && ['network.data-endpoint-blocked', 'network.replica-data-endpoint-blocked'].includes(f.causeId ?? '')) return 'down';
  return f?.status === 'pass' ? 'up' : 'unknown';
}

/** The readable subnet whose prefix holds `ip` (the most specific one). */
export function subnetHolding(subnets: SubnetFacts[], ip: string): SubnetFacts | undefined {
  let best: { s: SubnetFacts; bits: number } | undefined;
  for (const s of subnets) {
    for (const p of s.addressPrefixes) {
      if (!ipInCidr(ip, p)) continue;
      const bits = Number(p.split('/')[1] ?? 32);
      if (!best || bits > best.bits) best = { s, bits };
    }
  }
  return best?.s;
}

/** The values the cause's explanation names ({nsgRule}, {firewallIp}, …): the report fills it from the evidence. */
function explained(fixParams: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['nsgRule', 'nsgRulePriority', 'firewallIp', 'blockedFqdns']) if (fixParams[k]) out[k] = fixParams[k]!;
  return out;
}

function evidenceOf(j: EgressJudgement, gaps: string[], extra: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const ev: Record<string, string | string[]> = { examined: j.seen };
  if (j.unsure.length) ev.notEvaluated = [...new Set(j.unsure)];
  if (gaps.length) ev.notReadable = gaps;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) ev[k] = v;
  return ev;
}

export const clientEgressCheck: Check = {
  id: NET.armClientEgress, area: 'network', title: 'This machine\'s subnet lets it reach the registry (NSG, routes, Azure Firewall)',
  needs: [NET.arm], after: [NET.dns, NET.tcp, NET.challenge, NET.dataEndpoints], timeoutMs: 4000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = ctx.data(NET.arm);
    if (!arm) return noArm;
    const resolved = ctx.data(NET.dns)?.addresses ?? [];
    if (!resolved.length) return { status: 'info', message: msg('{loginServer} did not resolve here, so this machine\'s way to it through a virtual network cannot be told', { loginServer: ctx.target.loginServer }) };
    const src = await sourceAddressToward(resolved[0], ctx.signal);
    if (!src) return { status: 'info', message: msg('this machine has no route to {resolved}', { resolved: resolved[0] }) };
    const subnet = subnetHolding(arm.subnets, src);
    if (!subnet) return { status: 'pass', message: msg('this machine ({ip}) is in none of the {n} subnet(s) this sign-in can read in the registry\'s subscription', { ip: src, n: arm.subnets.length }), evidence: { sourceAddress: src } };
    const viaPe = privateIpsFor(arm, ctx.target.loginServer).some((ip) => resolved.includes(ip));
    const dests = registryDestinations(arm, ctx.target.loginServer, { viaPrivateEndpoint: viaPe, resolved });
    const gaps: string[] = [];
    const sn = lastSeg(subnet.id);
    // An address range alone does not put this machine in Azure (a home or office network may use the
    // same range): a network interface in that subnet holding exactly this address does.
    const sub = subscriptionOfId(subnet.id) ?? arm.subscriptionId;
    const [inputs, nics] = await Promise.all([
      egressInputs(ctx, arm, subnet, { ip: src }, dests, gaps),
      listNetworkInterfaces(access(ctx), sub, ctx.signal).catch((e: unknown) => { if (ctx.signal.aborted) throw e; gaps.push(`network interfaces: ${(e as Error).message}`); return undefined; }),
    ]);
    const nic = nics?.find((n) => n.ipConfigurations.some((c) => c.privateIp === src && c.subnetId.toLowerCase() === subnet.id.toLowerCase()));
    const j = judgeEgress(inputs);
    const evidence = evidenceOf(j, gaps, { sourceAddress: src, subnet: subnet.id.split('/').slice(-3).join('/'), networkInterface: nic?.name });
    if (nics && !nic) {
      return { status: 'pass', evidence, message: msg('this machine\'s address {ip} lies in the range of subnet {subnet}, but no network interface there has it: this machine is not in that network', { ip: src, subnet: sn }) };
    }
    if (j.block) {
      const seen = j.block.hosts.includes(ctx.target.loginServer.toLowerCase()) ? loginPath(ctx) : dataPath(ctx);
      const fixParams = { ...j.block.fixParams, ...(j.block.fixParams.sourcePrefix ? {} : { sourcePrefix: src }) };
      Object.assign(evidence, explained(fixParams));
      // Placed by its address range only (interfaces unreadable): a suspicion, never a failure.
      if (seen === 'down' && nic) return { status: 'fail', causeId: j.block.causeId, evidence, fixParams, message: msg('this machine ({ip}, subnet {subnet}): {why}', { ip: src, subnet: sn, why: j.block.why }) };
      if (seen !== 'up') return { status: 'warn', causeId: j.block.causeId, evidence, fixParams, message: msg('this machine ({ip}, subnet {subnet}): {why}', { ip: src, subnet: sn, why: j.block.why }) };
      return { status: 'info', evidence, message: msg('this machine ({ip}, subnet {subnet}): {why}, but this machine reached them: the rule does not apply to its traffic', { ip: src, subnet: sn, why: j.block.why }) };
    }
    if (j.opaqueAppliance && (loginPath(ctx) === 'down' || dataPath(ctx) === 'down')) {
      const a = j.opaqueAppliance;
      return {
        status: 'warn', causeId: 'network.firewall-blocks-registry', evidence: { ...evidence, firewallIp: a.ip },
        fixParams: { routeTable: a.routeTable, route: a.route, routeTableResourceGroup: resourceGroupOfId(subnet.routeTableId), firewallIp: a.ip, subnet: lastSeg(subnet.id) },
        message: msg('this machine ({ip}, subnet {subnet}): route {route} of route table {routeTable} sends the traffic to the virtual appliance {appliance}, whose rules cannot be read here, and the registry is not reachable', { ip: src, subnet: sn, route: a.route, routeTable: a.routeTable, appliance: a.ip }),
      };
    }
    const examined = j.seen.length ? j.seen.join(', ') : 'no NSG or route table';
    return { status: 'pass', evidence, message: msg('this machine ({ip}, subnet {subnet}): nothing on the way blocks TCP 443 to the registry ({examined})', { ip: src, subnet: sn, examined }) };
  },
};

export const aksEgressCheck: Check = {
  id: NET.armAksEgress, area: 'network', title: 'AKS node subnets may reach the registry (NSG, routes, Azure Firewall)',
  needs: [NET.arm], timeoutMs: 6000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = ctx.data(NET.arm);
    if (!arm) return noArm;
    const az = access(ctx);
    const { clusters, failures } = await runAksClusters(ctx, az);
    const gaps = failures.map((f) => `clusters in ${f.subscriptionId}: ${f.error.message}`);
    const inVnet = clusters.filter((c) => c.nodeSubnetIds.length);
    if (!inVnet.length) {
      return { status: 'pass', evidence: { clusters: clusters.map((c) => c.name), ...(gaps.length ? { notReadable: gaps } : {}) }, message: clusters.length ? msg('no AKS cluster the account sees has its nodes in a virtual network of its own') : msg('the account sees no AKS clusters') };
    }
    const approvedPe = arm.privateEndpoints.filter((p) => p.status === 'Approved' && p.subnetId && p.ips.length);
    const checked: string[] = [];
    let first: { cluster: AksCluster; subnet: SubnetFacts; j: EgressJudgement } | undefined;
    for (const cluster of inVnet) {
      for (const subnetId of cluster.nodeSubnetIds) {
        let subnet: SubnetFacts | undefined = arm.subnets.find((s) => s.id.toLowerCase() === subnetId.toLowerCase());
        if (!subnet) {
          try { subnet = await sharedWork(ctx, `subnet:${subnetId.toLowerCase()}`, (s) => readSubnet(az, subnetId, s)); } catch (e) { if (ctx.signal.aborted) throw e; gaps.push(`subnet ${lastSeg(subnetId)}: ${(e as Error).message}`); continue; }
        }
        const viaPe = approvedPe.some((p) => vnetOf(p.subnetId!) === vnetOf(subnetId));
        const dests = registryDestinations(arm, ctx.target.loginServer, { viaPrivateEndpoint: viaPe });
        const j = judgeEgress(await egressInputs(ctx, arm, subnet, { prefixes: subnet.addressPrefixes }, dests, gaps));
        checked.push(`${cluster.name}: ${lastSeg(subnetId)} (${j.seen.join(', ') || 'no NSG or route table'})`);
        if (j.block && !first) first = { cluster, subnet, j };
      }
    }
    const evidence: Record<string, string | string[]> = { clusters: checked };
    if (gaps.length) evidence.notReadable = gaps;
    if (first) {
      const { cluster, subnet, j } = first;
      if (j.unsure.length) evidence.notEvaluated = [...new Set(j.unsure)];
      Object.assign(evidence, explained(j.block!.fixParams));
      return {
        status: 'warn', causeId: j.block!.causeId, evidence,
        fixParams: { ...j.block!.fixParams, cluster: cluster.name, clusterResourceGroup: cluster.resourceGroup, ...(j.block!.fixParams.sourcePrefix ? {} : { sourcePrefix: subnet.addressPrefixes.join(' ') }) },
        message: msg('AKS cluster {cluster} (node subnet {subnet}): {why}; its nodes cannot pull from {registry}', { cluster: cluster.name, subnet: lastSeg(subnet.id), why: j.block!.why, registry: arm.name }),
      };
    }
    return { status: 'pass', evidence, message: msg('the node subnets of {clusters} may reach the registry', { clusters: inVnet.map((c) => c.name).join(', ') }) };
  },
};

export const bastionCheck: Check = {
  id: NET.armBastion, area: 'network', title: 'The registry is not reached through an Azure Bastion endpoint',
  needs: [NET.arm], after: [NET.dns, NET.tcp, NET.challenge], timeoutMs: 4000, applies: hasAzure,
  async run(ctx): Promise<CheckOutcome> {
    const arm = ctx.data(NET.arm);
    if (!arm) return noArm;
    const resolved = ctx.data(NET.dns)?.addresses ?? [];
    const path = loginPath(ctx);
    const inBastion = arm.privateEndpoints.filter((p) => lastSeg(p.subnetId).toLowerCase() === 'azurebastionsubnet');
    if (inBastion.length) {
      const used = inBastion.find((p) => p.ips.some((ip) => resolved.includes(ip)));
      const pe = used ?? inBastion[0];
      const peName = lastSeg(pe.privateEndpointId) || pe.connectionName;
      const fixParams = { privateEndpoint: peName, peResourceGroup: resourceGroupOfId(pe.privateEndpointId), vnet: pe.subnetId!.split('/').slice(-3, -2)[0] ?? '', registryId: arm.id };
      const evidence = { privateEndpoint: peName, subnet: pe.subnetId!.split('/').slice(-3).join('/'), privateIps: pe.ips, resolved };
      if (used && path === 'down') {
        return { status: 'fail', causeId: 'network.bastion-endpoint-unsupported', evidence, fixParams,
          message: msg('{loginServer} resolves to {resolved}, private endpoint {peName} in the AzureBastionSubnet, which is not reachable: an Azure Bastion endpoint is not supported for the registry', { loginServer: ctx.target.loginServer, resolved: resolved.join(', '), peName }) };
      }
      return { status: 'warn', causeId: 'network.bastion-endpoint-unsupported', evidence, fixParams,
        message: msg('private endpoint {peName} of the registry sits in the AzureBastionSubnet: an Azure Bastion endpoint is not supported for the registry', { peName }) };
    }
    // The login server answered on this machine's own loopback: a local tunnel (az network bastion
    // tunnel, ssh -L) in front of the registry. A Bastion host in the private endpoint's network names it.
    const local = resolved.filter((a) => classifyAddress(a) === 'loopback');
    const peVnets = new Set(arm.privateEndpoints.map((p) => (p.subnetId ? vnetOf(p.subnetId) : '')).filter(Boolean));
    if (!local.length || !peVnets.size) return { status: 'pass', message: msg('no private endpoint of the registry sits in an AzureBastionSubnet'), evidence: { privateEndpoints: arm.privateEndpoints.length } };
    const subs = [...new Set([...peVnets].map((v) => subscriptionOfId(v)).filter((x): x is string => !!x))];
    const gaps: string[] = [];
    const hosts = (await Promise.all(subs.map((sub) => listBastionHosts(access(ctx), sub, ctx.signal).catch((e: unknown) => { if (ctx.signal.aborted) throw e; gaps.push(`Azure Bastion hosts in ${sub}: ${(e as Error).message}`); return []; })))).flat();
    const host = hosts.find((h) => h.vnetId && peVnets.has(h.vnetId.toLowerCase()));
    const evidence = { resolved, bastionHosts: hosts.map((h) => h.name), ...(gaps.length ? { notReadable: gaps } : {}) };
    if (!host) return { status: 'pass', message: msg('{loginServer} resolves to {local} on this machine; no Azure Bastion host is in the network of the registry\'s private endpoint', { loginServer: ctx.target.loginServer, local: local.join(', ') }), evidence };
    const vnet = lastSeg(host.vnetId);
    const pe = arm.privateEndpoints.find((p) => p.subnetId && vnetOf(p.subnetId) === host.vnetId!.toLowerCase())!;
    const fixParams = { bastion: host.name, bastionResourceGroup: resourceGroupOfId(host.id), vnet, privateEndpoint: lastSeg(pe.privateEndpointId) || pe.connectionName, registryId: arm.id };
    const params = { login: ctx.target.loginServer, addresses: local.join(', '), vnet, bastion: host.name };
    const message = host.tunneling
      ? msg('{login} resolves to {addresses} (a tunnel on this machine) and the network {vnet} of the registry\'s private endpoint has Azure Bastion {bastion} (native client tunnelling on): an Azure Bastion endpoint is not supported for the registry', params)
      : msg('{login} resolves to {addresses} (a tunnel on this machine) and the network {vnet} of the registry\'s private endpoint has Azure Bastion {bastion}: an Azure Bastion endpoint is not supported for the registry', params);
    if (path === 'up') return { status: 'info', evidence, message: msg('{what}, although the registry answered through it', { what: message }) };
    return { status: path === 'down' ? 'fail' : 'warn', causeId: 'network.bastion-endpoint-unsupported', evidence: { ...evidence, privateEndpoint: fixParams.privateEndpoint }, fixParams, message };
  },
};
