// AKS clusters as pullers: a cluster's nodes pull with its kubelet identity (`--attach-acr` grants
// it AcrPull), so each cluster of the registry's subscription becomes a puller row whose credential
// is that user-assigned identity, judged like any other puller's (readPullerDetails, verdicts.ts).
import { listAksClusters, type AksCluster } from './aks';
import type { ArmAccess } from './connection';
import type { Puller } from './pullers';

/** One cluster as a puller: the kubelet identity, a service principal (older clusters), or unknown. */
export function pullerOfAksCluster(c: AksCluster): Puller {
  const k = c.kubeletIdentity;
  const gaps: string[] = [];
  let credential: Puller['credential'];
  if (k?.resourceId || k?.clientId) credential = { kind: 'user-mi', ...(k.resourceId ? { resourceId: k.resourceId } : {}), ...(k.clientId ? { clientId: k.clientId.toLowerCase() } : {}) };
  else if (c.servicePrincipalClientId) credential = { kind: 'service-principal', clientId: c.servicePrincipalClientId.toLowerCase() };
  else { credential = { kind: 'unknown', why: 'the cluster names no kubelet identity and no service principal' }; gaps.push('identityProfile.kubeletidentity is empty'); }
  return {
    id: c.id, name: c.name, kind: 'aks', type: 'Microsoft.ContainerService/managedClusters',
    subscriptionId: c.subscriptionId.toLowerCase(), resourceGroup: c.resourceGroup, ...(c.location ? { location: c.location } : {}),
    images: [], credential,
    identities: { userAssigned: k?.resourceId ? [{ resourceId: k.resourceId, ...(k.objectId ? { principalId: k.objectId.toLowerCase() } : {}), ...(k.clientId ? { clientId: k.clientId.toLowerCase() } : {}) }] : [] },
    network: { subnetIds: c.nodeSubnetIds }, gaps,
  };
}

export type AksListing = Awaited<ReturnType<typeof listAksClusters>>;

/**
 * The clusters of the registry's subscription(s) as pullers; a subscription whose clusters cannot be
 * listed is a gap. `listing` is a run's shared cluster listing (the AKS checks' AKS_CLUSTERS_RUN_KEY),
 * so one diagnosis lists the clusters once; without it they are listed here.
 */
export async function listAksPullers(azure: ArmAccess, subscriptionIds: string[], signal?: AbortSignal, listing?: () => Promise<AksListing>): Promise<{ pullers: Puller[]; gaps: string[] }> {
  const subs = new Set(subscriptionIds.map((s) => s.toLowerCase()));
  const { clusters, failures } = listing ? await listing() : await listAksClusters(azure, { subscriptionIds, signal });
  const mine = <T extends { subscriptionId: string }>(x: T) => subs.has(x.subscriptionId.toLowerCase());
  return { pullers: clusters.filter(mine).map(pullerOfAksCluster), gaps: failures.filter(mine).map((f) => `AKS clusters in ${f.subscriptionId}: ${f.error.code ?? f.error.kind}: ${f.error.message}`) };
}
