// Builders of ARM JSON and Entra records (scenarios use these) and the empty state.
import { X509Certificate, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { ArmState, ClientCertificate, ClientSecret, ProviderJson, RegistryJson, RegistryRecord, ReplicationJson, ResourceGroupJson, RoleAssignmentJson, ScopeMapJson, ServicePrincipal, SubscriptionJson, TenantJson, TokenPasswordJson, TokenRecord } from './arm-json';
import { ACR, type BuiltInRoleName, builtInRoleDefinitions, roleDefinitionId } from './built-in-roles';

// ---------------------------------------------------------------- builders (scenarios use these)

export function newSecret(bytes = 24): string {
  // Entra client secrets look like `abc8Q~…`; the `~` marks them and keeps them distinctive in leak scans.
  const raw = randomBytes(bytes).toString('base64url');
  return `${raw.slice(0, 3)}8Q~${raw.slice(3)}`;
}

function iso(d: Date): string { return d.toISOString(); }
export function days(n: number): number { return n * 24 * 3600 * 1000; }

export function subscriptionJson(subscriptionId: string, tenantId: string, displayName: string): SubscriptionJson {
  return {
    id: `/subscriptions/${subscriptionId}`,
    subscriptionId,
    tenantId,
    displayName,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
  };
}

export function tenantJson(tenantId: string, displayName: string, defaultDomain: string): TenantJson {
  return {
    id: `/tenants/${tenantId}`, tenantId, tenantCategory: 'Home', displayName, defaultDomain,
    domains: [defaultDomain], tenantType: 'AAD', countryCode: 'NL',
  };
}

export function resourceGroupJson(subscriptionId: string, name: string, location: string): ResourceGroupJson {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`, name, type: 'Microsoft.Resources/resourceGroups',
    location, properties: { provisioningState: 'Succeeded' },
  };
}

export interface RegistryOptions {
  subscriptionId: string;
  resourceGroup: string;
  name: string;                              // resource name, e.g. 'contoso'
  location: string;
  sku?: 'Basic' | 'Standard' | 'Premium';
  /** Extra replica regions (Premium). */
  replicas?: string[];
  dataEndpointEnabled?: boolean;
  /** Cloud suffix of the login server, default `azurecr.io`. */
  loginServerSuffix?: string;
  now?: Date;
}

export function dataEndpointHost(registryName: string, region: string, suffix = 'azurecr.io'): string {
  return `${registryName.toLowerCase()}.${region}.data.${suffix}`;
}

export function replicationJson(registryId: string, region: string, now = new Date()): ReplicationJson {
  return {
    id: `${registryId}/replications/${region}`, name: region, type: `${ACR}/replications`, location: region,
    properties: {
      provisioningState: 'Succeeded',
      status: { displayStatus: 'Ready', timestamp: iso(now) },
      regionEndpointEnabled: true,
      zoneRedundancy: 'Disabled',
    },
  };
}

export function systemScopeMaps(registryId: string, now = new Date()): ScopeMapJson[] {
  const mk = (name: string, description: string, actions: string[]): ScopeMapJson => ({
    id: `${registryId}/scopeMaps/${name}`, name, type: `${ACR}/scopeMaps`,
    properties: { description, type: 'SystemDefined', creationDate: iso(now), provisioningState: 'Succeeded', actions },
  });
  return [
    mk('_repositories_admin', 'Can perform all read, write and delete operations on the registry',
      ['repositories/*/metadata/read', 'repositories/*/metadata/write', 'repositories/*/content/read', 'repositories/*/content/write', 'repositories/*/content/delete']),
    mk('_repositories_pull', 'Can pull any repository of the registry', ['repositories/*/content/read']),
    mk('_repositories_push', 'Can push to any repository of the registry', ['repositories/*/content/read', 'repositories/*/content/write']),
  ];
}

export function scopeMapJson(registryId: string, name: string, actions: string[], now = new Date()): ScopeMapJson {
  return {
    id: `${registryId}/scopeMaps/${name}`, name, type: `${ACR}/scopeMaps`,
    properties: { description: `Scope map ${name}`, type: 'UserDefined', creationDate: iso(now), provisioningState: 'Succeeded', actions },
  };
}

export function tokenRecord(registryId: string, name: string, scopeMapName: string, opts: {
  now?: Date; expiry?: Date | null; status?: 'enabled' | 'disabled'; password?: string;
} = {}): TokenRecord {
  const now = opts.now ?? new Date();
  const expiry = opts.expiry === undefined ? new Date(now.getTime() + days(30)) : opts.expiry;
  const pw: TokenPasswordJson = { creationTime: iso(now), name: 'password1' };
  if (expiry) pw.expiry = iso(expiry);
  return {
    arm: {
      id: `${registryId}/tokens/${name}`, name, type: `${ACR}/tokens`,
      properties: {
        creationDate: iso(now), provisioningState: 'Succeeded', scopeMapId: `${registryId}/scopeMaps/${scopeMapName}`,
        status: opts.status ?? 'enabled', credentials: { certificates: [], passwords: [pw] },
      },
    },
    passwordValues: { password1: opts.password ?? newSecret() },
  };
}

export function registryRecord(o: RegistryOptions): RegistryRecord {
  const now = o.now ?? new Date();
  const sku = o.sku ?? 'Premium';
  const suffix = o.loginServerSuffix ?? 'azurecr.io';
  const id = `/subscriptions/${o.subscriptionId}/resourceGroups/${o.resourceGroup}/providers/${ACR}/${o.name}`;
  const regions = sku === 'Premium' ? [o.location, ...(o.replicas ?? [])] : [o.location];
  const dataEndpointEnabled = sku === 'Premium' && (o.dataEndpointEnabled ?? true);
  const arm: RegistryJson = {
    id, name: o.name, type: ACR, location: o.location, tags: {},
    sku: { name: sku, tier: sku },
    properties: {
      loginServer: `${o.name.toLowerCase()}.${suffix}`,
      creationDate: iso(new Date(now.getTime() - days(200))),
      provisioningState: 'Succeeded',
      status: { displayStatus: 'Ready', timestamp: iso(now) },
      adminUserEnabled: false,
      networkRuleSet: { defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] },
      policies: {
        quarantinePolicy: { status: 'disabled' },
        trustPolicy: { type: 'Notary', status: 'disabled' },
        retentionPolicy: { days: 7, status: 'disabled', lastUpdatedTime: iso(now) },
        exportPolicy: { status: 'enabled' },
        azureADAuthenticationAsArmPolicy: { status: 'enabled' },
        softDeletePolicy: { retentionDays: 7, status: 'disabled' },
      },
      encryption: { status: 'disabled' },
      dataEndpointEnabled,
      dataEndpointHostNames: dataEndpointEnabled ? regions.map((r) => dataEndpointHost(o.name, r, suffix)) : [],
      privateEndpointConnections: [],
      publicNetworkAccess: 'Enabled',
      networkRuleBypassOptions: 'AzureServices',
      networkRuleBypassAllowedForTasks: false,
      zoneRedundancy: 'Disabled',
      anonymousPullEnabled: false,
      roleAssignmentMode: 'LegacyRegistryPermissions',
    },
    systemData: { createdBy: 'sandbox', createdByType: 'Application', createdAt: iso(new Date(now.getTime() - days(200))) },
  };
  if (sku !== 'Premium') delete arm.properties.networkRuleSet;
  return {
    arm,
    replications: sku === 'Premium' ? regions.map((r) => replicationJson(id, r, now)) : [],
    scopeMaps: systemScopeMaps(id, now),
    tokens: [],
    adminPasswords: { password: newSecret(), password2: newSecret() },
  };
}

/** Keep `dataEndpointHostNames` in step with replications (call after adding/removing one). */
export function syncDataEndpoints(reg: RegistryRecord): void {
  const p = reg.arm.properties;
  const suffix = p.loginServer.slice(p.loginServer.indexOf('.') + 1);
  const regions = reg.replications.length ? reg.replications.map((r) => r.location) : [reg.arm.location];
  p.dataEndpointHostNames = p.dataEndpointEnabled ? regions.map((r) => dataEndpointHost(reg.arm.name, r, suffix)) : [];
}

export function servicePrincipal(tenantId: string, displayName: string, opts: {
  now?: Date; secretEnd?: Date; appId?: string; objectId?: string; kind?: ServicePrincipal['kind'];
} = {}): ServicePrincipal {
  const now = opts.now ?? new Date();
  const kind = opts.kind ?? 'application';
  const secrets: ClientSecret[] = [];
  if (kind === 'application') {
    const value = newSecret();
    secrets.push({
      keyId: randomUUID(), displayName: 'sandbox', hint: value.slice(0, 3), value,
      startDateTime: iso(new Date(now.getTime() - days(10))),
      endDateTime: iso(opts.secretEnd ?? new Date(now.getTime() + days(180))),
    });
  }
  return {
    tenantId, appId: opts.appId ?? randomUUID(), objectId: opts.objectId ?? randomUUID(), displayName, kind, secrets,
    accountEnabled: true,
  };
}

export function roleAssignment(opts: {
  scope: string; role: BuiltInRoleName | string; principalId: string; subscriptionId: string;
  principalType?: RoleAssignmentJson['properties']['principalType']; createdOn?: Date; name?: string; condition?: string;
}): RoleAssignmentJson {
  const name = opts.name ?? randomUUID();
  const created = iso(opts.createdOn ?? new Date());
  const p: RoleAssignmentJson['properties'] = {
    roleDefinitionId: roleDefinitionId(opts.subscriptionId, opts.role),
    principalId: opts.principalId,
    principalType: opts.principalType ?? 'ServicePrincipal',
    scope: opts.scope,
    createdOn: created,
    updatedOn: created,
    createdBy: 'sandbox',
    updatedBy: 'sandbox',
  };
  if (opts.condition) { p.condition = opts.condition; p.conditionVersion = '2.0'; }
  return { id: `${opts.scope === '/' ? '' : opts.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`, name, type: 'Microsoft.Authorization/roleAssignments', properties: p };
}

export function providersFor(subscriptionId: string, unregistered: string[] = []): ProviderJson[] {
  const ns = ['Microsoft.ContainerRegistry', 'Microsoft.ContainerService', 'Microsoft.Network', 'Microsoft.Insights',
    'Microsoft.OperationalInsights', 'Microsoft.Authorization', 'Microsoft.ResourceGraph', 'Microsoft.ManagedIdentity'];
  return ns.map((namespace) => ({
    id: `/subscriptions/${subscriptionId}/providers/${namespace}`,
    namespace,
    registrationState: unregistered.includes(namespace) ? 'NotRegistered' : 'Registered',
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: [],
  }));
}

// One RSA key per process: generating one costs 0.1–1.5 s, and every state would pay it.
let cachedKey: ArmState['signingKey'] | undefined;

function signingKey(): ArmState['signingKey'] {
  if (cachedKey) return { ...cachedKey };
  cachedKey = newSigningKey();
  return { ...cachedKey };
}

/** A fresh key (a scenario that wants earlier tokens to stop verifying can swap it in). */
export function newSigningKey(): ArmState['signingKey'] {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid: randomBytes(12).toString('base64url'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function emptyState(): ArmState {
  return {
    tenants: [], subscriptions: [], resourceGroups: [], registries: [], servicePrincipals: [],
    roleDefinitions: builtInRoleDefinitions(), roleAssignments: [], managedClusters: [], virtualNetworks: [],
    privateEndpoints: [], networkSecurityGroups: [], routeTables: [], azureFirewalls: [], firewallPolicies: [], networkInterfaces: [], bastionHosts: [],
    providers: {}, diagnosticSettings: {}, workspaces: [], loginEvents: {},
    roleAssignmentPropagationMs: 10 * 60 * 1000, accessTokenLifetimeSeconds: 3600,
    signingKey: signingKey(), issuedTokens: [],
    faults: { arm: { kind: 'none' }, entra: { kind: 'none' } },
    groups: [], // present, so a world's apply() (Object.assign of a fresh copy) resets it
    pullers: { sites: [], containerApps: [], managedEnvironments: [], containerGroups: [], mlWorkspaces: [], privateDnsZones: [], userAssignedIdentities: [] }, // reset by apply() too
  };
}


/** Register a certificate (PEM) as a credential of the app; validity from the certificate unless given. */
export function addCertificateCredential(sp: ServicePrincipal, certPem: string, endDateTime?: Date): ClientCertificate {
  const x = new X509Certificate(certPem);
  const hex = (f: string) => f.replace(/:/g, '').toUpperCase();
  const cert: ClientCertificate = {
    keyId: randomUUID(), certPem, thumbprintSha1: hex(x.fingerprint), thumbprintSha256: hex(x.fingerprint256),
    startDateTime: new Date(x.validFrom).toISOString(), endDateTime: (endDateTime ?? new Date(x.validTo)).toISOString(),
  };
  (sp.certificates ??= []).push(cert);
  return cert;
}
