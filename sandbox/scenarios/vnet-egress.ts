// troubleshoot-network #configure-vnet-access, the other resources in the network: NSG rules and
// service tags, an Azure Firewall behind a route table (this machine's subnet, and an AKS cluster's
// node subnet), and a private endpoint in the AzureBastionSubnet. The client (192.0.2.1) sits in
// subnet "workstations" (192.0.2.0/28) of the VNet clients-vnet in resource group contoso-network,
// which the signed-in principal may read (a network team's group), as the address of the network
// interface workstation-01-nic; what the NSG or the firewall
// would do to this machine's traffic is done on the wire by nftables.
import { IP, NAMES } from '../addresses';
import {
  DEFAULT_IDS, networkSecurityGroup, resourceGroupJson, roleAssignment,
  type AzureFirewallJson, type FirewallPolicyJson, type RouteTableJson, type SubnetJson, type VirtualNetworkJson,
} from '../arm/state';
import type { ScenarioContext, ScenarioDef } from './types';
import { addPrivateEndpoint } from './registry-network';

const VNET = { seed: 'troubleshoot-network', section: 'configure-vnet-access', registry: 'contoso', usesArm: true } as const;
const NETWORK_RG = 'contoso-network';
const FIREWALL_IP = '10.3.0.4'; // ARM data only: the firewall's private IP in AzureFirewallSubnet (nothing listens on it)

function rgId(ctx: ScenarioContext): string { return `/subscriptions/${ctx.subscriptionId}/resourceGroups/${NETWORK_RG}`; }
const netId = (ctx: ScenarioContext, type: string, name: string) => `${rgId(ctx)}/providers/Microsoft.Network/${type}/${name}`;

/** clients-vnet with workstations (192.0.2.0/28, this machine), aks-nodes and AzureFirewallSubnet; Reader for the signed-in principal. */
function addClientNetwork(ctx: ScenarioContext): { vnet: VirtualNetworkJson; subnet: (name: string) => SubnetJson } {
  const loc = ctx.contoso.arm.location;
  ctx.state.resourceGroups.push(resourceGroupJson(ctx.subscriptionId, NETWORK_RG, loc));
  ctx.state.roleAssignments.push(roleAssignment({ scope: rgId(ctx), role: 'Reader', principalId: ctx.sp.objectId, subscriptionId: ctx.subscriptionId, createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000) }));
  const vnetId = netId(ctx, 'virtualNetworks', 'clients-vnet');
  const sn = (name: string, prefix: string): SubnetJson => ({
    id: `${vnetId}/subnets/${name}`, name, type: 'Microsoft.Network/virtualNetworks/subnets',
    properties: { addressPrefix: prefix, provisioningState: 'Succeeded', privateEndpointNetworkPolicies: 'Disabled' },
  });
  const vnet: VirtualNetworkJson = {
    id: vnetId, name: 'clients-vnet', type: 'Microsoft.Network/virtualNetworks', location: loc,
    properties: {
      provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['192.0.2.0/28', '10.3.0.0/16'] },
      subnets: [sn('workstations', '192.0.2.0/28'), sn('aks-nodes', '10.3.1.0/24'), sn('AzureFirewallSubnet', '10.3.0.0/26')],
    },
  };
  ctx.state.virtualNetworks.push(vnet);
  // The workstation VM's NIC holds this machine's address: that is what places the client in the subnet.
  const nicId = netId(ctx, 'networkInterfaces', 'workstation-01-nic');
  ctx.state.networkInterfaces.push({
    id: nicId, name: 'workstation-01-nic', type: 'Microsoft.Network/networkInterfaces', location: loc,
    properties: {
      provisioningState: 'Succeeded', virtualMachine: { id: `${rgId(ctx)}/providers/Microsoft.Compute/virtualMachines/workstation-01` },
      ipConfigurations: [{ id: `${nicId}/ipConfigurations/ipconfig1`, name: 'ipconfig1', type: 'Microsoft.Network/networkInterfaces/ipConfigurations', properties: { privateIPAddress: IP.client, privateIPAllocationMethod: 'Static', primary: true, subnet: { id: `${vnetId}/subnets/workstations` } } }],
    },
  });
  return { vnet, subnet: (name) => vnet.properties.subnets.find((s) => s.name === name)! };
}

/** An NSG named `name` with `rules`, attached to `subnet` (the link on both sides, as ARM shows it). */
function attachNsg(ctx: ScenarioContext, subnet: SubnetJson, name: string, rules: Parameters<typeof networkSecurityGroup>[2]): void {
  const nsg = networkSecurityGroup(netId(ctx, 'networkSecurityGroups', name), ctx.contoso.arm.location, rules);
  nsg.properties.subnets = [{ id: subnet.id }];
  ctx.state.networkSecurityGroups.push(nsg);
  subnet.properties.networkSecurityGroup = { id: nsg.id };
}

/** A route table sending everything (0.0.0.0/0) to the hub firewall, attached to `subnet`. */
function routeToFirewall(ctx: ScenarioContext, subnet: SubnetJson, name: string): RouteTableJson {
  const id = netId(ctx, 'routeTables', name);
  const rt: RouteTableJson = {
    id, name, type: 'Microsoft.Network/routeTables', location: ctx.contoso.arm.location,
    properties: {
      provisioningState: 'Succeeded', disableBgpRoutePropagation: true, subnets: [{ id: subnet.id }],
      routes: [{ id: `${id}/routes/to-hub-firewall`, name: 'to-hub-firewall', type: 'Microsoft.Network/routeTables/routes', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: FIREWALL_IP, provisioningState: 'Succeeded' } }],
    },
  };
  ctx.state.routeTables.push(rt);
  subnet.properties.routeTable = { id };
  return rt;
}

function hubFirewall(ctx: ScenarioContext, firewallSubnet: SubnetJson, extra: Partial<AzureFirewallJson['properties']>): AzureFirewallJson {
  const id = netId(ctx, 'azureFirewalls', 'hub-fw');
  const fw: AzureFirewallJson = {
    id, name: 'hub-fw', type: 'Microsoft.Network/azureFirewalls', location: ctx.contoso.arm.location,
    properties: {
      provisioningState: 'Succeeded', sku: { name: 'AZFW_VNet', tier: 'Standard' },
      ipConfigurations: [{ id: `${id}/azureFirewallIpConfigurations/ipconfig`, name: 'ipconfig', type: 'Microsoft.Network/azureFirewalls/azureFirewallIpConfigurations', properties: { privateIPAddress: FIREWALL_IP, subnet: { id: firewallSubnet.id } } }],
      ...extra,
    },
  };
  ctx.state.azureFirewalls.push(fw);
  return fw;
}

/** The AzureBastionSubnet of contoso-vnet (added once). */
function bastionSubnet(ctx: ScenarioContext): SubnetJson {
  const vnet = ctx.state.virtualNetworks.find((v) => v.name === 'contoso-vnet')!;
  let sn = vnet.properties.subnets.find((x) => x.name === 'AzureBastionSubnet');
  if (!sn) {
    sn = { id: `${vnet.id}/subnets/AzureBastionSubnet`, name: 'AzureBastionSubnet', type: 'Microsoft.Network/virtualNetworks/subnets', properties: { addressPrefix: '10.1.1.0/26', provisioningState: 'Succeeded' } };
    vnet.properties.subnets.push(sn);
  }
  return sn;
}

/** contoso's approved private endpoint, readable by the signed-in principal (its NIC's addresses and subnet). */
function readablePrivateEndpoint(ctx: ScenarioContext) {
  addPrivateEndpoint(ctx, ctx.contoso, 'Approved');
  const pe = ctx.state.privateEndpoints[ctx.state.privateEndpoints.length - 1];
  ctx.state.roleAssignments.push(roleAssignment({ scope: pe.id, role: 'Reader', principalId: ctx.sp.objectId, subscriptionId: ctx.subscriptionId, createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000) }));
  return pe;
}

export const vnetEgressScenarios: ScenarioDef[] = [
  {
    info: {
      ...VNET, name: 'nsg-blocks-registry', checkHealthCode: 'CONNECTIVITY_CHALLENGE_ERROR', expectedCause: 'network.nsg-blocks-registry',
      description: 'This machine (192.0.2.1) is in subnet workstations of clients-vnet, whose NSG workstations-nsg has the outbound rule DenyContainerRegistry (priority 200: TCP 443 to the AzureContainerRegistry service tag, Deny); the traffic to the login server and the data endpoints is dropped (i/o timeout).',
    },
    setup(ctx) {
      const { subnet } = addClientNetwork(ctx);
      attachNsg(ctx, subnet('workstations'), 'workstations-nsg', [
        { name: 'AllowMonitoring', priority: 100, direction: 'Outbound', access: 'Allow', destination: 'AzureMonitor' },
        { name: 'DenyContainerRegistry', priority: 200, direction: 'Outbound', access: 'Deny', destination: 'AzureContainerRegistry' },
      ]);
      for (const a of [IP.contoso, IP.contosoDataWeu, IP.contosoDataNeu]) ctx.nft.push({ kind: 'drop', address: a });
    },
  },
  {
    info: {
      ...VNET, name: 'private-endpoint-nsg-blocks', checkHealthCode: 'CONNECTIVITY_CHALLENGE_ERROR', expectedCause: 'network.nsg-blocks-registry',
      description: 'contoso\'s private endpoint (192.0.2.23–.25) sits in subnet private-endpoints of clients-vnet, with network policies on and NSG private-endpoints-nsg whose inbound rule DenyWorkstations (priority 300) denies TCP 443 from the workstations subnet (192.0.2.0/28, this machine); DNS answers the private endpoint, the traffic is dropped.',
    },
    setup(ctx) {
      const { vnet } = addClientNetwork(ctx);
      const peSubnet: SubnetJson = {
        id: `${vnet.id}/subnets/private-endpoints`, name: 'private-endpoints', type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: { addressPrefix: '192.0.2.16/28', provisioningState: 'Succeeded', privateEndpointNetworkPolicies: 'Enabled' },
      };
      vnet.properties.subnets.push(peSubnet);
      vnet.properties.addressSpace.addressPrefixes.push('192.0.2.16/28');
      attachNsg(ctx, peSubnet, 'private-endpoints-nsg', [
        { name: 'DenyWorkstations', priority: 300, direction: 'Inbound', access: 'Deny', source: '192.0.2.0/28', destination: '*' },
      ]);
      readablePrivateEndpoint(ctx).properties.subnet = { id: peSubnet.id };
      ctx.hosts[NAMES.contoso] = IP.contosoPe; ctx.hosts[NAMES.contosoDataWeu] = IP.contosoPeDataWeu; ctx.hosts[NAMES.contosoDataNeu] = IP.contosoPeDataNeu;
      for (const a of [IP.contosoPe, IP.contosoPeDataWeu, IP.contosoPeDataNeu]) ctx.nft.push({ kind: 'drop', address: a });
    },
  },
  {
    info: {
      ...VNET, name: 'firewall-blocks-data-endpoints', operation: 'pull', expectedCause: 'network.firewall-blocks-registry',
      description: 'This machine\'s subnet workstations routes 0.0.0.0/0 to Azure Firewall hub-fw (10.3.0.4), whose policy hub-fw-policy allows contoso.azurecr.io but not the data endpoints contoso.westeurope/northeurope.data.azurecr.io: login works, blob downloads time out.',
    },
    setup(ctx) {
      const { subnet } = addClientNetwork(ctx);
      routeToFirewall(ctx, subnet('workstations'), 'workstations-rt');
      const policyId = netId(ctx, 'firewallPolicies', 'hub-fw-policy');
      const policy: FirewallPolicyJson = {
        id: policyId, name: 'hub-fw-policy', type: 'Microsoft.Network/firewallPolicies', location: ctx.contoso.arm.location,
        properties: { provisioningState: 'Succeeded', sku: { tier: 'Standard' } },
        ruleCollectionGroups: [{
          id: `${policyId}/ruleCollectionGroups/DefaultApplicationRuleCollectionGroup`, name: 'DefaultApplicationRuleCollectionGroup', type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          properties: {
            priority: 300, provisioningState: 'Succeeded',
            ruleCollections: [{
              ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'allow-registry-login', priority: 200, action: { type: 'Allow' },
              rules: [{ ruleType: 'ApplicationRule', name: 'contoso-login-server', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['192.0.2.0/28'], targetFqdns: [NAMES.contoso], fqdnTags: [], webCategories: [], targetUrls: [], terminateTLS: false, destinationAddresses: [], sourceIpGroups: [] }],
            }],
          },
        }],
      };
      ctx.state.firewallPolicies.push(policy);
      const fw = hubFirewall(ctx, subnet('AzureFirewallSubnet'), { firewallPolicy: { id: policyId } });
      policy.properties.firewalls = [{ id: fw.id }];
      for (const a of [IP.contosoDataWeu, IP.contosoDataNeu]) ctx.nft.push({ kind: 'drop', address: a });
    },
  },
  {
    info: {
      ...VNET, name: 'aks-firewall-blocks-registry', expectedCause: 'network.firewall-blocks-registry',
      description: 'The node pool of AKS cluster contoso-aks sits in subnet aks-nodes (10.3.1.0/24), whose route table sends 0.0.0.0/0 to Azure Firewall hub-fw; its classic application rules allow what AKS itself needs (mcr.microsoft.com, *.data.mcr.microsoft.com, management.azure.com) but not contoso.azurecr.io or its data endpoints. This machine is not in that network and reaches the registry.',
    },
    setup(ctx) {
      const { subnet } = addClientNetwork(ctx);
      const aks = ctx.state.managedClusters.find((c) => c.name === DEFAULT_IDS.aksName)!;
      aks.properties.agentPoolProfiles = [{ name: 'nodepool1', count: 3, vmSize: 'Standard_D4s_v5', mode: 'System', osType: 'Linux', vnetSubnetID: subnet('aks-nodes').id }];
      routeToFirewall(ctx, subnet('aks-nodes'), 'aks-nodes-rt');
      hubFirewall(ctx, subnet('AzureFirewallSubnet'), {
        applicationRuleCollections: [{
          id: `${netId(ctx, 'azureFirewalls', 'hub-fw')}/applicationRuleCollections/aks-required`, name: 'aks-required', type: 'Microsoft.Network/azureFirewalls/applicationRuleCollections',
          properties: {
            priority: 100, action: { type: 'Allow' },
            rules: [{ name: 'aks-egress', sourceAddresses: ['10.3.1.0/24'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com', 'management.azure.com', 'login.microsoftonline.com'] }],
          },
        }],
        networkRuleCollections: [{
          id: `${netId(ctx, 'azureFirewalls', 'hub-fw')}/networkRuleCollections/aks-time`, name: 'aks-time', type: 'Microsoft.Network/azureFirewalls/networkRuleCollections',
          properties: { priority: 100, action: { type: 'Allow' }, rules: [{ name: 'ntp', protocols: ['UDP'], sourceAddresses: ['10.3.1.0/24'], destinationAddresses: ['*'], destinationPorts: ['123'] }] },
        }],
      });
    },
  },
  {
    info: {
      ...VNET, name: 'bastion-private-endpoint', expectedCause: 'network.bastion-endpoint-unsupported',
      description: 'contoso\'s only private endpoint (192.0.2.23) was placed in the AzureBastionSubnet of contoso-vnet, and DNS answers its address: an Azure Bastion endpoint is not supported, the host is not reachable.',
    },
    setup(ctx) {
      const pe = readablePrivateEndpoint(ctx);
      pe.properties.subnet = { id: bastionSubnet(ctx).id };
      ctx.hosts[NAMES.contoso] = IP.contosoPe; ctx.hosts[NAMES.contosoDataWeu] = IP.contosoPeDataWeu; ctx.hosts[NAMES.contosoDataNeu] = IP.contosoPeDataNeu;
      for (const a of [IP.contosoPe, IP.contosoPeDataWeu, IP.contosoPeDataNeu]) ctx.nft.push({ kind: 'unreachable', address: a });
    },
  },
  {
    info: {
      ...VNET, name: 'bastion-tunnel', expectedCause: 'network.bastion-endpoint-unsupported',
      description: 'contoso is reachable only over its private endpoint in contoso-vnet (public access disabled); the user tunnels through that network\'s Azure Bastion host contoso-bastion (native client on) and points contoso.azurecr.io at this machine\'s 127.0.0.1, where nothing carries registry traffic (connection refused).',
    },
    setup(ctx) {
      readablePrivateEndpoint(ctx);
      const sn = bastionSubnet(ctx);
      const id = `/subscriptions/${ctx.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}/providers/Microsoft.Network/bastionHosts/contoso-bastion`;
      ctx.state.bastionHosts.push({
        id, name: 'contoso-bastion', type: 'Microsoft.Network/bastionHosts', location: ctx.contoso.arm.location, sku: { name: 'Standard' },
        properties: {
          provisioningState: 'Succeeded', enableTunneling: true, enableIpConnect: true,
          ipConfigurations: [{ id: `${id}/bastionHostIpConfigurations/IpConf`, name: 'IpConf', type: 'Microsoft.Network/bastionHosts/bastionHostIpConfigurations', properties: { subnet: { id: sn.id }, publicIPAddress: { id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}/providers/Microsoft.Network/publicIPAddresses/contoso-bastion-ip` }, privateIPAllocationMethod: 'Dynamic' } }],
        },
      });
      ctx.state.roleAssignments.push(roleAssignment({ scope: id, role: 'Reader', principalId: ctx.sp.objectId, subscriptionId: ctx.subscriptionId, createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000) }));
      ctx.hosts[NAMES.contoso] = '127.0.0.1';
    },
  },
];
