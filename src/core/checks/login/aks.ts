// Like `az aks check-acr` without deploying anything: for each AKS cluster the account can see,
// does the cluster's kubelet identity (identityProfile.kubeletidentity) hold a role that lets it
// pull from this registry? Fix: `az aks update --attach-acr`.
import { AKS_CLUSTERS_RUN_KEY, kubeletIdentityExists, listAksClusters } from '../../azure/aks';
import { armAccessOf } from '../../azure/connection';
import type { Check, CheckOutcome } from '../../engine/types';
import { sharedWork } from '../../engine/context';
import { analyseRoles, type RegistryFacts } from './registry-facts';
import { LOGIN } from './shared';

interface ClusterView { name: string; resourceGroup: string; kubeletObjectId?: string; kubeletResourceId?: string }

export const aksCheck: Check = {
  id: LOGIN.aks,
  area: 'login',
  title: 'AKS clusters may pull from the registry',
  needs: [LOGIN.registry],
  timeoutMs: 6000,
  applies: (_t, env) => !!env.azure,
  async run(ctx): Promise<CheckOutcome> {
    const facts = ctx.data<RegistryFacts>(LOGIN.registry);
    if (!facts?.registry || !facts.roleAssignments) {
      return { status: 'info', message: 'The registry\'s role assignments could not be read, so AKS clusters were not checked.' };
    }
    // One listing per run, shared with the network area's AKS egress check.
    const { clusters: found, failures } = await sharedWork(ctx, AKS_CLUSTERS_RUN_KEY, (signal) => listAksClusters(armAccessOf(ctx.env)!, { signal }));
    const gaps = failures.map((f) => `clusters in ${f.subscriptionId}: ${f.error.message}`);
    const clusters: ClusterView[] = found.map((c) => ({ name: c.name, resourceGroup: c.resourceGroup, kubeletObjectId: c.kubeletIdentity?.objectId, kubeletResourceId: c.kubeletIdentity?.resourceId }));
    if (!clusters.length) {
      return { status: 'pass', message: gaps.length ? `No AKS clusters could be listed (${gaps[0]}).` : 'The account sees no AKS clusters.', evidence: { clusters: 0 } };
    }
    // An AcrPull assignment can outlive its identity: a deleted kubelet identity still appears in the
    // cluster and in the registry's role assignments, but ARM no longer knows the identity resource.
    const exists = await Promise.all(found.map((c) => (c.kubeletIdentity?.objectId ? kubeletIdentityExists(armAccessOf(ctx.env)!, c, ctx.signal) : Promise.resolve(undefined))));
    const now = ctx.env.now();
    const abac = facts.registry.roleAssignmentMode === 'AbacRepositoryPermissions';
    const blocked = clusters.filter((c, i) => c.kubeletObjectId && exists[i] !== false && !analyseRoles(facts.roleAssignments!, c.kubeletObjectId, abac, now).canPull);
    const noIdentity = clusters.filter((c) => !c.kubeletObjectId);
    const evidence = { clusters: clusters.map((c) => c.name), withoutPull: blocked.map((c) => c.name), withoutKubeletIdentity: noIdentity.map((c) => c.name) };
    const deleted = clusters.filter((_c, i) => exists[i] === false);
    if (deleted.length) {
      const c = deleted[0];
      return {
        status: 'warn', causeId: 'credentials.azure-service-config', evidence: { ...evidence, kubeletIdentityDeleted: deleted.map((x) => x.name) },
        fixParams: { cluster: c.name, clusterResourceGroup: c.resourceGroup },
        message: `AKS cluster ${deleted.map((x) => x.name).join(', ')}: the kubelet identity ${c.kubeletResourceId ?? c.kubeletObjectId} no longer exists (ARM: ResourceNotFound), so its nodes cannot get tokens to pull from ${facts.registry.name}, although an AcrPull assignment for ${c.kubeletObjectId} remains. Give the cluster a kubelet identity again (az aks update --assign-kubelet-identity) and attach the registry (az aks update --attach-acr).`,
      };
    }
    if (blocked.length) {
      const c = blocked[0];
      return {
        status: 'warn', causeId: 'authz.aks-kubelet-missing-acrpull', evidence,
        fixParams: { cluster: c.name, clusterResourceGroup: c.resourceGroup, registryId: facts.registry.id, principalId: c.kubeletObjectId! },
        message: `AKS cluster ${blocked.map((x) => x.name).join(', ')}: the kubelet identity (${c.kubeletObjectId}) holds no AcrPull on ${facts.registry.name}, so its pods cannot pull images from it (ErrImagePull).`,
      };
    }
    if (noIdentity.length) {
      const c = noIdentity[0];
      return {
        status: 'warn', causeId: 'credentials.azure-service-config', evidence,
        fixParams: { cluster: c.name, clusterResourceGroup: c.resourceGroup },
        message: `AKS cluster ${c.name} has no kubelet managed identity (a service principal cluster?); confirm which identity it pulls with.`,
      };
    }
    return { status: 'pass', message: `The kubelet identity of ${clusters.map((c) => c.name).join(', ')} may pull from ${facts.registry.name}.`, evidence };
  },
};
