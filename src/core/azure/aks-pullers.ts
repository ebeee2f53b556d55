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

/** The clusters of the registry's subscription(s) as pullers; a subscription whose clusters cannot be listed is a gap. */
export async function listAksPullers(azure: ArmAccess, subscriptionIds: string[], signal?: AbortSignal): Promise<{ pullers: Puller[]; gaps: string[] }> {
  const { clusters, failures } = await listAksClusters(azure, { subscriptionIds, signal });
  return { pullers: clusters.map(pullerOfAksCluster), gaps: failures.map((f) => `AKS clusters in ${f.subscriptionId}: ${f.error.code ?? f.error.kind}: ${f.error.message}`) };
}
