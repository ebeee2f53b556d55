// The identity the user names with --identity: a repository token, a token of az acr login
// --expose-token, an AKS cluster's kubelet identity, a managed identity by client id. Each pulls
// or pushes contoso.azurecr.io/hello:v1 and lacks the right for it.
import { DEFAULT_IDS, roleAssignment } from '../arm/state';
import { EXPOSED_TOKEN_USER } from '../front/token-service';
import { addRole, giveArmReadOnly, removeRoles } from './helpers';
import { basicAuth } from './types';
import type { ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'confirm-credentials-are-authorized-to-access-registry', registry: 'contoso', usesArm: true, image: 'hello:v1' } as const;

export const identityScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'identity-token-push', description: 'The pipeline pushes contoso.azurecr.io/hello:v1 with --identity token:ci-token: the token\'s scope map (hello-pull) grants pull only.', expectedCause: 'authz.token-scope-missing-action', operation: 'push', identity: 'token:ci-token' },
    setup(ctx) {
      const t = ctx.contoso.tokens.find((x) => x.arm.name === 'ci-token')!;
      ctx.credentials = { kind: 'repositoryToken', username: 'ci-token', password: t.passwordValues.password1! };
    },
  },
  {
    info: { ...S, name: 'identity-exposed-token-no-pull', description: 'A job pulls contoso.azurecr.io/hello:v1 with a token of az acr login --expose-token (user 00000000-…): the token\'s principal (the service principal) reads the registry through ARM but holds no pull role.', expectedCause: 'authz.missing-acrpull', operation: 'pull', identity: 'exposed-token' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
      ctx.credentials = { kind: 'exposedToken', username: EXPOSED_TOKEN_USER, password: ctx.refreshToken(ctx.contoso, ctx.sp.objectId, 3 * 3600) };
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-to-access-registry', name: 'identity-aks-kubelet-no-pull', description: 'contoso-aks pulls contoso.azurecr.io/hello:v1 (--identity aks:contoso-aks): its kubelet identity holds no AcrPull on the registry (judged through ARM role assignments).', expectedCause: 'authz.aks-kubelet-missing-acrpull', operation: 'pull', identity: 'aks:contoso-aks' },
    setup(ctx) { removeRoles(ctx, DEFAULT_IDS.kubeletObjectId, ['AcrPull', 'AcrPush', 'Owner', 'Contributor']); },
  },
  {
    info: { ...S, name: 'identity-aks-kubelet-abac', description: 'The registry uses ABAC repository permissions; contoso-aks\'s kubelet identity holds Container Registry Repository Reader with a condition for repositories under base/ only, and pulls hello:v1.', expectedCause: 'authz.abac-repository-permissions', operation: 'pull', identity: 'aks:contoso-aks' },
    setup(ctx) {
      ctx.contoso.arm.properties.roleAssignmentMode = 'AbacRepositoryPermissions';
      removeRoles(ctx, DEFAULT_IDS.kubeletObjectId, ['AcrPull', 'AcrPush', 'Owner', 'Contributor']);
      ctx.state.roleAssignments.push(roleAssignment({
        scope: ctx.contoso.arm.id, role: 'RepositoryReader', principalId: DEFAULT_IDS.kubeletObjectId, subscriptionId: ctx.subscriptionId,
        createdOn: new Date(ctx.now.getTime() - 30 * 24 * 3600 * 1000),
        condition: "((!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/content/read'})) OR (@Resource[Microsoft.ContainerRegistry/registries/repositories:name] StringStartsWithIgnoreCase 'base/'))",
      }));
    },
  },
  {
    info: { ...S, name: 'identity-mi-no-pull', description: 'An app pulls contoso.azurecr.io/hello:v1 as the user-assigned managed identity with client id 3d2c1b0a-… (--identity mi:<client-id>), which holds no pull role on the registry (judged through ARM; its sign-in cannot be tried from here).', expectedCause: 'authz.missing-acrpull', operation: 'pull', identity: `mi:${DEFAULT_IDS.kubeletClientId}` },
    setup(ctx) { removeRoles(ctx, DEFAULT_IDS.kubeletObjectId, ['AcrPull', 'AcrPush', 'Owner', 'Contributor']); },
  },
  {
    info: { ...S, name: 'identity-docker-no-push', description: 'The user pushes contoso.azurecr.io/hello:v1 with what docker login stored (--identity docker): the service principal, which holds AcrPull only.', expectedCause: 'authz.missing-acrpush', operation: 'push', identity: 'docker' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPush', 'Owner', 'Contributor']);
      addRole(ctx, ctx.contoso, ctx.sp.objectId, 'AcrPull');
      ctx.dockerConfig.auths = { 'contoso.azurecr.io': { auth: basicAuth(ctx.sp.appId, ctx.sp.secrets[0].value) } };
    },
  },
  {
    info: { ...S, name: 'identity-sp-no-pull', description: 'A pipeline pulls contoso.azurecr.io/hello:v1 as its service principal (--identity sp:<client-id>, secret on stdin), which reads the registry through ARM but holds no pull role.', expectedCause: 'authz.missing-acrpull', operation: 'pull', identity: `sp:${DEFAULT_IDS.spAppId}` },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
      ctx.credentials = { kind: 'servicePrincipal', username: ctx.sp.appId, password: ctx.sp.secrets[0].value };
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-to-access-registry', name: 'identity-admin-disabled', description: 'The user pulls contoso.azurecr.io/hello:v1 as the admin user (--identity admin, password on stdin), but the admin user is disabled on the registry.', expectedCause: 'credentials.admin-user-disabled', operation: 'pull', identity: 'admin' },
    setup(ctx) { ctx.credentials = { kind: 'admin', username: 'contoso', password: ctx.contoso.adminPasswords.password }; },
  },
];
