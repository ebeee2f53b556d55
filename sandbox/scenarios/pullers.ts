// troubleshoot-network #configure-service-access (and the login seed's "another Azure service"):
// Azure resources that pull contoso.azurecr.io/hello:v1 — an App Service app, a Container App, a
// container group, a Machine Learning workspace — each with the one fault named, and a world where
// one of each is healthy. The client itself stays healthy (through the private endpoint where the
// registry's public access is off), so the service's fault is the cause found.
import { IP, NAMES } from '../addresses';
import { DEFAULT_IDS, servicePrincipal } from '../arm/state';
import { pullerWorld } from '../arm/pullers';
import { addPrivateEndpoint } from './registry-network';
import { addConnectedRegistry, addTask, addContainerApp, addContainerGroup, addMlWorkspace, addRegistryDnsZone, addSite, addUserAssignedIdentity, addVnet, grant, readable } from './puller-world';
import type { ScenarioContext, ScenarioDef } from './types';

const S = { seed: 'troubleshoot-network', section: 'configure-service-access', registry: 'contoso', usesArm: true, operation: 'pull' } as const;
const CONTOSO_VNET = `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}/providers/Microsoft.Network/virtualNetworks/contoso-vnet`;

/** Public access off with an approved private endpoint that this client reaches (its DNS answers the endpoint's IPs). */
function privateOnly(ctx: ScenarioContext): void {
  addPrivateEndpoint(ctx, ctx.contoso, 'Approved');
  ctx.hosts[NAMES.contoso] = IP.contosoPe; ctx.hosts[NAMES.contosoDataWeu] = IP.contosoPeDataWeu; ctx.hosts[NAMES.contosoDataNeu] = IP.contosoPeDataNeu;
}

export const pullerScenarios: ScenarioDef[] = [
  {
    info: { ...S, section: 'confirm-credentials-are-authorized-to-access-registry', seed: 'troubleshoot-login', name: 'puller-mi-no-acrpull', identity: 'service:contoso-web', expectedCause: 'pullers.identity-missing-acrpull',
      description: 'App Service app contoso-web pulls contoso.azurecr.io/hello:v1 with its system-assigned managed identity, which holds no AcrPull on the registry.' },
    setup(ctx) { addSite(ctx.state, { name: 'contoso-web', pullWith: 'system' }, ctx.now); },
  },
  {
    info: { ...S, section: 'confirm-credentials-are-authorized-to-access-registry', seed: 'troubleshoot-login', name: 'puller-sidecar-no-acrpull', identity: 'service:contoso-web/otel', expectedCause: 'pullers.identity-missing-acrpull',
      description: 'App Service app contoso-web runs in sidecar mode (linuxFxVersion SITECONTAINERS): its main container pulls with the app\'s system-assigned identity, which holds AcrPull; its sidecar otel pulls contoso.azurecr.io/otel:1 with the user-assigned identity contoso-web-sidecar (authType UserAssigned), which holds no role on the registry.' },
    setup(ctx) {
      const ua = addUserAssignedIdentity(ctx.state, 'contoso-web-sidecar', ctx.now);
      const site = addSite(ctx.state, {
        name: 'contoso-web', pullWith: 'system', sidecarMode: true, userAssigned: [ua],
        containers: [{ name: 'main', isMain: true, authType: 'SystemIdentity' }, { name: 'otel', image: 'contoso.azurecr.io/otel:1', authType: 'UserAssigned', clientId: ua.clientId }],
      }, ctx.now);
      grant(ctx.state, ctx.contoso, site.principalId!, 'AcrPull', ctx.now);
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-are-authorized-to-access-registry', seed: 'troubleshoot-login', name: 'puller-sp-no-acrpull', identity: 'service:contoso-api', expectedCause: 'pullers.identity-missing-acrpull',
      description: 'Container App contoso-api pulls with a stored user name that is the app id of service principal contoso-api-puller (and its secret); Microsoft Graph resolves it (the signed-in principal has Application.Read.All), and that service principal holds no role on the registry.' },
    setup(ctx) {
      const sp = servicePrincipal(DEFAULT_IDS.tenantId, 'contoso-api-puller', { now: ctx.now });
      ctx.state.servicePrincipals.push(sp);
      const me = ctx.state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
      me.graphAppRoles = [...new Set([...(me.graphAppRoles ?? []), 'Application.Read.All'])];
      addContainerApp(ctx.state, { name: 'contoso-api', pullWith: 'admin', username: sp.appId }, ctx.now);
    },
  },
  {
    info: { ...S, name: 'puller-vnet-image-pull-off', identity: 'service:contoso-web', expectedCause: 'pullers.vnet-image-pull-off',
      description: 'Public access is off (an approved private endpoint); App Service app contoso-web is VNet-integrated and its identity holds AcrPull, but vnetImagePullEnabled is off: it pulls over the public network.' },
    setup(ctx) {
      privateOnly(ctx);
      const net = addVnet(ctx.state, 'web-vnet', '10.4');
      addRegistryDnsZone(ctx.state, [CONTOSO_VNET, net.vnetId], ctx.now);
      const site = addSite(ctx.state, { name: 'contoso-web', pullWith: 'system', subnetId: net.subnetId, vnetImagePullEnabled: false }, ctx.now);
      grant(ctx.state, ctx.contoso, site.principalId!, 'AcrPull', ctx.now);
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-to-access-registry', seed: 'troubleshoot-login', name: 'puller-admin-disabled', identity: 'service:contoso-api', expectedCause: 'pullers.admin-user-disabled',
      description: 'Container App contoso-api still pulls with the admin user\'s name and password; the admin user of contoso was disabled.' },
    setup(ctx) { ctx.contoso.arm.properties.adminUserEnabled = false; addContainerApp(ctx.state, { name: 'contoso-api', pullWith: 'admin' }, ctx.now); },
  },
  {
    info: { ...S, section: 'configure-vnet-access', name: 'puller-private-dns-not-linked', identity: 'service:contoso-jobs', expectedCause: 'pullers.private-dns-not-linked',
      description: 'Public access is off (an approved private endpoint); container group contoso-jobs runs in aci-vnet with a user-assigned identity that holds AcrPull, but privatelink.azurecr.io is linked to contoso-vnet only.' },
    setup(ctx) {
      privateOnly(ctx);
      const net = addVnet(ctx.state, 'aci-vnet', '10.3');
      addRegistryDnsZone(ctx.state, [CONTOSO_VNET], ctx.now);
      const ua = addUserAssignedIdentity(ctx.state, 'contoso-jobs-pull', ctx.now);
      grant(ctx.state, ctx.contoso, ua.principalId, 'AcrPull', ctx.now);
      addContainerGroup(ctx.state, { name: 'contoso-jobs', pullWith: ua, subnetId: net.subnetId }, ctx.now);
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-are-authorized-to-access-registry', seed: 'troubleshoot-login', name: 'puller-aci-no-acrpull', identity: 'service:contoso-jobs', expectedCause: 'pullers.identity-missing-acrpull',
      description: 'Container group contoso-jobs pulls contoso.azurecr.io/hello:v1 with the user-assigned identity contoso-jobs-pull, which holds no role on the registry (Container Instances answers InaccessibleImage).' },
    setup(ctx) { addContainerGroup(ctx.state, { name: 'contoso-jobs', pullWith: addUserAssignedIdentity(ctx.state, 'contoso-jobs-pull', ctx.now) }, ctx.now); },
  },
  {
    info: { ...S, name: 'puller-outside-network', identity: 'service:contoso-batch', expectedCause: 'pullers.service-outside-network',
      description: 'Public access is off (an approved private endpoint); container group contoso-batch has a public IP and no subnet: Container Instances is not a trusted service, so it cannot reach the registry.' },
    setup(ctx) {
      privateOnly(ctx);
      const ua = addUserAssignedIdentity(ctx.state, 'contoso-batch-pull', ctx.now);
      grant(ctx.state, ctx.contoso, ua.principalId, 'AcrPull', ctx.now);
      addContainerGroup(ctx.state, { name: 'contoso-batch', pullWith: ua }, ctx.now);
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-to-access-registry', seed: 'troubleshoot-login', name: 'puller-identity-deleted', identity: 'service:contoso-api', expectedCause: 'pullers.identity-unresolved',
      description: 'Container App contoso-api pulls with the user-assigned identity contoso-api-pull, which was deleted since (its AcrPull assignment remains).' },
    setup(ctx) {
      const ua = addUserAssignedIdentity(ctx.state, 'contoso-api-pull', ctx.now);
      grant(ctx.state, ctx.contoso, ua.principalId, 'AcrPull', ctx.now);
      addContainerApp(ctx.state, { name: 'contoso-api', pullWith: ua.resourceId, userAssigned: [ua] }, ctx.now);
      const w = pullerWorld(ctx.state);
      w.userAssignedIdentities = w.userAssignedIdentities.filter((u) => u.id !== ua.resourceId);
      ctx.state.servicePrincipals = ctx.state.servicePrincipals.filter((p) => p.objectId !== ua.principalId);
      // The signed-in principal may read identities in the group, so ARM can say this one is gone.
      readable(ctx.state, `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/contoso-api-pull`, ctx.now);
    },
  },
  {
    info: { ...S, name: 'puller-trusted-services-off', identity: 'service:contoso-ml', expectedCause: 'pullers.trusted-services-needed', alsoExpected: ['network.trusted-services-bypass-off'],
      description: 'The registry allows selected networks only (the client\'s IP) and no trusted services; Machine Learning workspace contoso-ml, a trusted service whose identity holds AcrPull, is kept out.' },
    setup(ctx) {
      ctx.contoso.arm.properties.networkRuleBypassOptions = 'None';
      ctx.contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: `${IP.client}` }], virtualNetworkRules: [] };
      const ws = addMlWorkspace(ctx.state, 'contoso-ml', ctx.contoso, ctx.now);
      grant(ctx.state, ctx.contoso, ws.principalId, 'AcrPull', ctx.now);
    },
  },
  {
    info: { ...S, section: 'confirm-credentials-are-authorized-to-access-registry', seed: 'troubleshoot-login', name: 'puller-task-no-acrpull', identity: 'service:build-web', expectedCause: 'pullers.identity-missing-acrpull',
      description: 'ACR task build-web of contoso builds from a base image in contoso with its system-assigned identity (source registry login None, the registry\'s credential [system]), which holds no AcrPull on contoso.' },
    setup(ctx) { addTask(ctx.state, ctx.contoso, { name: 'build-web', pullWith: 'system' }, ctx.now); },
  },
  {
    info: { ...S, seed: 'troubleshoot-login', section: 'confirm-credentials-to-access-registry', name: 'puller-connected-offline', identity: 'service:edge1', expectedCause: 'pullers.connected-registry-offline',
      description: 'Connected registry edge1 of contoso (ReadOnly, its sync token enabled) is Offline: no heartbeat for three days, so it syncs nothing.' },
    setup(ctx) { addConnectedRegistry(ctx.contoso, 'edge1', { connectionState: 'Offline' }, ctx.now); },
  },
  {
    info: { ...S, seed: 'troubleshoot-login', section: 'confirm-credentials-to-access-registry', name: 'puller-sync-token-disabled', identity: 'service:edge1', expectedCause: 'pullers.token-disabled',
      description: 'Connected registry edge1 of contoso is Online by its last report, but its sync token edge1-sync-token was disabled: its next sync sign-in is refused.' },
    setup(ctx) { addConnectedRegistry(ctx.contoso, 'edge1', { connectionState: 'Online', syncTokenStatus: 'disabled' }, ctx.now); },
  },
  {
    info: { ...S, name: 'pullers-healthy', pulledBy: true, expectedCause: null,
      description: 'One healthy puller of each kind (--pulled-by): App Service app, an App Service app in sidecar mode with a sidecar, Container App, container group (user-assigned identity), Machine Learning workspace and ACR task, each whose identity holds AcrPull on an open registry, and an online connected registry with enabled tokens.' },
    setup(ctx) {
      grant(ctx.state, ctx.contoso, addSite(ctx.state, { name: 'contoso-web', pullWith: 'system' }, ctx.now).principalId!, 'AcrPull', ctx.now);
      const sidecars = addSite(ctx.state, { name: 'contoso-shop', pullWith: 'system', sidecarMode: true, containers: [{ name: 'main', isMain: true, authType: 'SystemIdentity' }, { name: 'cache', image: 'contoso.azurecr.io/cache:1', authType: 'SystemIdentity' }] }, ctx.now);
      grant(ctx.state, ctx.contoso, sidecars.principalId!, 'AcrPull', ctx.now);
      grant(ctx.state, ctx.contoso, addContainerApp(ctx.state, { name: 'contoso-api', pullWith: 'system' }, ctx.now).principalId!, 'AcrPull', ctx.now);
      const ua = addUserAssignedIdentity(ctx.state, 'contoso-jobs-pull', ctx.now);
      grant(ctx.state, ctx.contoso, ua.principalId, 'AcrPull', ctx.now);
      addContainerGroup(ctx.state, { name: 'contoso-jobs', pullWith: ua }, ctx.now);
      grant(ctx.state, ctx.contoso, addMlWorkspace(ctx.state, 'contoso-ml', ctx.contoso, ctx.now).principalId, 'AcrPull', ctx.now);
      grant(ctx.state, ctx.contoso, addTask(ctx.state, ctx.contoso, { name: 'build-web', pullWith: 'system' }, ctx.now).principalId!, 'AcrPull', ctx.now);
      addConnectedRegistry(ctx.contoso, 'edge1', { connectionState: 'Online' }, ctx.now);
    },
  },
];
