// troubleshoot-login #confirm-credentials-are-authorized-to-access-registry
import { DEFAULT_IDS } from '../arm/state';
import { addGroups, addRole, giveArmReadOnly, giveRoleAssignmentReader, removeRoles } from './helpers';
import type { ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'confirm-credentials-are-authorized-to-access-registry', registry: 'contoso', usesArm: true } as const;

export const authzScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'missing-acrpull', description: 'The service principal can read the registry through ARM (custom role) but has no AcrPull/AcrPush (nor Reader, which ACR lets pull): login works, pull is refused.', expectedCause: 'authz.missing-acrpull', operation: 'pull' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
    },
  },
  {
    info: { ...S, name: 'missing-acrpush', description: 'The service principal has AcrPull only: pull works, push is denied.', expectedCause: 'authz.missing-acrpush', operation: 'push' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPush', 'Owner', 'Contributor']);
      addRole(ctx, ctx.contoso, ctx.sp.objectId, 'AcrPull');
    },
  },
  {
    // AcrPull through an Entra group (nested: platform-team is a member of acr-pullers): a healthy
    // pull. The identity's own assignments are what missing-acrpull has (ARM read, no pull role).
    info: { ...S, name: 'acrpull-through-group', description: 'The service principal holds no pull role itself (it reads the registry through ARM with a custom role) but is a member of platform-team, a member of the group acr-pullers that holds AcrPull on the registry: pull works.', expectedCause: null, operation: 'pull' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
      addRole(ctx, ctx.contoso, addGroups(ctx).pullers, 'AcrPull', undefined, 'Group');
    },
  },
  {
    info: { ...S, name: 'group-role-propagation', description: 'The service principal\'s group acr-pullers (through platform-team) was given AcrPull 2 minutes ago, its only pull role: the assignment has not applied yet.', expectedCause: 'authz.role-propagation-pending', operation: 'pull' },
    setup(ctx) {
      ctx.state.roleAssignmentPropagationMs = 10 * 60 * 1000;
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
      addRole(ctx, ctx.contoso, addGroups(ctx).pullers, 'AcrPull', new Date(ctx.now.getTime() - 2 * 60 * 1000), 'Group');
    },
  },
  {
    info: { ...S, name: 'missing-reader', description: 'The service principal has AcrPush but no Reader: `az acr login -n contoso` cannot read the registry through ARM.', expectedCause: 'authz.missing-reader' },
    setup(ctx) { removeRoles(ctx, ctx.sp.objectId, ['Reader', 'Owner', 'Contributor']); },
  },
  {
    // The same fault, but ARM lets the identity read role assignments (a custom role at the
    // subscription): the diagnosis sees its AcrPush on the registry and no Reader — evidence.
    info: { ...S, name: 'missing-reader-assignments-readable', description: 'The service principal has AcrPush but no Reader on the registry, and a custom role "Role Assignment Reader" on the subscription: ARM shows it its role assignments (AcrPush on contoso) but not the registry.', expectedCause: 'authz.missing-reader' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['Reader', 'Owner', 'Contributor']);
      giveRoleAssignmentReader(ctx, `/subscriptions/${ctx.subscriptionId}`, ctx.sp.objectId);
    },
  },
  {
    info: { ...S, name: 'abac-mode', description: 'roleAssignmentMode is AbacRepositoryPermissions: the AcrPush assignment is ignored and no Container Registry Repository role is assigned.', expectedCause: 'authz.abac-repository-permissions', operation: 'pull' },
    setup(ctx) {
      ctx.contoso.arm.properties.roleAssignmentMode = 'AbacRepositoryPermissions';
      removeRoles(ctx, ctx.sp.objectId, ['Reader']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
    },
  },
  {
    info: { ...S, name: 'repo-token-scope', description: 'Push with the repository token ci-token whose scope map allows only pull on hello.', expectedCause: 'authz.token-scope-missing-action', usesArm: false, operation: 'push' },
    setup(ctx) {
      const t = ctx.contoso.tokens.find((x) => x.arm.name === 'ci-token')!;
      ctx.credentials = { kind: 'repositoryToken', username: 'ci-token', password: t.passwordValues.password1! };
    },
  },
  {
    info: { ...S, name: 'role-propagation', description: 'The AcrPush assignment was created 2 minutes ago; role assignments take up to 10 minutes to apply.', expectedCause: 'authz.role-propagation-pending', operation: 'pull' },
    setup(ctx) {
      ctx.state.roleAssignmentPropagationMs = 10 * 60 * 1000;
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
      addRole(ctx, ctx.contoso, ctx.sp.objectId, 'AcrPush', new Date(ctx.now.getTime() - 2 * 60 * 1000));
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-to-access-registry', name: 'aks-kubelet-identity-missing', description: 'The AKS cluster contoso-aks\'s kubelet identity was deleted: the cluster pulls with an identity Entra no longer knows (its AcrPull assignment points at nothing).', expectedCause: 'credentials.azure-service-config' },
    setup(ctx) {
      ctx.state.servicePrincipals = ctx.state.servicePrincipals.filter((p) => p.objectId !== DEFAULT_IDS.kubeletObjectId);
    },
  },
  {
    info: { ...S, name: 'aks-kubelet-missing-acrpull', description: 'The AKS cluster contoso-aks\'s kubelet identity has no AcrPull on the registry.', expectedCause: 'authz.aks-kubelet-missing-acrpull' },
    setup(ctx) { removeRoles(ctx, DEFAULT_IDS.kubeletObjectId, ['AcrPull', 'AcrPush', 'Owner', 'Contributor']); },
  },
];
