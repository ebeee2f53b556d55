// The Azure resources that pull from a registry, as ARM serves them (shapes of the REST specs:
// Microsoft.Web/sites 2023-12-01 with its config/web and config/appsettings/list, Microsoft.App/
// containerApps and managedEnvironments 2024-03-01, Microsoft.ContainerInstance/containerGroups
// 2023-05-01, Microsoft.MachineLearningServices/workspaces 2024-04-01, Microsoft.Network/
// privateDnsZones with virtualNetworkLinks, Microsoft.ManagedIdentity/userAssignedIdentities), the
// way Resource Graph shows a site (siteConfig left empty, the fx versions in siteProperties), and
// their routes: RBAC-checked like ARM (Reader reads; listing app settings and writes need more).
import type { AccessTokenClaims, HttpAnswer } from './entra';
import { armError, authorizationFailed, eq, json, page, parseBody, type ArmRequest } from './answers';
import type { ArmResource, ArmState } from './arm-json';
import { armAccessChecker } from './rbac';

type Identity = { type: string; principalId?: string; tenantId?: string; userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string }> };

export interface SiteConfigJson {
  linuxFxVersion?: string;
  windowsFxVersion?: string;
  acrUseManagedIdentityCreds: boolean;
  acrUserManagedIdentityID?: string | null;
  vnetRouteAllEnabled?: boolean;
  [k: string]: unknown;
}

export interface SiteJson extends ArmResource<{
  state: string; enabled: boolean; hostNames: string[]; serverFarmId: string; reserved: boolean;
  virtualNetworkSubnetId?: string | null; vnetImagePullEnabled?: boolean; vnetRouteAllEnabled?: boolean;
  siteConfig: SiteConfigJson; [k: string]: unknown;
}> { location: string; kind: string; identity?: Identity }

/** Microsoft.Web/sites/sitecontainers (2023-12-01 and later): a Linux app's main container or a sidecar. */
export interface SiteContainerJson extends ArmResource<{
  image: string; isMain: boolean; targetPort?: string; startUpCommand?: string;
  authType?: 'Anonymous' | 'UserCredentials' | 'SystemIdentity' | 'UserAssigned';
  userName?: string; passwordSecret?: string; userManagedIdentityClientId?: string;
  createdTime?: string; lastModifiedTime?: string; [k: string]: unknown;
}> {}

/** A site plus what ARM keeps beside it: its app settings (secrets: listed only with config/list/action), its site containers. */
export interface SiteRecord { arm: SiteJson; appSettings: Record<string, string>; siteContainers?: SiteContainerJson[] }

/** The first App Service api-version with sites/sitecontainers. */
const SITECONTAINERS_SINCE = '2023-12-01';
const AUTH_TYPES = ['Anonymous', 'UserCredentials', 'SystemIdentity', 'UserAssigned'];

/** A site container as ARM returns it: passwordSecret is write-only and never comes back. */
function siteContainerOut(c: SiteContainerJson): SiteContainerJson {
  const { passwordSecret: _secret, ...props } = c.properties;
  return { ...c, properties: props };
}

export interface ContainerAppJson extends ArmResource<{
  provisioningState: string; managedEnvironmentId: string; environmentId?: string;
  configuration: { activeRevisionsMode: string; registries?: { server: string; username?: string; passwordSecretRef?: string; identity?: string }[]; secrets?: { name: string }[]; [k: string]: unknown };
  template: { containers: { name: string; image: string; [k: string]: unknown }[]; initContainers?: { name: string; image: string }[]; [k: string]: unknown };
  [k: string]: unknown;
}> { location: string; identity?: Identity }

export interface ManagedEnvironmentJson extends ArmResource<{ provisioningState: string; vnetConfiguration?: { infrastructureSubnetId?: string; internal?: boolean }; [k: string]: unknown }> { location: string }

export interface ContainerGroupJson extends ArmResource<{
  provisioningState: string; osType: string; restartPolicy?: string; sku?: string;
  containers: { name: string; properties: { image: string; resources: { requests: { cpu: number; memoryInGB: number } }; [k: string]: unknown } }[];
  imageRegistryCredentials?: { server: string; username?: string; identity?: string; identityUrl?: string }[];
  subnetIds?: { id: string; name?: string }[];
  ipAddress?: { type: 'Public' | 'Private'; ports: { port: number; protocol: string }[]; ip?: string };
  [k: string]: unknown;
}> { location: string; identity?: Identity }

export interface MlWorkspaceJson extends ArmResource<{ containerRegistry?: string; primaryUserAssignedIdentity?: string; provisioningState: string; [k: string]: unknown }> { location: string; identity?: Identity }

export interface PrivateDnsZoneJson extends ArmResource<{ numberOfRecordSets: number; provisioningState: string }> {
  location: 'global';
  virtualNetworkLinks: ArmResource<{ virtualNetwork: { id: string }; registrationEnabled: boolean; virtualNetworkLinkState: string; provisioningState: string }>[];
}

export interface UserAssignedIdentityJson extends ArmResource<{ tenantId: string; principalId: string; clientId: string }> { location: string }

/** The pullers' part of the simulated Azure (absent: none). */
export interface PullerWorld {
  sites: SiteRecord[];
  containerApps: ContainerAppJson[];
  managedEnvironments: ManagedEnvironmentJson[];
  containerGroups: ContainerGroupJson[];
  mlWorkspaces: MlWorkspaceJson[];
  privateDnsZones: PrivateDnsZoneJson[];
  userAssignedIdentities: UserAssignedIdentityJson[];
}

export function pullerWorld(state: ArmState): PullerWorld {
  return (state.pullers ??= { sites: [], containerApps: [], managedEnvironments: [], containerGroups: [], mlWorkspaces: [], privateDnsZones: [], userAssignedIdentities: [] });
}

/** Every puller resource as ARM lists it (a private DNS zone without its child links). */
export function pullerResources(state: ArmState): { id: string; name: string; type: string; location?: string; properties: unknown; [k: string]: unknown }[] {
  const w = state.pullers;
  if (!w) return [];
  return [
    ...w.sites.map((s) => s.arm), ...w.containerApps, ...w.managedEnvironments, ...w.containerGroups, ...w.mlWorkspaces,
    ...w.privateDnsZones.map(({ virtualNetworkLinks: _links, ...zone }) => zone), ...w.userAssignedIdentities,
  ];
}

/**
 * A resource as Resource Graph holds it. For a site that differs from ARM's GET: Resource Graph
 * indexes siteConfig empty (its fields null) and carries the fx versions in siteProperties.
 */
export function graphShapeOf<R extends { type: string; properties: unknown }>(r: R): R {
  if (!eq(r.type, 'Microsoft.Web/sites') && !eq(r.type, 'Microsoft.Web/sites/slots')) return r;
  const p = r.properties as SiteJson['properties'];
  const sc = p.siteConfig ?? {};
  const nulled = Object.fromEntries(Object.keys(sc).map((k) => [k, null]));
  return {
    ...r,
    properties: {
      ...p, siteConfig: nulled,
      siteProperties: { metadata: null, properties: [{ name: 'LinuxFxVersion', value: sc.linuxFxVersion ?? '' }, { name: 'WindowsFxVersion', value: sc.windowsFxVersion ?? null }], appSettings: null },
    },
  };
}

export const PULLER_TYPES = [
  'Microsoft.Web/sites', 'Microsoft.App/containerApps', 'Microsoft.App/managedEnvironments', 'Microsoft.ContainerInstance/containerGroups',
  'Microsoft.MachineLearningServices/workspaces', 'Microsoft.Network/privateDnsZones',
];

export function listOfPullerType(state: ArmState, type: string): { id: string; name: string; type: string; properties: unknown }[] | undefined {
  const w = state.pullers;
  switch (type.toLowerCase()) {
    case 'microsoft.web/sites': return w?.sites.map((s) => s.arm) ?? [];
    case 'microsoft.app/containerapps': return w?.containerApps ?? [];
    case 'microsoft.app/managedenvironments': return w?.managedEnvironments ?? [];
    case 'microsoft.containerinstance/containergroups': return w?.containerGroups ?? [];
    case 'microsoft.machinelearningservices/workspaces': return w?.mlWorkspaces ?? [];
    case 'microsoft.network/privatednszones': return w?.privateDnsZones.map(({ virtualNetworkLinks: _l, ...z }) => z) ?? [];
    default: return undefined;
  }
}

/**
 * Routes below a puller resource (segs[8…]): a site's config/web (GET, PATCH) and
 * config/appsettings/list (POST), PATCH of a site or a container app, a DNS zone's links.
 * Undefined: not a route of these types (the caller answers).
 */
export function pullerRoutes(state: ArmState, req: ArmRequest, claims: AccessTokenClaims, type: string, id: string, rest: string[]): HttpAnswer | undefined {
  const w = state.pullers;
  if (!w) return undefined;
  const method = req.method.toUpperCase();
  const can = armAccessChecker(state, claims.oid);
  const need = (action: string): HttpAnswer | undefined => (can(id, action) ? undefined : authorizationFailed(claims, action, id));
  const r = rest.map((s) => s.toLowerCase());
  if (eq(type, 'Microsoft.Web/sites')) {
    const site = w.sites.find((s) => eq(s.arm.id, id));
    if (!site) return undefined;
    if (!rest.length && method === 'PATCH') {
      const denied = need('Microsoft.Web/sites/write'); if (denied) return denied;
      const pb = parseBody(req); if (!pb.ok) return pb.a;
      const props = (pb.v.properties ?? {}) as Record<string, unknown>;
      if (props.vnetImagePullEnabled !== undefined) {
        if (typeof props.vnetImagePullEnabled !== 'boolean') return armError(400, 'BadRequest', "The value of 'vnetImagePullEnabled' is not valid: a boolean is expected.");
        site.arm.properties.vnetImagePullEnabled = props.vnetImagePullEnabled;
      }
      return json(200, site.arm);
    }
    if (r[0] === 'config' && r[1] === 'web' && rest.length === 2) {
      if (method === 'GET') return need('Microsoft.Web/sites/config/read') ?? json(200, { id: `${id}/config/web`, name: 'web', type: 'Microsoft.Web/sites/config', location: site.arm.location, properties: site.arm.properties.siteConfig });
      if (method === 'PATCH' || method === 'PUT') {
        const denied = need('Microsoft.Web/sites/config/write'); if (denied) return denied;
        const pb = parseBody(req); if (!pb.ok) return pb.a;
        const props = (pb.v.properties ?? {}) as Record<string, unknown>;
        if (props.acrUseManagedIdentityCreds !== undefined) {
          if (typeof props.acrUseManagedIdentityCreds !== 'boolean') return armError(400, 'BadRequest', "The value of 'acrUseManagedIdentityCreds' is not valid: a boolean is expected.");
          site.arm.properties.siteConfig.acrUseManagedIdentityCreds = props.acrUseManagedIdentityCreds;
        }
        if (props.acrUserManagedIdentityID !== undefined) site.arm.properties.siteConfig.acrUserManagedIdentityID = typeof props.acrUserManagedIdentityID === 'string' ? props.acrUserManagedIdentityID : null;
        return json(200, { id: `${id}/config/web`, name: 'web', type: 'Microsoft.Web/sites/config', properties: site.arm.properties.siteConfig });
      }
      return armError(405, 'MethodNotAllowed', `${method} is not supported on config/web.`);
    }
    if (r[0] === 'sitecontainers' && rest.length <= 2) {
      const version = req.query.get('api-version') ?? '';
      if (version.slice(0, 10) < SITECONTAINERS_SINCE) {
        return armError(400, 'NoRegisteredProviderFound', `No registered resource provider found for location 'westeurope' and API version '${version}' for type 'sites/sitecontainers'. The supported api-versions are '2023-12-01, 2024-04-01, 2024-11-01'.`);
      }
      const list = (site.siteContainers ??= []);
      if (rest.length === 1) {
        if (method !== 'GET') return armError(405, 'MethodNotAllowed', `${method} is not supported on sitecontainers.`);
        return need('Microsoft.Web/sites/sitecontainers/read') ?? page(req, list.map(siteContainerOut));
      }
      const c = list.find((x) => eq(x.name, rest[1]));
      if (method === 'GET') {
        const denied = need('Microsoft.Web/sites/sitecontainers/read'); if (denied) return denied;
        return c ? json(200, siteContainerOut(c)) : armError(404, 'NotFound', `Site container '${rest[1]}' not found for site '${site.arm.name}'.`);
      }
      if (method === 'PUT') {
        const denied = need('Microsoft.Web/sites/sitecontainers/write'); if (denied) return denied;
        const pb = parseBody(req); if (!pb.ok) return pb.a;
        const props = (pb.v.properties ?? {}) as Record<string, unknown>;
        if (typeof props.image !== 'string' || !props.image) return armError(400, 'BadRequest', "The parameter 'properties.image' is required.");
        if (typeof props.isMain !== 'boolean') return armError(400, 'BadRequest', "The parameter 'properties.isMain' is required.");
        if (props.authType !== undefined && !AUTH_TYPES.includes(String(props.authType))) return armError(400, 'BadRequest', `The value '${String(props.authType)}' of 'authType' is not valid: one of ${AUTH_TYPES.join(', ')} is expected.`);
        if (props.authType === 'UserAssigned' && typeof props.userManagedIdentityClientId !== 'string') return armError(400, 'BadRequest', "authType UserAssigned needs 'userManagedIdentityClientId'.");
        if (props.authType === 'SystemIdentity' && !/systemassigned/i.test(site.arm.identity?.type ?? '')) return armError(400, 'BadRequest', `The site '${site.arm.name}' has no system-assigned identity.`);
        const now = new Date().toISOString();
        const next: SiteContainerJson = { id: `${id}/sitecontainers/${rest[1]}`, name: rest[1], type: 'Microsoft.Web/sites/sitecontainers', properties: { ...(props as SiteContainerJson['properties']), createdTime: c?.properties.createdTime ?? now, lastModifiedTime: now } };
        if (c) list.splice(list.indexOf(c), 1, next); else list.push(next);
        return json(c ? 200 : 201, siteContainerOut(next));
      }
      return armError(405, 'MethodNotAllowed', `${method} is not supported on a site container.`);
    }
    if (r[0] === 'config' && r[1] === 'appsettings' && r[2] === 'list' && rest.length === 3) {
      if (method !== 'POST') return armError(405, 'MethodNotAllowed', 'Use POST.');
      return need('Microsoft.Web/sites/config/list/action') ?? json(200, { id: `${id}/config/appsettings`, name: 'appsettings', type: 'Microsoft.Web/sites/config', properties: site.appSettings });
    }
    return rest.length ? armError(404, 'NotFound', `No route for '${req.path}'.`) : undefined;
  }
  if (eq(type, 'Microsoft.App/containerApps') && !rest.length && method === 'PATCH') {
    const app = w.containerApps.find((a) => eq(a.id, id));
    if (!app) return undefined;
    const denied = need('Microsoft.App/containerApps/write'); if (denied) return denied;
    const pb = parseBody(req); if (!pb.ok) return pb.a;
    const regs = ((pb.v.properties as Record<string, unknown> | undefined)?.configuration as Record<string, unknown> | undefined)?.registries;
    if (regs !== undefined) {
      if (!Array.isArray(regs)) return armError(400, 'ContainerAppInvalidRegistryConfiguration', 'configuration.registries must be an array.');
      for (const x of regs as Record<string, unknown>[]) {
        if (typeof x?.server !== 'string') return armError(400, 'ContainerAppInvalidRegistryConfiguration', 'Each registry needs a server.');
        if (!x.identity && !(x.username && x.passwordSecretRef)) return armError(400, 'ContainerAppInvalidRegistryConfiguration', `Registry '${x.server}' needs either an identity or a username with a passwordSecretRef.`);
        if (typeof x.identity === 'string' && !/^system$/i.test(x.identity) && !Object.keys(app.identity?.userAssignedIdentities ?? {}).some((k) => eq(k, x.identity as string))) {
          return armError(400, 'ContainerAppRegistryIdentityNotFound', `The identity '${x.identity}' is not assigned to the container app.`);
        }
        if (typeof x.identity === 'string' && /^system$/i.test(x.identity) && !/systemassigned/i.test(app.identity?.type ?? '')) {
          return armError(400, 'ContainerAppRegistryIdentityNotFound', 'The container app has no system-assigned identity.');
        }
      }
      app.properties.configuration.registries = regs as ContainerAppJson['properties']['configuration']['registries'];
    }
    return json(200, app);
  }
  if (eq(type, 'Microsoft.Network/privateDnsZones')) {
    const zone = w.privateDnsZones.find((z) => eq(z.id, id));
    if (!zone) return undefined;
    if (r[0] === 'virtualnetworklinks') {
      if (method !== 'GET') return armError(405, 'MethodNotAllowed', 'Read only in the sandbox.');
      const denied = need('Microsoft.Network/privateDnsZones/virtualNetworkLinks/read'); if (denied) return denied;
      if (rest.length === 1) return page(req, zone.virtualNetworkLinks);
      const l = zone.virtualNetworkLinks.find((x) => eq(x.name, rest[1]));
      return l ? json(200, l) : armError(404, 'ResourceNotFound', `The virtual network link '${rest[1]}' was not found.`);
    }
  }
  return undefined;
}
