// Builders for the Azure resources that pull from contoso.azurecr.io (sites, container apps,
// container groups, ML workspaces), their managed identities (service principals of kind
// managedIdentity, so role assignments and the token service know them), VNets and private DNS
// zones. They take the ARM state itself, so unit tests build the same world the scenarios do.
import { randomUUID } from 'node:crypto';
import { DEFAULT_IDS, roleAssignment, servicePrincipal, type ArmState, type BuiltInRoleName, type RegistryRecord } from '../arm/state';
import { scopeMapJson, tokenRecord } from '../arm/builders';
import type { ConnectedRegistryJson, TaskJson } from '../arm/arm-json';
import { pullerWorld, type ContainerAppJson, type ContainerGroupJson, type MlWorkspaceJson, type SiteRecord } from '../arm/pullers';

const SUB = DEFAULT_IDS.subscriptionId;
const RG = `/subscriptions/${SUB}/resourceGroups/${DEFAULT_IDS.resourceGroup}`;
const LONG_AGO = (now: Date) => new Date(now.getTime() - 30 * 24 * 3600 * 1000);

export interface PullerIdentity { principalId: string; clientId: string }

/** A managed identity's service principal (what Entra and role assignments know). */
function miPrincipal(state: ArmState, name: string, now: Date): PullerIdentity {
  const sp = servicePrincipal(DEFAULT_IDS.tenantId, name, { now, kind: 'managedIdentity', appId: randomUUID(), objectId: randomUUID() });
  state.servicePrincipals.push(sp);
  return { principalId: sp.objectId, clientId: sp.appId };
}

/** A user-assigned identity resource and its principal. */
export function addUserAssignedIdentity(state: ArmState, name: string, now: Date): PullerIdentity & { resourceId: string } {
  const p = miPrincipal(state, name, now);
  const resourceId = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
  pullerWorld(state).userAssignedIdentities.push({
    id: resourceId, name, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location: 'westeurope',
    properties: { tenantId: DEFAULT_IDS.tenantId, principalId: p.principalId, clientId: p.clientId },
  });
  return { ...p, resourceId };
}

export function grant(state: ArmState, registry: RegistryRecord, principalId: string, role: BuiltInRoleName, now: Date): void {
  state.roleAssignments.push(roleAssignment({ scope: registry.arm.id, role, principalId, subscriptionId: SUB, createdOn: LONG_AGO(now), principalType: 'ServicePrincipal' }));
}

/** The signed-in principal may read the resource (Resource Graph lists only what it may read). */
export function readable(state: ArmState, resourceId: string, now: Date): void {
  const sp = state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
  state.roleAssignments.push(roleAssignment({ scope: resourceId, role: 'Reader', principalId: sp.objectId, subscriptionId: SUB, createdOn: LONG_AGO(now) }));
}

/** A subnet in a VNet of its own (each service gets one, so DNS zone links can differ). */
export function addVnet(state: ArmState, name: string, prefix: string): { vnetId: string; subnetId: string } {
  const vnetId = `${RG}/providers/Microsoft.Network/virtualNetworks/${name}`;
  state.virtualNetworks.push({
    id: vnetId, name, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded', addressSpace: { addressPrefixes: [`${prefix}.0.0/16`] },
      subnets: [{ id: `${vnetId}/subnets/services`, name: 'services', type: 'Microsoft.Network/virtualNetworks/subnets', properties: { addressPrefix: `${prefix}.0.0/24`, provisioningState: 'Succeeded' } }],
    },
  });
  return { vnetId, subnetId: `${vnetId}/subnets/services` };
}

/** privatelink.azurecr.io in contoso-rg, linked to these VNets. */
export function addRegistryDnsZone(state: ArmState, linkedVnetIds: string[], now: Date): string {
  const id = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io`;
  pullerWorld(state).privateDnsZones.push({
    id, name: 'privatelink.azurecr.io', type: 'Microsoft.Network/privateDnsZones', location: 'global',
    properties: { numberOfRecordSets: 4, provisioningState: 'Succeeded' },
    virtualNetworkLinks: linkedVnetIds.map((v) => ({
      id: `${id}/virtualNetworkLinks/${v.split('/').pop()}-link`, name: `${v.split('/').pop()}-link`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', location: 'global',
      properties: { virtualNetwork: { id: v }, registrationEnabled: false, virtualNetworkLinkState: 'Completed', provisioningState: 'Succeeded' },
    })),
  });
  readable(state, id, now);
  return id;
}

export interface SiteOptions {
  name: string;
  image?: string;
  /** 'system': pulls with its system-assigned identity; 'settings': with DOCKER_REGISTRY_SERVER_USERNAME/PASSWORD. */
  pullWith: 'system' | 'settings';
  username?: string;
  password?: string;
  subnetId?: string;
  vnetImagePullEnabled?: boolean;
  kind?: string;
  /** Site containers (sidecars); with `sidecarMode` the app runs linuxFxVersion SITECONTAINERS and its main container is one of them. */
  containers?: { name: string; image?: string; isMain?: boolean; authType: 'Anonymous' | 'UserCredentials' | 'SystemIdentity' | 'UserAssigned'; userName?: string; clientId?: string }[];
  sidecarMode?: boolean;
  /** User-assigned identities assigned to the app. */
  userAssigned?: (PullerIdentity & { resourceId: string })[];
}

export function addSite(state: ArmState, o: SiteOptions, now: Date): SiteRecord & { principalId?: string } {
  const id = `${RG}/providers/Microsoft.Web/sites/${o.name}`;
  const mi = o.pullWith === 'system' ? miPrincipal(state, o.name, now) : undefined;
  const image = o.image ?? 'contoso.azurecr.io/hello:v1';
  const ua = Object.fromEntries((o.userAssigned ?? []).map((u) => [u.resourceId, { principalId: u.principalId, clientId: u.clientId }]));
  const identityType = [mi ? 'SystemAssigned' : '', Object.keys(ua).length ? 'UserAssigned' : ''].filter(Boolean).join(', ');
  const rec: SiteRecord = {
    arm: {
      id, name: o.name, type: 'Microsoft.Web/sites', kind: o.kind ?? 'app,linux,container', location: 'West Europe',
      ...(identityType ? { identity: { type: identityType, ...(mi ? { principalId: mi.principalId, tenantId: DEFAULT_IDS.tenantId } : {}), ...(Object.keys(ua).length ? { userAssignedIdentities: ua } : {}) } } : {}),
      properties: {
        state: 'Running', enabled: true, hostNames: [`${o.name}.azurewebsites.net`], reserved: true,
        serverFarmId: `${RG}/providers/Microsoft.Web/serverfarms/contoso-plan`,
        virtualNetworkSubnetId: o.subnetId ?? null,
        vnetImagePullEnabled: o.vnetImagePullEnabled ?? false, vnetRouteAllEnabled: !!o.subnetId,
        siteConfig: { linuxFxVersion: o.sidecarMode ? 'SITECONTAINERS' : `DOCKER|${image}`, windowsFxVersion: undefined, acrUseManagedIdentityCreds: o.pullWith === 'system', acrUserManagedIdentityID: null, vnetRouteAllEnabled: !!o.subnetId },
      },
    },
    ...(o.containers ? {
      siteContainers: o.containers.map((c) => ({
        id: `${id}/sitecontainers/${c.name}`, name: c.name, type: 'Microsoft.Web/sites/sitecontainers',
        properties: {
          image: c.image ?? image, isMain: c.isMain ?? false, targetPort: c.isMain ? '8080' : undefined, authType: c.authType,
          ...(c.userName ? { userName: c.userName, passwordSecret: 'not-a-real-password' } : {}), ...(c.clientId ? { userManagedIdentityClientId: c.clientId } : {}),
          createdTime: LONG_AGO(now).toISOString(), lastModifiedTime: LONG_AGO(now).toISOString(),
        },
      })),
    } : {}),
    appSettings: o.pullWith === 'settings'
      ? { DOCKER_REGISTRY_SERVER_URL: 'https://contoso.azurecr.io', DOCKER_REGISTRY_SERVER_USERNAME: o.username ?? 'contoso', DOCKER_REGISTRY_SERVER_PASSWORD: o.password ?? 'not-a-real-password', WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false' }
      : { WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false' },
  };
  pullerWorld(state).sites.push(rec);
  readable(state, id, now);
  return { ...rec, principalId: mi?.principalId };
}

export interface ContainerAppOptions {
  name: string;
  image?: string;
  /** 'system' | a user-assigned identity's resource id | 'admin' (username + passwordSecretRef). */
  pullWith: string;
  username?: string;
  subnetId?: string;
  userAssigned?: (PullerIdentity & { resourceId: string })[];
}

export function addContainerApp(state: ArmState, o: ContainerAppOptions, now: Date): ContainerAppJson & { principalId?: string } {
  const envName = `${o.name}-env`;
  const envId = `${RG}/providers/Microsoft.App/managedEnvironments/${envName}`;
  pullerWorld(state).managedEnvironments.push({
    id: envId, name: envName, type: 'Microsoft.App/managedEnvironments', location: 'West Europe',
    properties: { provisioningState: 'Succeeded', ...(o.subnetId ? { vnetConfiguration: { infrastructureSubnetId: o.subnetId, internal: false } } : {}) },
  });
  readable(state, envId, now);
  const mi = o.pullWith === 'system' ? miPrincipal(state, o.name, now) : undefined;
  const ua = Object.fromEntries((o.userAssigned ?? []).map((u) => [u.resourceId, { principalId: u.principalId, clientId: u.clientId }]));
  const identityType = [mi ? 'SystemAssigned' : '', Object.keys(ua).length ? 'UserAssigned' : ''].filter(Boolean).join(',') || 'None';
  const registry = o.pullWith === 'admin'
    ? { server: 'contoso.azurecr.io', username: o.username ?? 'contoso', passwordSecretRef: 'contosoazurecrio-contoso' }
    : { server: 'contoso.azurecr.io', identity: o.pullWith };
  const app: ContainerAppJson = {
    id: `${RG}/providers/Microsoft.App/containerApps/${o.name}`, name: o.name, type: 'Microsoft.App/containerApps', location: 'West Europe',
    identity: { type: identityType, ...(mi ? { principalId: mi.principalId, tenantId: DEFAULT_IDS.tenantId } : {}), ...(Object.keys(ua).length ? { userAssignedIdentities: ua } : {}) },
    properties: {
      provisioningState: 'Succeeded', managedEnvironmentId: envId, environmentId: envId,
      configuration: { activeRevisionsMode: 'Single', registries: [registry], secrets: o.pullWith === 'admin' ? [{ name: 'contosoazurecrio-contoso' }] : [] },
      template: { containers: [{ name: o.name, image: o.image ?? 'contoso.azurecr.io/hello:v1', resources: { cpu: 0.5, memory: '1Gi' } }] },
    },
  };
  pullerWorld(state).containerApps.push(app);
  readable(state, app.id, now);
  return { ...app, principalId: mi?.principalId };
}

export interface ContainerGroupOptions {
  name: string;
  image?: string;
  /** A user-assigned identity (ACI pulls with a user-assigned one), or 'admin'. */
  pullWith: (PullerIdentity & { resourceId: string }) | 'admin';
  subnetId?: string;
}

export function addContainerGroup(state: ArmState, o: ContainerGroupOptions, now: Date): ContainerGroupJson {
  const ua = o.pullWith === 'admin' ? undefined : o.pullWith;
  const group: ContainerGroupJson = {
    id: `${RG}/providers/Microsoft.ContainerInstance/containerGroups/${o.name}`, name: o.name, type: 'Microsoft.ContainerInstance/containerGroups', location: 'westeurope',
    ...(ua ? { identity: { type: 'UserAssigned', userAssignedIdentities: { [ua.resourceId]: { principalId: ua.principalId, clientId: ua.clientId } } } } : {}),
    properties: {
      provisioningState: 'Succeeded', osType: 'Linux', restartPolicy: 'Always', sku: 'Standard',
      containers: [{ name: o.name, properties: { image: o.image ?? 'contoso.azurecr.io/hello:v1', resources: { requests: { cpu: 1, memoryInGB: 1.5 } }, ports: [{ port: 80 }] } }],
      imageRegistryCredentials: [ua ? { server: 'contoso.azurecr.io', identity: ua.resourceId } : { server: 'contoso.azurecr.io', username: 'contoso' }],
      ...(o.subnetId ? { subnetIds: [{ id: o.subnetId }], ipAddress: { type: 'Private' as const, ports: [{ port: 80, protocol: 'TCP' }], ip: '10.3.0.4' } } : { ipAddress: { type: 'Public' as const, ports: [{ port: 80, protocol: 'TCP' }], ip: '20.50.0.4' } }),
    },
  };
  pullerWorld(state).containerGroups.push(group);
  readable(state, group.id, now);
  return group;
}

export function addMlWorkspace(state: ArmState, name: string, registry: RegistryRecord, now: Date): MlWorkspaceJson & { principalId: string } {
  const mi = miPrincipal(state, name, now);
  const ws: MlWorkspaceJson = {
    id: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/${name}`, name, type: 'Microsoft.MachineLearningServices/workspaces', location: 'westeurope',
    identity: { type: 'SystemAssigned', principalId: mi.principalId, tenantId: DEFAULT_IDS.tenantId },
    properties: { provisioningState: 'Succeeded', containerRegistry: registry.arm.id },
  };
  pullerWorld(state).mlWorkspaces.push(ws);
  readable(state, ws.id, now);
  return { ...ws, principalId: mi.principalId };
}

export interface TaskOptions {
  name: string;
  /** 'run-token': the default source registry login; 'system': loginMode None, the registry's credential the task's system identity. */
  pullWith: 'run-token' | 'system';
}

/** An ACR task of the registry that builds web from a base image in it (a base image trigger on). */
export function addTask(state: ArmState, registry: RegistryRecord, o: TaskOptions, now: Date): TaskJson & { principalId?: string } {
  const mi = o.pullWith === 'system' ? miPrincipal(state, `${registry.arm.name}-${o.name}`, now) : undefined;
  const login = registry.arm.properties.loginServer;
  const task: TaskJson = {
    id: `${registry.arm.id}/tasks/${o.name}`, name: o.name, type: 'Microsoft.ContainerRegistry/registries/tasks', location: registry.arm.location,
    ...(mi ? { identity: { type: 'SystemAssigned', principalId: mi.principalId, tenantId: DEFAULT_IDS.tenantId } } : {}),
    properties: {
      provisioningState: 'Succeeded', creationDate: LONG_AGO(now).toISOString(), status: 'Enabled', platform: { os: 'Linux', architecture: 'amd64' },
      step: { type: 'Docker', dockerFilePath: 'Dockerfile', contextPath: 'https://github.com/contoso/web.git', imageNames: ['web:{{.Run.ID}}'], isPushEnabled: true },
      trigger: { baseImageTrigger: { name: 'defaultBaseimageTriggerName', baseImageTriggerType: 'Runtime', status: 'Enabled' } },
      credentials: mi ? { sourceRegistry: { loginMode: 'None' }, customRegistries: { [login]: { identity: '[system]' } } } : { sourceRegistry: { loginMode: 'Default' } },
    },
  };
  (registry.tasks ??= []).push(task);
  return { ...task, principalId: mi?.principalId };
}

/** A connected registry syncing from the registry with its own sync token (and a client token). */
export function addConnectedRegistry(registry: RegistryRecord, name: string, o: { connectionState: ConnectedRegistryJson['properties']['connectionState']; syncTokenStatus?: 'enabled' | 'disabled' }, now: Date): ConnectedRegistryJson {
  registry.scopeMaps.push(scopeMapJson(registry.arm.id, `${name}-sync-scope-map`, ['repositories/hello/content/read', 'repositories/hello/metadata/read', `gateway/${name}/config/read`, `gateway/${name}/config/write`, `gateway/${name}/message/read`, `gateway/${name}/message/write`], now));
  const sync = tokenRecord(registry.arm.id, `${name}-sync-token`, `${name}-sync-scope-map`, { now });
  sync.arm.properties.status = o.syncTokenStatus ?? 'enabled';
  const client = tokenRecord(registry.arm.id, `${name}-client`, 'hello-pull', { now });
  registry.tokens.push(sync, client);
  const last = o.connectionState === 'Online' ? now : new Date(now.getTime() - 3 * 24 * 3600 * 1000);
  const cr: ConnectedRegistryJson = {
    id: `${registry.arm.id}/connectedRegistries/${name}`, name, type: 'Microsoft.ContainerRegistry/registries/connectedRegistries',
    properties: {
      provisioningState: 'Succeeded', mode: 'ReadOnly', version: '0.11.0', connectionState: o.connectionState, lastActivityTime: last.toISOString(),
      activation: { status: 'Active' },
      parent: { syncProperties: { tokenId: sync.arm.id, schedule: '* * * * *', messageTtl: 'P2D', lastSyncTime: last.toISOString(), gatewayEndpoint: `${registry.arm.name}.${registry.arm.location}.data.azurecr.io` } },
      clientTokenIds: [client.arm.id],
      statusDetails: o.connectionState === 'Online' ? [] : [{ type: 'Connection', code: 'ConnectionTimedOut', description: 'The connected registry has not sent a heartbeat since its last sync.', timestamp: last.toISOString(), correlationId: randomUUID() }],
    },
  };
  (registry.connectedRegistries ??= []).push(cr);
  return cr;
}
