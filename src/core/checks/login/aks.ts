// Like `az aks check-acr` without deploying anything: for each AKS cluster the account can see,
// does the cluster's kubelet identity (identityProfile.kubeletidentity) hold a role that lets it
// pull from this registry? Fix: `az aks update --attach-acr`.
import { kubeletIdentityExists } from '../../azure/aks';
import { runAksClusters } from '../run-aks-clusters';
import { armAccessOf } from '../../azure/connection';
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { analyseRoles, type RegistryFacts } from './registry-facts';
import { LOGIN } from './check-ids';
import { repositoryOf } from './token-requests';
import { UNRESOLVED_IDENTITY, targetOperation } from '../../engine/target';
import { conditionAllows } from './role-conditions';
import { readPrincipalGroups } from '../../azure/registry-reads';
import { msg, renderMessage, type Message } from '../../text/message';
import { heldRoles } from './held-roles';

export type KnownFacts = RegistryFacts & { registry: NonNullable<RegistryFacts['registry']>; roleAssignments: NonNullable<RegistryFacts['roleAssignments']> };

interface ClusterView { name: string; resourceGroup: string; kubeletObjectId?: string; kubeletResourceId?: string }

export const aksCheck: Check = {
  id: LOGIN.aks,
  area: 'login',
  title: 'AKS clusters may pull from the registry',
  needs: [LOGIN.registry],
  timeoutMs: 6000,
  // Every cluster the account sees, or the one named by --identity aks:<cluster>; another named identity is judged elsewhere.
  applies: (_t, env) => !!env.azure && (!env.identity || env.identity.kind === 'aks'),
  async run(ctx): Promise<CheckOutcome> {
    const read = ctx.data(LOGIN.registry);
    if (!read?.registry || !read.roleAssignments) {
      return { status: 'info', message: msg('The registry\'s role assignments could not be read, so AKS clusters were not checked.') };
    }
    const facts: KnownFacts = { ...read, registry: read.registry, roleAssignments: read.roleAssignments };
    // One listing per run, shared with the network area's AKS egress check.
    const { clusters: found, failures } = await runAksClusters(ctx, armAccessOf(ctx.env)!);
    const gaps = failures.map((f) => `clusters in ${f.subscriptionId}: ${f.error.message}`);
    const named = ctx.env.identity?.kind === 'aks' ? ctx.env.identity.cluster : undefined;
    if (named) {
      const c = found.find((x) => x.name.toLowerCase() === named.toLowerCase());
      if (!c) {
        const seen = found.map((x) => x.name).join(', ') || 'none';
        return {
          status: 'fail', evidence: { [UNRESOLVED_IDENTITY]: true, cluster: named, clustersSeen: seen, gaps: gaps.length ? gaps.slice(0, 3) : undefined },
          message: msg('Azure lists no AKS cluster named {named} (clusters this sign-in sees: {seen}): give one of them as --identity aks:<cluster>, or sign in with an identity that may read the cluster.', { named, seen }),
        };
      }
      return judgeKubelet(ctx, facts, c.name, c.resourceGroup, c.kubeletIdentity?.objectId, await (c.kubeletIdentity?.objectId ? kubeletIdentityExists(armAccessOf(ctx.env)!, c, ctx.signal) : Promise.resolve(undefined)));
    }
    const clusters: ClusterView[] = found.map((c) => ({ name: c.name, resourceGroup: c.resourceGroup, kubeletObjectId: c.kubeletIdentity?.objectId, kubeletResourceId: c.kubeletIdentity?.resourceId }));
    if (!clusters.length) {
      return { status: 'pass', message: gaps.length ? msg('No AKS clusters could be listed ({gaps}).', { gaps: gaps[0] }) : msg('The account sees no AKS clusters.'), evidence: { clusters: 0 } };
    }
    // An AcrPull assignment can outlive its identity: a deleted kubelet identity still appears in the
    // cluster and in the registry's role assignments, but ARM no longer knows the identity resource.
    const exists = await Promise.all(found.map((c) => (c.kubeletIdentity?.objectId ? kubeletIdentityExists(armAccessOf(ctx.env)!, c, ctx.signal) : Promise.resolve(undefined))));
    const now = ctx.env.now();
    const abac = facts.registry.roleAssignmentMode === 'AbacRepositoryPermissions';
    const blocked = clusters.filter((c, i) => c.kubeletObjectId && exists[i] !== false && !analyseRoles(facts.roleAssignments, c.kubeletObjectId, abac, now).canPull);
    const noIdentity = clusters.filter((c) => !c.kubeletObjectId);
    const evidence = { clusters: clusters.map((c) => c.name), withoutPull: blocked.map((c) => c.name), withoutKubeletIdentity: noIdentity.map((c) => c.name) };
    const deleted = clusters.filter((_c, i) => exists[i] === false);
    if (deleted.length) {
      const c = deleted[0];
      return {
        status: 'warn', causeId: 'credentials.azure-service-config', evidence: { ...evidence, kubeletIdentityDeleted: deleted.map((x) => x.name) },
        fixParams: { cluster: c.name, clusterResourceGroup: c.resourceGroup },
        message: msg('AKS cluster {cluster}: the kubelet identity {kubeletResourceId} no longer exists (ARM: ResourceNotFound), so its nodes cannot get tokens to pull from {name}, although an AcrPull assignment for {kubeletObjectId} remains. Give the cluster a kubelet identity again (az aks update --assign-kubelet-identity) and attach the registry (az aks update --attach-acr).', { cluster: deleted.map((x) => x.name).join(', '), kubeletResourceId: String(c.kubeletResourceId ?? c.kubeletObjectId), name: facts.registry.name, kubeletObjectId: String(c.kubeletObjectId) }),
      };
    }
    if (blocked.length) {
      const c = blocked[0];
      return {
        status: 'warn', causeId: 'authz.aks-kubelet-missing-acrpull', evidence,
        fixParams: { cluster: c.name, clusterResourceGroup: c.resourceGroup, registryId: facts.registry.id, principalId: c.kubeletObjectId! },
        message: msg('AKS cluster {cluster}: the kubelet identity ({kubeletObjectId}) holds no AcrPull on {name}, so its pods cannot pull images from it (ErrImagePull).', { cluster: blocked.map((x) => x.name).join(', '), kubeletObjectId: String(c.kubeletObjectId), name: facts.registry.name }),
      };
    }
    if (noIdentity.length) {
      const c = noIdentity[0];
      return {
        status: 'warn', causeId: 'credentials.azure-service-config', evidence,
        fixParams: { cluster: c.name, clusterResourceGroup: c.resourceGroup },
        message: msg('AKS cluster {name} has no kubelet managed identity (a service principal cluster?); confirm which identity it pulls with.', { name: c.name }),
      };
    }
    return { status: 'pass', message: msg('The kubelet identity of {clusters} may pull from {name}.', { clusters: clusters.map((c) => c.name).join(', '), name: facts.registry.name }), evidence };
  },
};

/**
 * --identity aks:<cluster>: the cluster's kubelet identity judged through ARM role assignments
 * alone (its groups' are not listed for a managed identity; ABAC conditions on the repository
 * count): its own sign-in cannot be tried from this machine, and the finding says so.
 */
async function judgeKubelet(ctx: CheckContext, facts: KnownFacts, cluster: string, resourceGroup: string, objectId: string | undefined, exists: boolean | undefined): Promise<CheckOutcome> {
  const op = targetOperation(ctx.env);
  const repo = repositoryOf(ctx);
  const fixParams: Record<string, string> = { cluster, clusterResourceGroup: resourceGroup, registryId: facts.registry.id };
  if (!objectId) {
    return { status: op === 'login' ? 'warn' : 'fail', causeId: 'credentials.azure-service-config', fixParams, evidence: { cluster }, message: msg('AKS cluster {cluster} has no kubelet managed identity (a service principal cluster?); confirm which identity it pulls with.', { cluster }) };
  }
  fixParams.principalId = objectId;
  if (exists === false) {
    return { status: op === 'login' ? 'warn' : 'fail', causeId: 'credentials.azure-service-config', fixParams, evidence: { cluster, kubeletObjectId: objectId, kubeletIdentityDeleted: true }, message: msg('AKS cluster {cluster}: its kubelet identity {objectId} no longer exists (ARM: ResourceNotFound), so its nodes cannot get tokens to pull from {name}. Give the cluster a kubelet identity again (az aks update --assign-kubelet-identity) and attach the registry (az aks update --attach-acr).', { cluster, objectId, name: facts.registry.name }) };
  }
  return judgeByRoleAssignments(ctx, facts, { groupIds: await groupsThroughArm(ctx, facts, objectId), principalId: objectId, label: msg('the kubelet identity of AKS cluster {cluster} ({objectId})', { cluster, objectId }), missingPullCause: 'authz.aks-kubelet-missing-acrpull', repo, op, fixParams, evidence: { cluster, kubeletObjectId: objectId } });
}

/** A principal judged through the registry's role assignments only (ARM; its sign-in is not tried). */
/** The groups through which a principal other than the signed-in one holds roles here (ARM's assignedTo()); none when ARM refuses. */
export async function groupsThroughArm(ctx: CheckContext, facts: KnownFacts, principalId: string): Promise<string[]> {
  try { return await readPrincipalGroups(armAccessOf(ctx.env)!, facts.registry, principalId, ctx.signal); } catch { return []; }
}

export function judgeByRoleAssignments(ctx: CheckContext, facts: KnownFacts, s: {
  principalId: string; groupIds?: string[]; label: Message; missingPullCause: 'authz.aks-kubelet-missing-acrpull' | 'authz.missing-acrpull'; repo?: string; op: 'login' | 'pull' | 'push';
  fixParams: Record<string, string>; evidence: Record<string, string | boolean | undefined>;
}): CheckOutcome {
  const abac = facts.registry.roleAssignmentMode === 'AbacRepositoryPermissions';
  // ABAC: an assignment whose condition leaves the repository out grants nothing on it.
  const assignments = abac && s.repo ? facts.roleAssignments.filter((a) => conditionAllows(a.condition, s.repo!)) : facts.roleAssignments;
  const a = analyseRoles(assignments, s.principalId, abac, ctx.env.now(), s.groupIds ?? []);
  const heldWords = heldRoles(a.held, s.principalId, { condition: true });
  const held = renderMessage(heldWords);
  const evidence = { ...s.evidence, rolesHeld: held, repository: s.repo, operation: s.op, roleAssignmentMode: facts.registry.roleAssignmentMode, basis: 'ARM role assignments (the identity\'s own sign-in cannot be tried from here)' };
  const on = s.repo ? `${s.repo} in ${facts.registry.name}` : facts.registry.name;
  const missing = !a.canPull ? 'pull' : s.op === 'push' && !a.canPush ? 'push' : undefined;
  if (!missing) {
    return { status: 'pass', evidence, message: (s.op === 'push' ? msg('By its role assignments ({held}), {label} may push to {on}; its own sign-in cannot be tried from this machine.', { held: heldWords, label: s.label, on }) : msg('By its role assignments ({held}), {label} may pull from {on}; its own sign-in cannot be tried from this machine.', { held: heldWords, label: s.label, on })) };
  }
  const status = s.op === 'login' ? 'warn' : missing === 'push' && s.op !== 'push' ? 'info' : 'fail';
  if (a.pending.length && missing === 'pull') {
    return { status, causeId: 'authz.role-propagation-pending', evidence, fixParams: s.fixParams, message: msg('{label} was given {role} less than 10 minutes ago; role assignments take up to 10 minutes to apply.', { label: s.label, role: a.pending[0].role }) };
  }
  if (abac && (a.ignoredByAbac.length || assignments.length !== facts.roleAssignments.length)) {
    return { status, causeId: 'authz.abac-repository-permissions', evidence, fixParams: s.fixParams, message: msg('The registry uses ABAC repository permissions: {label} holds {held}, and none of it lets it {missing} {on}.', { label: s.label, held: heldWords, missing, on }) };
  }
  return {
    status, causeId: missing === 'pull' ? s.missingPullCause : 'authz.missing-acrpush', evidence, fixParams: s.fixParams,
    message: msg('{label} holds {held} on {name} and above: nothing that allows {missing} (ARM role assignments; its own sign-in cannot be tried from this machine).', { label: s.label, held: heldWords, name: facts.registry.name, missing }),
  };
}
