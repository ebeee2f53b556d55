// What ARM says about the registry, reduced to what the network checks decide on.
// Filled by net.arm (see arm-source.ts); read with ctx.data(NET.arm).
import type { SubnetFacts } from '../../azure/network-resources';
import { subscriptionOfResource } from '../../registry/resource-id';

export interface PrivateEndpointFacts {
  connectionName: string;
  /** privateLinkServiceConnectionState.status: Approved / Pending / Rejected / Disconnected. */
  status: string;
  privateEndpointId?: string;
  /** The subnet the endpoint's NIC sits in (undefined: not readable). */
  subnetId?: string;
  /** fqdn (lower-case) → the private IPs the endpoint's NIC has for it. */
  fqdnIps: Record<string, string[]>;
  /** Every private IP of the endpoint. */
  ips: string[];
}

export interface NetworkArmFacts {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  sku: string;
  loginServer: string;
  publicNetworkAccess?: string;
  networkRuleSet?: { defaultAction: string; ipRules: { value: string; action?: string }[]; virtualNetworkRules: { id: string }[] };
  networkRuleBypassOptions?: string;
  dataEndpointEnabled?: boolean;
  dataEndpointHostNames: string[];
  replicationRegions: string[];
  privateEndpoints: PrivateEndpointFacts[];
  /** Subnets in the subscription with a Microsoft.ContainerRegistry service endpoint. */
  serviceEndpointSubnets: string[];
  /** Every subnet this sign-in can read in the registry's subscription (NSG, route table, prefixes). */
  subnets: SubnetFacts[];
  /**
   * Microsoft.ContainerRegistry's registration state in each subscription that holds a virtual
   * network of the registry's virtual network rules (service endpoints need it registered in the
   * VNet's subscription, which may not be the registry's). state undefined: could not be read.
   */
  providerRegistrations: { subscriptionId: string; state?: string }[];
  encryption?: { status?: string; identity?: string };
  identity?: { type?: string; principalId?: string; clientIds: string[]; principalIds: string[] };
  /** Parts that could not be read (permission, API error), for messages. */
  gaps: string[];
}

/** The subscription of an Azure resource id (`/subscriptions/<id>/...`). */
export function subscriptionOfId(resourceId: string): string | undefined {
  return subscriptionOfResource(resourceId);
}

/** The first VNet subscription where Microsoft.ContainerRegistry is known not to be registered. */
export function unregisteredProvider(facts: NetworkArmFacts): { subscriptionId: string; state: string } | undefined {
  const r = facts.providerRegistrations.find((p) => p.state && p.state !== 'Registered');
  return r ? { subscriptionId: r.subscriptionId, state: r.state! } : undefined;
}

/** The private endpoint (if any) that owns this IP. */
export function privateEndpointFor(facts: NetworkArmFacts | undefined, ip: string | undefined): PrivateEndpointFacts | undefined {
  if (!facts || !ip) return undefined;
  return facts.privateEndpoints.find((pe) => pe.ips.includes(ip));
}

/** Private IPs for a host name across the registry's private endpoints. */
export function privateIpsFor(facts: NetworkArmFacts | undefined, host: string): string[] {
  if (!facts) return [];
  const h = host.toLowerCase();
  return [...new Set(facts.privateEndpoints.flatMap((pe) => pe.fqdnIps[h] ?? []))];
}

export function isRestricted(facts: NetworkArmFacts): boolean {
  return facts.publicNetworkAccess === 'Disabled' || facts.networkRuleSet?.defaultAction === 'Deny' || facts.privateEndpoints.length > 0;
}

/**
 * Does this client reach the login server over one of the registry's private endpoints?
 * By IP when ARM gave the endpoints' IPs; else inferred: public access is off and the
 * registry still answered the challenge (`challengePassed`).
 */
export function reachesViaPrivateEndpoint(facts: NetworkArmFacts | undefined, resolved: string[] | undefined, loginServer: string, challengePassed: boolean): boolean {
  if (!facts || !facts.privateEndpoints.length) return false;
  const ips = privateIpsFor(facts, loginServer);
  if (ips.length) return !!resolved?.some((a) => ips.includes(a));
  return facts.publicNetworkAccess === 'Disabled' && challengePassed && facts.privateEndpoints.some((p) => p.status === 'Approved');
}
