// ARM facts for the VNet causes that no installed SDK covers: resource provider registration,
// subnets (service endpoints, NSG, route table), a private endpoint's expected DNS records and
// subnet, network security groups, route tables, Azure Firewalls and firewall policies (plain ARM
// requests through the Azure pipeline — see connection.ts `armRequest`; @azure/arm-network would
// add several MB to both bundles for six GETs whose JSON the checks parse defensively anyway).
import { armList, armRequest, type ArmAccess } from './connection';
import { str, arr, rec } from '../text/json-guards';

/** Registered | NotRegistered | Registering | Unregistering (undefined when ARM did not say). */
export async function providerRegistrationState(azure: ArmAccess, subscriptionId: string, namespace = 'Microsoft.ContainerRegistry', signal?: AbortSignal): Promise<string | undefined> {
  const p = await armRequest(azure, 'GET', `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/${encodeURIComponent(namespace)}`, { apiVersion: '2021-04-01', signal, operation: `read provider ${namespace}` });
  return str(rec(p).registrationState);
}

export interface SubnetFacts {
  id: string;
  addressPrefix?: string;
  /** addressPrefix and addressPrefixes together (a subnet may have several). */
  addressPrefixes: string[];
  /** Services with a service endpoint on the subnet, e.g. Microsoft.ContainerRegistry. */
  serviceEndpoints: string[];
  networkSecurityGroupId?: string;
  routeTableId?: string;
  /** privateEndpointNetworkPolicies: Disabled (default) means NSGs and routes do not apply to private endpoints there. */
  privateEndpointNetworkPolicies?: string;
}

const SUBNET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;

/** A subnet as ARM returns it (alone or inside a virtual network), reduced to what the checks read. */
export function subnetFacts(json: unknown, fallbackId = ''): SubnetFacts {
  const s = rec(json);
  const p = rec(s.properties);
  const addressPrefix = str(p.addressPrefix);
  return {
    id: str(s.id) ?? fallbackId,
    addressPrefix,
    addressPrefixes: [...new Set([addressPrefix, ...arr(p.addressPrefixes).map(str)].filter((x): x is string => !!x))],
    serviceEndpoints: arr(p.serviceEndpoints).map((e) => str(rec(e).service)).filter((x): x is string => !!x),
    networkSecurityGroupId: str(rec(p.networkSecurityGroup).id),
    routeTableId: str(rec(p.routeTable).id),
    privateEndpointNetworkPolicies: str(p.privateEndpointNetworkPolicies),
  };
}

/** Every subnet of the virtual networks this sign-in can read in a subscription. */
export async function listSubnets(azure: ArmAccess, subscriptionId: string, signal?: AbortSignal): Promise<SubnetFacts[]> {
  const vnets = await armList(azure, `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Network/virtualNetworks`, { apiVersion: '2023-09-01', signal, operation: 'list virtual networks' });
  return arr(vnets).flatMap((v) => arr(rec(rec(v).properties).subnets)).map((s) => subnetFacts(s)).filter((s) => SUBNET_ID.test(s.id));
}

function checkId(id: string, type: RegExp, what: string): void {
  if (!type.test(id)) throw new Error(`'${id}' is not ${what} resource id.`);
}

const rid = (type: string) => new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/${type}/[^/]+$`, 'i');

export interface NicFacts {
  id: string;
  name: string;
  /** The VM the interface belongs to, when attached. */
  virtualMachineId?: string;
  ipConfigurations: { privateIp: string; subnetId: string }[];
}

/** The network interfaces of a subscription (their private IPs and subnets), those this sign-in can read. */
export async function listNetworkInterfaces(azure: ArmAccess, subscriptionId: string, signal?: AbortSignal): Promise<NicFacts[]> {
  const nics = await armList(azure, `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Network/networkInterfaces`, { apiVersion: '2023-09-01', signal, operation: 'list network interfaces' });
  return arr(nics).map((n) => {
    const r = rec(n);
    const p = rec(r.properties);
    const id = str(r.id) ?? '';
    return {
      id, name: str(r.name) ?? id.split('/').pop() ?? '', virtualMachineId: str(rec(p.virtualMachine).id),
      ipConfigurations: arr(p.ipConfigurations).map((c) => rec(rec(c).properties)).map((c) => ({ privateIp: str(c.privateIPAddress) ?? '', subnetId: str(rec(c.subnet).id) ?? '' })).filter((c) => c.privateIp && c.subnetId),
    };
  }).filter((n) => n.id);
}

export interface BastionFacts {
  id: string;
  name: string;
  /** The virtual network whose AzureBastionSubnet the host sits in. */
  vnetId?: string;
  /** Native client support (az network bastion tunnel / ssh / rdp from this machine). */
  tunneling: boolean;
  ipConnect: boolean;
}

/** The Azure Bastion hosts of a subscription this sign-in can read. */
export async function listBastionHosts(azure: ArmAccess, subscriptionId: string, signal?: AbortSignal): Promise<BastionFacts[]> {
  const hosts = await armList(azure, `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Network/bastionHosts`, { apiVersion: '2023-09-01', signal, operation: 'list Azure Bastion hosts' });
  return arr(hosts).map((b) => {
    const r = rec(b);
    const p = rec(r.properties);
    const id = str(r.id) ?? '';
    const subnetId = arr(p.ipConfigurations).map((c) => str(rec(rec(rec(c).properties).subnet).id)).find(Boolean);
    return { id, name: str(r.name) ?? id.split('/').pop() ?? '', vnetId: subnetId?.split('/').slice(0, -2).join('/'), tunneling: p.enableTunneling === true, ipConnect: p.enableIpConnect === true };
  }).filter((b) => b.id);
}

/** A network security group (securityRules + defaultSecurityRules), as ARM returns it. */
export async function readNetworkSecurityGroup(azure: ArmAccess, id: string, signal?: AbortSignal): Promise<unknown> {
  checkId(id, rid('networkSecurityGroups'), 'a network security group');
  return armRequest(azure, 'GET', id, { apiVersion: '2023-09-01', signal, operation: 'read network security group' });
}

/** A route table with its routes, as ARM returns it. */
export async function readRouteTable(azure: ArmAccess, id: string, signal?: AbortSignal): Promise<unknown> {
  checkId(id, rid('routeTables'), 'a route table');
  return armRequest(azure, 'GET', id, { apiVersion: '2023-09-01', signal, operation: 'read route table' });
}

/** The Azure Firewalls of a subscription (ipConfigurations, firewallPolicy, classic rule collections). */
export async function listAzureFirewalls(azure: ArmAccess, subscriptionId: string, signal?: AbortSignal): Promise<unknown[]> {
  return arr(await armList(azure, `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Network/azureFirewalls`, { apiVersion: '2023-09-01', signal, operation: 'list Azure Firewalls' }));
}

/** A firewall policy's rule collection groups (the list answer). */
export async function readFirewallPolicyRuleGroups(azure: ArmAccess, policyId: string, signal?: AbortSignal): Promise<unknown[]> {
  checkId(policyId, rid('firewallPolicies'), 'a firewall policy');
  return arr(await armList(azure, `${policyId}/ruleCollectionGroups`, { apiVersion: '2023-09-01', signal, operation: 'read firewall policy rules' }));
}

export async function readSubnet(azure: ArmAccess, subnetId: string, signal?: AbortSignal): Promise<SubnetFacts> {
  if (!SUBNET_ID.test(subnetId)) throw new Error(`'${subnetId}' is not a subnet resource id.`);
  return subnetFacts(await armRequest(azure, 'GET', subnetId, { apiVersion: '2023-09-01', signal, operation: 'read subnet' }), subnetId);
}

export interface PrivateEndpointDns {
  id: string;
  /** The subnet the endpoint's NIC sits in. */
  subnetId?: string;
  /** FQDN -> the private IPs DNS should answer for it (login server and data endpoints). */
  records: { fqdn: string; ipAddresses: string[] }[];
}

export async function readPrivateEndpointDns(azure: ArmAccess, privateEndpointId: string, signal?: AbortSignal): Promise<PrivateEndpointDns> {
  if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateEndpoints\/[^/]+$/i.test(privateEndpointId)) {
    throw new Error(`'${privateEndpointId}' is not a private endpoint resource id.`);
  }
  const pe = rec(await armRequest(azure, 'GET', privateEndpointId, { apiVersion: '2023-09-01', signal, operation: 'read private endpoint' }));
  const p = rec(pe.properties);
  return {
    id: str(pe.id) ?? privateEndpointId,
    subnetId: str(rec(p.subnet).id),
    records: arr(p.customDnsConfigs).map(rec).map((c) => ({
      fqdn: (str(c.fqdn) ?? '').toLowerCase(),
      ipAddresses: arr(c.ipAddresses).map(str).filter((x): x is string => !!x),
    })).filter((c) => c.fqdn),
  };
}
