// Read the registry's network facts from ARM through the Azure layer (src/core/azure: the real
// SDK clients): fetchRegistryView for the registry, replications and private endpoint
// connections; the private endpoints' DNS records, the provider's registration in the
// subscriptions of the virtual network rules' VNets, and the registry subscription's subnets
// with a Microsoft.ContainerRegistry service endpoint beside it.
import type { AzureContext } from '../../engine/environment';
import type { RegistryTarget } from '../../registry/target';
import { fetchRegistryView, findRegistryKept, forgetRegistryRef, type ArmRegistryView, type RegistryRef } from '../../azure/registry-view';
import { listSubnets, providerRegistrationState, readPrivateEndpointDns, type SubnetFacts } from '../../azure/network-resources';
import { armScope, preconnectArm, type ArmAccess } from '../../azure/connection';
import { subscriptionOfId, type NetworkArmFacts, type PrivateEndpointFacts } from './registry-network-facts';

export class ArmLookupError extends Error {
  constructor(message: string) { super(message); this.name = 'ArmLookupError'; }
}

/** Subnets that carry a Microsoft.ContainerRegistry service endpoint. */
function serviceEndpointSubnets(subnets: SubnetFacts[]): string[] {
  return subnets.filter((s) => s.serviceEndpoints.some((e) => e.toLowerCase() === 'microsoft.containerregistry')).map((s) => s.id);
}

export function factsFromView(view: ArmRegistryView, extra: { privateEndpoints: PrivateEndpointFacts[]; subnets?: SubnetFacts[]; providerRegistrations: NetworkArmFacts['providerRegistrations']; gaps: string[] }): NetworkArmFacts {
  return {
    id: view.id, name: view.name, resourceGroup: view.resourceGroup, subscriptionId: view.subscriptionId,
    location: view.location ?? '', sku: view.sku ?? '', loginServer: view.loginServer,
    publicNetworkAccess: view.publicNetworkAccess,
    networkRuleSet: view.defaultAction ? { defaultAction: view.defaultAction, ipRules: view.ipRules.map((value) => ({ value })), virtualNetworkRules: view.virtualNetworkRules.map((id) => ({ id })) } : undefined,
    networkRuleBypassOptions: view.networkRuleBypassOptions,
    dataEndpointEnabled: view.dataEndpointEnabled,
    dataEndpointHostNames: view.dataEndpoints.length ? view.dataEndpoints.map((d) => d.host) : view.dataEndpointHostNames,
    replicationRegions: view.replications.map((r) => r.location),
    privateEndpoints: extra.privateEndpoints,
    serviceEndpointSubnets: serviceEndpointSubnets(extra.subnets ?? []),
    subnets: extra.subnets ?? [],
    providerRegistrations: extra.providerRegistrations,
    encryption: view.encryption.status ? { status: view.encryption.status, identity: view.encryption.identityClientId } : undefined,
    identity: view.identity ? {
      type: view.identity.type, principalId: view.identity.principalId,
      clientIds: view.identity.userAssigned.map((u) => u.clientId ?? '').filter(Boolean),
      principalIds: view.identity.userAssigned.map((u) => u.principalId ?? '').filter(Boolean),
    } : undefined,
    gaps: [...view.gaps.map((g) => `${g.part}: ${g.error.message}`), ...extra.gaps],
  };
}

export async function loadNetworkArmFacts(azure: AzureContext, target: RegistryTarget, extraCaPem: string[] | undefined, signal: AbortSignal): Promise<NetworkArmFacts | undefined> {
  // One retry at most: the diagnosis has a budget of seconds, not the SDK's default back-off.
  const access: ArmAccess = { ...azure, ...(extraCaPem?.length ? { extraCaPem } : {}), maxRetries: 1 };
  // The registry's id names its subscription: the subscription-wide reads (virtual networks, the
  // provider) go out beside the registry's own reads instead of after them (one ARM round trip less).
  // Entra's token heads every ARM chain and the sign-in's: it is asked for first, so its TCP and TLS
  // handshakes are not queued behind the ARM preconnections' (at this client and at Entra); the
  // run's credential (run-credential.ts) hands the same request to the ARM pipeline's first call.
  access.credential.getToken(armScope(access), { abortSignal: signal }).catch(() => undefined);
  setTimeout(() => preconnectArm(access, signal), 0);
  const found = await findRegistryKept(access, target.loginServer, signal);
  if (!found.ref) return undefined;
  const facts = await factsAt(access, found.ref, signal);
  if (facts || !found.kept) return facts;
  // The id kept from an earlier run no longer answers (deleted, moved): look it up again.
  forgetRegistryRef(access, target.loginServer);
  const again = await findRegistryKept(access, target.loginServer, signal);
  return again.ref ? factsAt(access, again.ref, signal) : undefined;
}

async function factsAt(access: ArmAccess, ref: RegistryRef, signal: AbortSignal): Promise<NetworkArmFacts | undefined> {
  const gaps: string[] = [];
  const soft = async <T>(what: string, f: () => Promise<T>, fallback: T): Promise<T> => {
    try { return await f(); } catch (e) { if (signal.aborted) throw e; gaps.push(`${what}: ${(e as Error).message}`); return fallback; }
  };
  const subnetsP = soft('virtual networks', () => listSubnets(access, ref.subscriptionId, signal), [] as SubnetFacts[]);
  // Service endpoints need Microsoft.ContainerRegistry registered in the subscription of the
  // virtual network (virtualNetworkResourceId), which may differ from the registry's. Most VNets
  // sit in the registry's subscription: that state is read beside the registry's own reads.
  const providerIn = (subscriptionId: string) => soft(`resource provider in subscription ${subscriptionId}`, () => providerRegistrationState(access, subscriptionId, 'Microsoft.ContainerRegistry', signal), undefined);
  const ownProviderP = providerIn(ref.subscriptionId);
  // Settled before anyone awaits them: a failure of the registry read must not leave these unhandled.
  subnetsP.catch(() => undefined); ownProviderP.catch(() => undefined);
  const view = await fetchRegistryView(access, ref, signal);
  if (!view) return undefined;
  const vnetSubscriptions = [...new Map(view.virtualNetworkRules.map((id) => subscriptionOfId(id)).filter((s): s is string => !!s).map((s) => [s.toLowerCase(), s])).values()];
  const [privateEndpoints, subnets, providerRegistrations] = await Promise.all([
    Promise.all(view.privateEndpointConnections.map(async (c): Promise<PrivateEndpointFacts> => {
      const fqdnIps: Record<string, string[]> = {};
      let subnetId: string | undefined;
      if (c.privateEndpointId) {
        const dns = await soft('private endpoint', () => readPrivateEndpointDns(access, c.privateEndpointId!, signal), { id: c.privateEndpointId, records: [] });
        for (const r of dns.records) fqdnIps[r.fqdn] = r.ipAddresses;
        subnetId = dns.subnetId;
      }
      return { connectionName: c.name, status: c.status, privateEndpointId: c.privateEndpointId, subnetId, fqdnIps, ips: [...new Set(Object.values(fqdnIps).flat())] };
    })),
    subnetsP,
    Promise.all(vnetSubscriptions.map(async (subscriptionId) => ({
      subscriptionId,
      state: await (subscriptionId.toLowerCase() === ref.subscriptionId.toLowerCase() ? ownProviderP : providerIn(subscriptionId)),
    }))),
  ]);
  return factsFromView(view, { privateEndpoints, subnets, providerRegistrations, gaps });
}
