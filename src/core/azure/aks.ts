// AKS clusters the account can see and the identity their nodes pull images with (the kubelet
// identity), so "does the cluster hold AcrPull on this registry?" can be answered the way
// `az aks check-acr` does — without deploying anything. The clusters are read as plain ARM JSON
// (armList): the AKS SDK's client would be the largest package a diagnosis evaluates (~0.4 MB).
import { AzureAccessError, armCall, toAzureError } from './errors';
import { armList, armRequest, type ArmAccess } from './connection';
import { listSubscriptions } from './list-subscriptions';
import { listRoleAssignments, type RoleAssignmentInfo } from './role-assignments';
import { rec, str } from '../text/json-guards';
import { resourceGroupOfResource } from '../registry/resource-id';

export interface AksCluster {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  /** The identity kubelets use to pull; absent for service-principal clusters. */
  kubeletIdentity?: { clientId?: string; objectId?: string; resourceId?: string };
  /** Clusters that pull with a service principal instead (older clusters). */
  servicePrincipalClientId?: string;
  /** The subnets the node pools sit in (agentPoolProfiles[].vnetSubnetID; none: AKS's own managed VNet). */
  nodeSubnetIds: string[];
}

/** The run-wide key (ctx.shared) under which the checks that read AKS clusters list them once per diagnosis. */
export const AKS_CLUSTERS_RUN_KEY = 'azure:aks-clusters';

/** What @azure/arm-containerservice asks for (Managed Clusters - List). */
const MANAGED_CLUSTERS_API_VERSION = '2025-10-01';

export async function listAksClusters(azure: ArmAccess, opts: { subscriptionIds?: string[]; signal?: AbortSignal } = {}): Promise<{ clusters: AksCluster[]; failures: { subscriptionId: string; error: AzureAccessError }[] }> {
  const subs = opts.subscriptionIds ?? (azure.subscriptionId ? [azure.subscriptionId] : (await listSubscriptions(azure, opts.signal)).map((s) => s.subscriptionId));
  const clusters: AksCluster[] = [];
  const failures: { subscriptionId: string; error: AzureAccessError }[] = [];
  await Promise.all(subs.map(async (sub) => {
    try {
      await armCall(`list AKS clusters in ${sub}`, async () => {
        const path = `/subscriptions/${encodeURIComponent(sub)}/providers/Microsoft.ContainerService/managedClusters`;
        for (const item of await armList(azure, path, { apiVersion: MANAGED_CLUSTERS_API_VERSION, signal: opts.signal, operation: `list AKS clusters in ${sub}` })) {
          const c = rec(item);
          const id = str(c.id);
          if (!id) continue;
          const props = rec(c.properties);
          const k = rec(rec(props.identityProfile).kubeletidentity);
          const spId = str(rec(props.servicePrincipalProfile).clientId);
          const pools = Array.isArray(props.agentPoolProfiles) ? props.agentPoolProfiles : [];
          clusters.push({
            id, name: str(c.name) ?? id.split('/').pop()!, subscriptionId: sub,
            resourceGroup: resourceGroupOfResource(id) ?? '', location: str(c.location),
            kubeletIdentity: Object.keys(k).length ? { clientId: str(k.clientId), objectId: str(k.objectId), resourceId: str(k.resourceId) } : undefined,
            servicePrincipalClientId: spId && spId !== 'msi' ? spId : undefined,
            nodeSubnetIds: [...new Set(pools.map((p) => str(rec(p).vnetSubnetID)).filter((x): x is string => !!x))],
          });
        }
      }, opts.signal);
    } catch (e) {
      const err = toAzureError(e, `list AKS clusters in ${sub}`);
      if (err.kind === 'cancelled') throw err;
      failures.push({ subscriptionId: sub, error: err });
    }
  }));
  return { clusters: clusters.sort((a, b) => a.name.localeCompare(b.name)), failures };
}

const PULL_ROLES = new Set(['acrpull', 'acrpush', 'owner', 'contributor', 'reader', 'container registry repository reader', 'container registry repository writer', 'container registry repository contributor']);

export interface KubeletPullCheck {
  cluster: AksCluster;
  /** Assignments of the kubelet identity on the registry (and above). */
  assignments: RoleAssignmentInfo[];
  canPull: boolean;
  /** `az aks update --attach-acr` to fix it. */
  fixCommand: string;
}

/** Whether a cluster's kubelet identity holds a pulling role on the registry. */
export async function checkKubeletPull(azure: ArmAccess, cluster: AksCluster, registryId: string, signal?: AbortSignal): Promise<KubeletPullCheck> {
  const fixCommand = `az aks update --name ${cluster.name} --resource-group ${cluster.resourceGroup} --subscription ${cluster.subscriptionId} --attach-acr ${registryId}`;
  const objectId = cluster.kubeletIdentity?.objectId;
  if (!objectId) return { cluster, assignments: [], canPull: false, fixCommand };
  const assignments = await listRoleAssignments(azure, registryId, { principalId: objectId, signal });
  return { cluster, assignments, canPull: assignments.some((a) => PULL_ROLES.has(a.roleName.toLowerCase())), fixCommand };
}

/**
 * Whether the cluster's kubelet identity (a user-assigned managed identity) still exists: true,
 * false (ARM answers ResourceNotFound — the identity was deleted, its AcrPull assignment points at
 * nothing), or undefined when it cannot be told (no resource id, no read access, ARM unreachable).
 */
export async function kubeletIdentityExists(azure: ArmAccess, cluster: AksCluster, signal?: AbortSignal): Promise<boolean | undefined> {
  const id = cluster.kubeletIdentity?.resourceId;
  if (!id || !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i.test(id)) return undefined;
  try {
    await armRequest(azure, 'GET', id, { apiVersion: '2023-01-31', signal, operation: `read the kubelet identity of ${cluster.name}` });
    return true;
  } catch (e) {
    if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
    return e instanceof AzureAccessError && e.kind === 'not-found' && e.code === 'ResourceNotFound' ? false : undefined;
  }
}
