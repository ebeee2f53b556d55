// The in-memory Azure the sandbox serves: ARM resources as ARM JSON (shapes from the
// azure-rest-api-specs examples, e.g. RegistryGet.json) plus the secrets Entra and the ACR front
// check. The ARM server (server.ts), the Entra token endpoint (entra.ts) and the sandbox's ACR
// front all read — and scenarios mutate — one `ArmState`. Pure helpers at the end answer the
// questions the front asks ("which registry is this host?", "what may this principal do?").
import { X509Certificate, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';

// ---------------------------------------------------------------- ARM JSON shapes

export interface ArmResource<P = Record<string, unknown>> {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties: P;
  [extra: string]: unknown;
}

export interface IpRule { action?: 'Allow'; value: string }
export interface VirtualNetworkRule { action?: 'Allow'; id: string }

export interface PrivateEndpointConnectionJson extends ArmResource<{
  privateEndpoint?: { id: string };
  privateLinkServiceConnectionState: {
    status: 'Approved' | 'Pending' | 'Rejected' | 'Disconnected';
    description?: string;
    actionsRequired?: string;
  };
  provisioningState: string;
}> {}

export interface RegistryProperties {
  loginServer: string;
  creationDate: string;
  provisioningState: string;
  status?: { displayStatus?: string; message?: string; timestamp?: string };
  adminUserEnabled: boolean;
  networkRuleSet?: {
    defaultAction: 'Allow' | 'Deny';
    ipRules: IpRule[];
    /** Older api-versions only (service endpoints); kept for the service-endpoint cause. */
    virtualNetworkRules?: VirtualNetworkRule[];
  };
  policies: {
    quarantinePolicy?: { status: 'enabled' | 'disabled' };
    trustPolicy?: { type: 'Notary'; status: 'enabled' | 'disabled' };
    retentionPolicy?: { days: number; status: 'enabled' | 'disabled'; lastUpdatedTime?: string };
    exportPolicy?: { status: 'enabled' | 'disabled' };
    azureADAuthenticationAsArmPolicy?: { status: 'enabled' | 'disabled' };
    softDeletePolicy?: { retentionDays: number; status: 'enabled' | 'disabled' };
  };
  encryption: {
    status: 'enabled' | 'disabled';
    keyVaultProperties?: {
      keyIdentifier?: string;
      versionedKeyIdentifier?: string;
      identity?: string;               // client id of the identity that reads the key
      keyRotationEnabled?: boolean;
      lastKeyRotationTimestamp?: string;
    };
  };
  dataEndpointEnabled: boolean;
  dataEndpointHostNames: string[];
  privateEndpointConnections: PrivateEndpointConnectionJson[];
  publicNetworkAccess: 'Enabled' | 'Disabled';
  networkRuleBypassOptions: 'AzureServices' | 'None';
  networkRuleBypassAllowedForTasks?: boolean;
  zoneRedundancy: 'Enabled' | 'Disabled';
  anonymousPullEnabled: boolean;
  roleAssignmentMode?: 'LegacyRegistryPermissions' | 'AbacRepositoryPermissions';
}

export interface RegistryJson extends ArmResource<RegistryProperties> {
  location: string;
  sku: { name: 'Basic' | 'Standard' | 'Premium'; tier: 'Basic' | 'Standard' | 'Premium' };
  identity?: {
    type: 'None' | 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned, UserAssigned';
    principalId?: string;
    tenantId?: string;
    userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string }>;
  };
  systemData?: Record<string, string>;
}

export interface ReplicationJson extends ArmResource<{
  provisioningState: string;
  status?: { displayStatus?: string; message?: string; timestamp?: string };
  regionEndpointEnabled: boolean;
  zoneRedundancy: 'Enabled' | 'Disabled';
}> { location: string }

export interface ScopeMapJson extends ArmResource<{
  description?: string;
  type: 'SystemDefined' | 'UserDefined';
  creationDate: string;
  provisioningState: string;
  /** e.g. `repositories/hello/content/read`, `repositories/hello/content/write`. */
  actions: string[];
}> {}

export interface TokenPasswordJson { creationTime: string; expiry?: string; name: 'password1' | 'password2' }

export interface TokenJson extends ArmResource<{
  creationDate: string;
  provisioningState: string;
  scopeMapId: string;
  status: 'enabled' | 'disabled';
  credentials: { certificates: unknown[]; passwords: TokenPasswordJson[] };
}> {}

export interface TokenRecord {
  arm: TokenJson;
  /** Password values by name; ARM never returns them except from generateCredentials. */
  passwordValues: Partial<Record<'password1' | 'password2', string>>;
}

export interface RegistryRecord {
  arm: RegistryJson;
  /** Every replication including the home region (as ARM lists them for Premium). */
  replications: ReplicationJson[];
  scopeMaps: ScopeMapJson[];
  tokens: TokenRecord[];
  /** listCredentials: username is the registry name; two passwords. */
  adminPasswords: { password: string; password2: string };
}

export interface TenantJson {
  id: string;
  tenantId: string;
  tenantCategory: 'Home' | 'ProjectedBy' | 'ManagedBy';
  displayName: string;
  defaultDomain: string;
  domains: string[];
  tenantType: 'AAD';
  countryCode: string;
}

export interface SubscriptionJson {
  id: string;
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: 'Enabled' | 'Disabled' | 'Warned' | 'PastDue' | 'Deleted';
  subscriptionPolicies: { locationPlacementId: string; quotaId: string; spendingLimit: 'On' | 'Off' | 'CurrentPeriodOff' };
  authorizationSource: string;
  managedByTenants: unknown[];
}

export interface ResourceGroupJson extends ArmResource<{ provisioningState: string }> { location: string }

export interface ClientSecret {
  keyId: string;
  displayName?: string;
  hint: string;                 // first 3 characters, as Entra shows
  value: string;
  startDateTime: string;
  endDateTime: string;
}

/** A certificate credential of an app (public part only; the client signs assertions with its key). */
export interface ClientCertificate {
  keyId: string;
  certPem: string;
  /** Upper-case hex of the DER's SHA-1 / SHA-256 (what x5t / x5t#S256 carry, base64url-encoded). */
  thumbprintSha1: string;
  thumbprintSha256: string;
  startDateTime: string;
  endDateTime: string;
}

/** An Entra service principal (app registration + SP) or a managed identity (no secrets). */
export interface ServicePrincipal {
  tenantId: string;
  appId: string;                // = client id
  objectId: string;             // = principal id in role assignments
  displayName: string;
  kind: 'application' | 'managedIdentity';
  secrets: ClientSecret[];
  /** Certificate credentials (client_assertion sign-in). */
  certificates?: ClientCertificate[];
  accountEnabled: boolean;
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

export interface RoleDefinitionJson extends ArmResource<{
  roleName: string;
  type: 'BuiltInRole' | 'CustomRole';
  description: string;
  assignableScopes: string[];
  permissions: { actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[] }[];
}> {}

export interface RoleAssignmentJson extends ArmResource<{
  roleDefinitionId: string;     // /subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{guid}
  principalId: string;
  principalType: 'ServicePrincipal' | 'User' | 'Group';
  scope: string;
  condition?: string;
  conditionVersion?: string;
  createdOn: string;
  updatedOn: string;
  createdBy?: string;
  updatedBy?: string;
}> {}

export interface ManagedClusterJson extends ArmResource<{
  provisioningState: string;
  kubernetesVersion: string;
  dnsPrefix: string;
  fqdn: string;
  identityProfile?: { kubeletidentity?: { resourceId: string; clientId: string; objectId: string } };
  nodeResourceGroup?: string;
}> {
  location: string;
  identity?: { type: string; principalId?: string; tenantId?: string };
  sku?: { name: string; tier: string };
}

export interface VirtualNetworkJson extends ArmResource<{
  provisioningState: string;
  addressSpace: { addressPrefixes: string[] };
  subnets: ArmResource<{
    addressPrefix: string;
    provisioningState: string;
    serviceEndpoints?: { service: string; locations: string[]; provisioningState: string }[];
  }>[];
}> { location: string }

export interface PrivateEndpointJson extends ArmResource<{
  provisioningState: string;
  subnet: { id: string };
  privateLinkServiceConnections: ArmResource<{ privateLinkServiceId: string; groupIds: string[]; privateLinkServiceConnectionState: { status: string } }>[];
  /** What DNS *should* answer: one entry per FQDN (login server, each data endpoint). */
  customDnsConfigs: { fqdn: string; ipAddresses: string[] }[];
}> { location: string }

export interface ProviderJson {
  id: string;
  namespace: string;
  registrationState: 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering';
  registrationPolicy: 'RegistrationRequired';
  resourceTypes: { resourceType: string; locations: string[]; apiVersions: string[] }[];
}

export interface DiagnosticSettingJson {
  id: string;
  name: string;
  type: 'Microsoft.Insights/diagnosticSettings';
  properties: {
    workspaceId?: string;
    logs: { category: string; categoryGroup?: string | null; enabled: boolean; retentionPolicy?: { enabled: boolean; days: number } }[];
    metrics: { category: string; enabled: boolean }[];
  };
}

export interface WorkspaceJson extends ArmResource<{ customerId: string; provisioningState: string; retentionInDays: number }> { location: string }

/** A row of the ContainerRegistryLoginEvents table (for the advanced KQL check). */
export interface LoginEventRow {
  TimeGenerated: string;
  LoginServer: string;
  Identity: string;
  CallerIpAddress: string;
  ResultType: string;           // HTTP status as text, e.g. '401'
  ResultDescription: string;
  UserAgent: string;
}

// ---------------------------------------------------------------- faults and the whole state

export interface FaultMode {
  /** error500/throttle(429 + Retry-After)/slow/hang (never answers)/garbage (200, not JSON)/
   *  malformed (200 JSON of the wrong shape) — for chaos and hostile-payload tests. */
  kind: 'none' | 'error500' | 'throttle' | 'slow' | 'hang' | 'garbage' | 'malformed';
  /** Only requests whose path contains this (case-insensitive) are affected; empty = all. */
  pathContains?: string;
  retryAfterSeconds?: number;   // throttle
  delayMs?: number;             // slow
  /** Stop after this many faulted requests (then answer normally); undefined = forever. */
  remaining?: number;
}

export interface ArmState {
  tenants: TenantJson[];
  subscriptions: SubscriptionJson[];
  resourceGroups: ResourceGroupJson[];
  registries: RegistryRecord[];
  servicePrincipals: ServicePrincipal[];
  roleDefinitions: RoleDefinitionJson[];
  roleAssignments: RoleAssignmentJson[];
  managedClusters: ManagedClusterJson[];
  virtualNetworks: VirtualNetworkJson[];
  privateEndpoints: PrivateEndpointJson[];
  /** subscriptionId (lower case) -> providers of that subscription. */
  providers: Record<string, ProviderJson[]>;
  /** resource id (lower case) -> diagnostic settings on that resource. */
  diagnosticSettings: Record<string, DiagnosticSettingJson[]>;
  workspaces: WorkspaceJson[];
  /** workspace customerId -> rows of ContainerRegistryLoginEvents. */
  loginEvents: Record<string, LoginEventRow[]>;
  /** How long a new role assignment takes to apply on the registry's data plane (Azure: up to
   *  ~10 minutes; default 10 min). ARM's own (control-plane) checks apply assignments at once. */
  roleAssignmentPropagationMs: number;
  /** Lifetime of Entra access tokens the simulator issues. */
  accessTokenLifetimeSeconds: number;
  /** Entra's token signing key (RS256, published in the JWKS). */
  signingKey: { kid: string; privateKeyPem: string; publicKeyPem: string };
  /** Every access token Entra issued (for the leak scans of `world.secrets()`). */
  issuedTokens: string[];
  faults: { arm: FaultMode; entra: FaultMode };
}

// ---------------------------------------------------------------- built-in roles

export const ROLE_IDS = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  AcrDelete: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
  // ABAC repository roles (honoured when roleAssignmentMode = AbacRepositoryPermissions)
  RepositoryReader: 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
  RepositoryWriter: '2a1e307c-b015-4ebd-883e-5b7698a07328',
  RepositoryContributor: '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
} as const;
export type BuiltInRoleName = keyof typeof ROLE_IDS;

const ROLE_DISPLAY_NAMES: Record<BuiltInRoleName, string> = {
  Owner: 'Owner', Contributor: 'Contributor', Reader: 'Reader', AcrPull: 'AcrPull', AcrPush: 'AcrPush',
  AcrDelete: 'AcrDelete',
  RepositoryReader: 'Container Registry Repository Reader',
  RepositoryWriter: 'Container Registry Repository Writer',
  RepositoryContributor: 'Container Registry Repository Contributor',
};

const ACR = 'Microsoft.ContainerRegistry/registries';
const REPO_READ = [`${ACR}/repositories/content/read`, `${ACR}/repositories/metadata/read`];
const REPO_WRITE = [...REPO_READ, `${ACR}/repositories/content/write`, `${ACR}/repositories/metadata/write`];
const REPO_ALL = [...REPO_WRITE, `${ACR}/repositories/content/delete`, `${ACR}/repositories/metadata/delete`];

const ROLE_PERMISSIONS: Record<BuiltInRoleName, { actions: string[]; notActions: string[]; dataActions: string[] }> = {
  Owner: { actions: ['*'], notActions: [], dataActions: [] },
  Contributor: {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    dataActions: [],
  },
  Reader: { actions: ['*/read'], notActions: [], dataActions: [] },
  AcrPull: { actions: [`${ACR}/pull/read`], notActions: [], dataActions: [] },
  AcrPush: { actions: [`${ACR}/pull/read`, `${ACR}/push/write`], notActions: [], dataActions: [] },
  AcrDelete: { actions: [`${ACR}/artifacts/delete`], notActions: [], dataActions: [] },
  RepositoryReader: { actions: [], notActions: [], dataActions: REPO_READ },
  RepositoryWriter: { actions: [], notActions: [], dataActions: REPO_WRITE },
  RepositoryContributor: { actions: [], notActions: [], dataActions: REPO_ALL },
};

export function roleDefinitionId(subscriptionId: string, role: BuiltInRoleName | string): string {
  const guid = (ROLE_IDS as Record<string, string>)[role] ?? role;
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

function builtInRoleDefinitions(): RoleDefinitionJson[] {
  return (Object.keys(ROLE_IDS) as BuiltInRoleName[]).map((key) => ({
    id: `/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS[key]}`,
    name: ROLE_IDS[key],
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: ROLE_DISPLAY_NAMES[key],
      type: 'BuiltInRole',
      description: `${ROLE_DISPLAY_NAMES[key]} (built-in role)`,
      assignableScopes: ['/'],
      permissions: [{ ...ROLE_PERMISSIONS[key], notDataActions: [] }],
    },
  }));
}

// ---------------------------------------------------------------- builders (scenarios use these)

export function newSecret(bytes = 24): string {
  // Entra client secrets look like `abc8Q~…`; the `~` marks them and keeps them distinctive in leak scans.
  const raw = randomBytes(bytes).toString('base64url');
  return `${raw.slice(0, 3)}8Q~${raw.slice(3)}`;
}

function iso(d: Date): string { return d.toISOString(); }
function days(n: number): number { return n * 24 * 3600 * 1000; }

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
    privateEndpoints: [], providers: {}, diagnosticSettings: {}, workspaces: [], loginEvents: {},
    roleAssignmentPropagationMs: 10 * 60 * 1000, accessTokenLifetimeSeconds: 3600,
    signingKey: signingKey(), issuedTokens: [],
    faults: { arm: { kind: 'none' }, entra: { kind: 'none' } },
  };
}

// ---------------------------------------------------------------- the default world

/** Fixed ids so scenarios, tests and docs can name them. Secrets are random per state. */
export const DEFAULT_IDS = {
  tenantId: '8f3c5d2a-6b1e-4c7d-9a0f-1e2d3c4b5a61',
  subscriptionId: '2b6f0c1e-3d4a-4e5b-8c9d-0a1b2c3d4e5f',
  resourceGroup: 'contoso-rg',
  registry: 'contoso',
  location: 'westeurope',
  replica: 'northeurope',
  spAppId: '5e1a7c3b-9d2f-4a6e-8b0c-7f3e2d1c0b9a',
  spObjectId: '0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
  aksName: 'contoso-aks',
  kubeletObjectId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  kubeletClientId: '3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a',
  workspaceCustomerId: '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
  secondTenantId: '4d3c2b1a-0f9e-4d8c-7b6a-5f4e3d2c1b0a',
  secondSubscriptionId: '7c6b5a4f-3e2d-4c1b-0a9f-8e7d6c5b4a3f',
} as const;

/**
 * contoso: Premium in westeurope with a northeurope replica and dedicated data endpoints,
 * public access on, a repository token `ci-token` (pull on `hello`), and a healthy service
 * principal holding AcrPush + Reader on the registry (and Reader on the AKS cluster). Also an AKS cluster whose kubelet identity
 * has AcrPull, a VNet with the ACR service endpoint, a Log Analytics workspace with diagnostic
 * settings, and a second tenant (fabrikam) where the same app has a service principal.
 */
export function defaultState(now = new Date()): ArmState {
  const s = emptyState();
  const D = DEFAULT_IDS;
  const sub = D.subscriptionId;
  s.tenants.push(tenantJson(D.tenantId, 'Contoso', 'contoso.onmicrosoft.com'));
  s.subscriptions.push(subscriptionJson(sub, D.tenantId, 'Contoso Production'));
  s.resourceGroups.push(resourceGroupJson(sub, D.resourceGroup, D.location));
  s.providers[sub.toLowerCase()] = providersFor(sub);

  const reg = registryRecord({
    subscriptionId: sub, resourceGroup: D.resourceGroup, name: D.registry, location: D.location,
    sku: 'Premium', replicas: [D.replica], dataEndpointEnabled: true, now,
  });
  reg.scopeMaps.push(scopeMapJson(reg.arm.id, 'hello-pull', ['repositories/hello/content/read', 'repositories/hello/metadata/read'], now));
  reg.tokens.push(tokenRecord(reg.arm.id, 'ci-token', 'hello-pull', { now }));
  s.registries.push(reg);

  const sp = servicePrincipal(D.tenantId, 'acr-doctor-sandbox', { now, appId: D.spAppId, objectId: D.spObjectId });
  s.servicePrincipals.push(sp);
  const longAgo = new Date(now.getTime() - days(30));
  s.roleAssignments.push(
    roleAssignment({ scope: reg.arm.id, role: 'AcrPush', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }),
    roleAssignment({ scope: reg.arm.id, role: 'Reader', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }),
  );

  // AKS with a kubelet identity that may pull.
  const kubelet = servicePrincipal(D.tenantId, `${D.aksName}-agentpool`, {
    now, kind: 'managedIdentity', appId: D.kubeletClientId, objectId: D.kubeletObjectId,
  });
  s.servicePrincipals.push(kubelet);
  const nodeRg = `MC_${D.resourceGroup}_${D.aksName}_${D.location}`;
  s.managedClusters.push({
    id: `/subscriptions/${sub}/resourceGroups/${D.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${D.aksName}`,
    name: D.aksName, type: 'Microsoft.ContainerService/ManagedClusters', location: D.location,
    sku: { name: 'Base', tier: 'Free' },
    identity: { type: 'SystemAssigned', principalId: randomUUID(), tenantId: D.tenantId },
    properties: {
      provisioningState: 'Succeeded', kubernetesVersion: '1.30.4', dnsPrefix: D.aksName,
      fqdn: `${D.aksName}-dns-1a2b3c4d.hcp.${D.location}.azmk8s.io`,
      nodeResourceGroup: nodeRg,
      identityProfile: {
        kubeletidentity: {
          resourceId: `/subscriptions/${sub}/resourceGroups/${nodeRg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${D.aksName}-agentpool`,
          clientId: kubelet.appId, objectId: kubelet.objectId,
        },
      },
    },
  });
  s.roleAssignments.push(roleAssignment({ scope: reg.arm.id, role: 'AcrPull', principalId: kubelet.objectId, subscriptionId: sub, createdOn: longAgo }));
  // The signed-in SP may read the cluster (so the AKS check can find it), nothing else in the group.
  s.roleAssignments.push(roleAssignment({ scope: s.managedClusters[0]!.id, role: 'Reader', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }));
  // The node resource group holds the kubelet identity (a user-assigned managed identity); the
  // signed-in SP may read it, so a client can tell whether that identity still exists.
  s.resourceGroups.push(resourceGroupJson(sub, nodeRg, D.location));
  s.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${sub}/resourceGroups/${nodeRg}`, role: 'Reader', principalId: sp.objectId, subscriptionId: sub, createdOn: longAgo }));

  // A VNet whose subnet has the ACR service endpoint.
  const vnetId = `/subscriptions/${sub}/resourceGroups/${D.resourceGroup}/providers/Microsoft.Network/virtualNetworks/contoso-vnet`;
  s.virtualNetworks.push({
    id: vnetId, name: 'contoso-vnet', type: 'Microsoft.Network/virtualNetworks', location: D.location,
    properties: {
      provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
      subnets: [{
        id: `${vnetId}/subnets/default`, name: 'default', type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: {
          addressPrefix: '10.1.0.0/24', provisioningState: 'Succeeded',
          serviceEndpoints: [{ service: 'Microsoft.ContainerRegistry', locations: ['*'], provisioningState: 'Succeeded' }],
        },
      }],
    },
  });

  // Log Analytics + diagnostic settings sending login events.
  const wsId = `/subscriptions/${sub}/resourceGroups/${D.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/contoso-logs`;
  s.workspaces.push({
    id: wsId, name: 'contoso-logs', type: 'Microsoft.OperationalInsights/workspaces', location: D.location,
    properties: { customerId: D.workspaceCustomerId, provisioningState: 'Succeeded', retentionInDays: 30 },
  });
  s.loginEvents[D.workspaceCustomerId] = [];
  s.diagnosticSettings[reg.arm.id.toLowerCase()] = [{
    id: `${reg.arm.id}/providers/microsoft.insights/diagnosticSettings/to-logs`, name: 'to-logs',
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: {
      workspaceId: wsId,
      logs: [
        { category: 'ContainerRegistryLoginEvents', categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } },
        { category: 'ContainerRegistryRepositoryEvents', categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } },
      ],
      metrics: [{ category: 'AllMetrics', enabled: false }],
    },
  }];

  // A second tenant where the same (multi-tenant) app has its own service principal.
  const sub2 = D.secondSubscriptionId;
  s.tenants.push(tenantJson(D.secondTenantId, 'Fabrikam', 'fabrikam.onmicrosoft.com'));
  s.subscriptions.push(subscriptionJson(sub2, D.secondTenantId, 'Fabrikam Dev'));
  s.resourceGroups.push(resourceGroupJson(sub2, 'fabrikam-rg', 'eastus'));
  s.providers[sub2.toLowerCase()] = providersFor(sub2);
  const fab = registryRecord({ subscriptionId: sub2, resourceGroup: 'fabrikam-rg', name: 'fabrikam', location: 'eastus', sku: 'Basic', now });
  s.registries.push(fab);
  const sp2: ServicePrincipal = { ...sp, tenantId: D.secondTenantId, objectId: randomUUID(), secrets: sp.secrets.map((x) => ({ ...x })) };
  s.servicePrincipals.push(sp2);
  s.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${sub2}`, role: 'Reader', principalId: sp2.objectId, subscriptionId: sub2, createdOn: longAgo }));
  return s;
}

/**
 * Resources frozen all the way down, so the simulator may cache answers built from them by
 * identity (Resource Graph's scale payload). A simulator write to a frozen registry thaws it first
 * (thawRegistry); a test that mutates one in place gets a TypeError instead of a stale answer.
 */
// A global symbol, not a module's WeakSet: the bench's loader may load this module twice (the
// scale registries made by one copy, served by the other's simulator). Not enumerable, so JSON,
// spreads and structuredClone (a thawed copy) leave it out.
const DEEP_FROZEN = Symbol.for('acr-doctor.sandbox.deep-frozen');

export function freezeDeep<T extends object>(o: T): T {
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || Object.isFrozen(v)) return;
    Object.freeze(v);
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
  };
  if (!Object.isFrozen(o)) Object.defineProperty(o, DEEP_FROZEN, { value: true });
  walk(o);
  return o;
}

export function isDeepFrozen(o: object): boolean {
  return (o as { [DEEP_FROZEN]?: boolean })[DEEP_FROZEN] === true;
}

/** Make a (scale mode) frozen registry writable again: fresh copies, new identities. */
export function thawRegistry(reg: RegistryRecord): void {
  if (Object.isFrozen(reg.arm)) reg.arm = structuredClone(reg.arm);
  if (reg.replications.some((r) => Object.isFrozen(r))) reg.replications = reg.replications.map((r) => structuredClone(r));
}

/**
 * Scale mode: `subscriptions` × `perSubscription` Standard registries (default 100 × 100 = 10 000)
 * in the first tenant, each readable by the default service principal (Reader on the subscription).
 * Their ARM objects are frozen (freezeDeep), so Resource Graph can serve them from its cache.
 */
export function addScaleRegistries(state: ArmState, opts: { subscriptions?: number; perSubscription?: number; principalId?: string; tenantId?: string; now?: Date } = {}): void {
  const nSubs = opts.subscriptions ?? 100;
  const per = opts.perSubscription ?? 100;
  const tenantId = opts.tenantId ?? state.tenants[0]?.tenantId ?? DEFAULT_IDS.tenantId;
  const principalId = opts.principalId ?? DEFAULT_IDS.spObjectId;
  const now = opts.now ?? new Date();
  const regions = ['westeurope', 'northeurope', 'eastus', 'westus2', 'southeastasia'];
  for (let i = 0; i < nSubs; i++) {
    const subId = `00000000-5ca1-4000-8000-${String(i).padStart(12, '0')}`;
    state.subscriptions.push(subscriptionJson(subId, tenantId, `Scale ${String(i).padStart(3, '0')}`));
    state.resourceGroups.push(resourceGroupJson(subId, 'scale-rg', regions[i % regions.length]!));
    state.providers[subId] = providersFor(subId);
    state.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${subId}`, role: 'Reader', principalId, subscriptionId: subId, createdOn: new Date(now.getTime() - days(30)) }));
    for (let j = 0; j < per; j++) {
      const name = `scale${String(i).padStart(3, '0')}r${String(j).padStart(3, '0')}`;
      const rec = registryRecord({ subscriptionId: subId, resourceGroup: 'scale-rg', name, location: regions[(i + j) % regions.length]!, sku: 'Standard', now });
      rec.adminPasswords = { password: '', password2: '' }; // unused; keeps 10 000 records light
      freezeDeep(rec.arm);
      rec.replications.forEach(freezeDeep);
      state.registries.push(rec);
    }
  }
}

// ---------------------------------------------------------------- pure helpers

export function findRegistryByLoginServer(state: ArmState, host: string): RegistryRecord | undefined {
  const h = host.toLowerCase().replace(/:443$/, '').replace(/\.$/, '');
  return state.registries.find((r) => r.arm.properties.loginServer.toLowerCase() === h);
}

/** The registry a data endpoint host (`<reg>.<region>.data.azurecr.io`) belongs to, and its region. */
export function findRegistryByDataEndpoint(state: ArmState, host: string): { registry: RegistryRecord; region: string } | undefined {
  const h = host.toLowerCase().replace(/:443$/, '');
  for (const r of state.registries) {
    const i = r.arm.properties.dataEndpointHostNames.findIndex((d) => d.toLowerCase() === h);
    if (i >= 0) return { registry: r, region: h.split('.')[1] ?? r.arm.location };
  }
  return undefined;
}

export function findRegistryById(state: ArmState, id: string): RegistryRecord | undefined {
  const l = id.toLowerCase();
  return state.registries.find((r) => r.arm.id.toLowerCase() === l);
}

export function findServicePrincipal(state: ArmState, tenantId: string, appId: string): ServicePrincipal | undefined {
  return state.servicePrincipals.find((p) => p.tenantId.toLowerCase() === tenantId.toLowerCase() && p.appId.toLowerCase() === appId.toLowerCase());
}

export function findPrincipalByObjectId(state: ArmState, objectId: string): ServicePrincipal | undefined {
  return state.servicePrincipals.find((p) => p.objectId.toLowerCase() === objectId.toLowerCase());
}

export function subscriptionOf(resourceId: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(resourceId)?.[1];
}

/** True when `scope` is `target` or one of its ancestors (`/`, subscription, resource group, …). */
export function scopeCovers(scope: string, target: string): boolean {
  const s = scope.replace(/\/+$/, '').toLowerCase();
  const t = target.replace(/\/+$/, '').toLowerCase();
  if (s === '') return true;       // '/' (root)
  return t === s || t.startsWith(`${s}/`);
}

function roleDefinitionFor(state: ArmState, roleDefinitionIdOrGuid: string): RoleDefinitionJson | undefined {
  const guid = roleDefinitionIdOrGuid.split('/').pop()!.toLowerCase();
  return state.roleDefinitions.find((d) => d.name.toLowerCase() === guid);
}

export function roleName(state: ArmState, roleDefinitionIdOrGuid: string): string | undefined {
  return roleDefinitionFor(state, roleDefinitionIdOrGuid)?.properties.roleName;
}

function globMatch(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

function permits(def: RoleDefinitionJson, action: string, data: boolean): boolean {
  return def.properties.permissions.some((p) => data
    ? p.dataActions.some((a) => globMatch(a, action)) && !p.notDataActions.some((a) => globMatch(a, action))
    : p.actions.some((a) => globMatch(a, action)) && !p.notActions.some((a) => globMatch(a, action)));
}

/** Role assignments of a principal whose scope covers `scope` (inherited from above included). */
export function assignmentsCovering(state: ArmState, principalId: string, scope: string): RoleAssignmentJson[] {
  const pid = principalId.toLowerCase();
  return state.roleAssignments.filter((a) => a.properties.principalId.toLowerCase() === pid && scopeCovers(a.properties.scope, scope));
}

function isEffective(state: ArmState, a: RoleAssignmentJson, now: Date): boolean {
  return Date.parse(a.properties.createdOn) + state.roleAssignmentPropagationMs <= now.getTime();
}

/** Control-plane check the ARM server uses: may the principal perform `action` on `scope`? */
export function armActionAllowed(state: ArmState, principalId: string, scope: string, action: string, _now = new Date()): boolean {
  return assignmentsCovering(state, principalId, scope).some((a) => {
    const def = roleDefinitionFor(state, a.properties.roleDefinitionId);
    return !!def && permits(def, action, false);
  });
}

/**
 * The same check as `armActionAllowed`, prepared once per request: the principal's assignments
 * and their role definitions are looked up once (10 000 registries × 10 000 assignments otherwise).
 */
export function armAccessChecker(state: ArmState, principalId: string): (scope: string, action: string) => boolean {
  const pid = principalId.toLowerCase();
  // Role definitions by assignment scope: a check walks the target's ancestors (root, subscription,
  // resource group, resource …) instead of every assignment — Resource Graph checks 10 000
  // resources against 100+ assignments per query in scale mode.
  const byScope = new Map<string, RoleDefinitionJson[]>();
  for (const a of state.roleAssignments) {
    if (a.properties.principalId.toLowerCase() !== pid) continue;
    const def = roleDefinitionFor(state, a.properties.roleDefinitionId);
    if (!def) continue;
    const scope = a.properties.scope.replace(/\/+$/, '').toLowerCase();
    const list = byScope.get(scope);
    if (list) list.push(def); else byScope.set(scope, [def]);
  }
  const cache = new Map<string, boolean>();
  const grants = (defs: RoleDefinitionJson[] | undefined, action: string) => !!defs && defs.some((def) => {
    const key = `${def.name}|${action}`;
    let v = cache.get(key);
    if (v === undefined) { v = permits(def, action, false); cache.set(key, v); }
    return v;
  });
  return (scope, action) => {
    const t = scope.replace(/\/+$/, '').toLowerCase();
    if (grants(byScope.get(''), action)) return true;
    for (let i = t.indexOf('/', 1); i !== -1; i = t.indexOf('/', i + 1)) if (grants(byScope.get(t.slice(0, i)), action)) return true;
    return grants(byScope.get(t), action);
  };
}

/** Simple reading of the ABAC conditions the portal writes for repository roles. */
function conditionAllowsRepository(condition: string | undefined, repository: string | undefined): boolean {
  if (!condition) return true;
  if (repository === undefined) return true;        // "some repository" — the caller asked in general
  const r = repository.toLowerCase();
  const eq = [...condition.matchAll(/StringEqualsIgnoreCase\s+'([^']*)'/gi)].map((m) => m[1]!.toLowerCase());
  const starts = [...condition.matchAll(/StringStartsWithIgnoreCase\s+'([^']*)'/gi)].map((m) => m[1]!.toLowerCase());
  if (!eq.length && !starts.length) return true;
  return eq.includes(r) || starts.some((p) => r.startsWith(p));
}

export type RegistryAction = 'pull' | 'push' | 'delete';

/** AcrPull, AcrPush, AcrDelete (and AcrImageSigner): not honoured in AbacRepositoryPermissions mode. */
const LEGACY_ACR_ROLES = new Set([ROLE_IDS.AcrPull, ROLE_IDS.AcrPush, ROLE_IDS.AcrDelete, '6cef56e8-d556-48e5-a04f-b8e64114680f']);

export interface EffectiveActions {
  /** What the registry grants now. */
  actions: RegistryAction[];
  /** What assignments younger than the propagation delay will grant once they apply. */
  pending: RegistryAction[];
  /** Names of the roles that granted (or will grant) something. */
  roles: string[];
  /** AcrPull/AcrPush/AcrDelete assignments ignored because of ABAC mode. */
  ignoredByAbac: string[];
}

/**
 * What a principal may do on a registry's data plane, from RBAC: AcrPull → pull, AcrPush → pull+push,
 * AcrDelete → delete, Owner/Contributor → all, Reader → pull (the docs' role table). In
 * `AbacRepositoryPermissions` mode AcrPull/AcrPush/AcrDelete are not honoured; the Container
 * Registry Repository roles count (limited to repositories by their ABAC condition, if any).
 * Assignments created less than `roleAssignmentPropagationMs` ago are reported as pending.
 */
export function effectiveRegistryActions(state: ArmState, principalId: string, registry: RegistryRecord, now = new Date(), repository?: string): EffectiveActions {
  const abac = registry.arm.properties.roleAssignmentMode === 'AbacRepositoryPermissions';
  const now_: RegistryAction[] = [];
  const later: RegistryAction[] = [];
  const roles = new Set<string>();
  const ignored = new Set<string>();
  const add = (list: RegistryAction[], a: RegistryAction) => { if (!list.includes(a)) list.push(a); };
  for (const a of assignmentsCovering(state, principalId, registry.arm.id)) {
    const def = roleDefinitionFor(state, a.properties.roleDefinitionId);
    if (!def) continue;
    const grants: RegistryAction[] = [];
    const legacyAcrRole = LEGACY_ACR_ROLES.has(def.name.toLowerCase());
    if (abac && legacyAcrRole) { ignored.add(def.properties.roleName); continue; }
    if (abac && !conditionAllowsRepository(a.properties.condition, repository)) continue;
    // Repository roles (data actions) count in both modes; Owner/Contributor/Reader and the Acr* roles
    // grant through control-plane actions (the Acr* ones only in legacy mode, see above).
    if (permits(def, `${ACR}/repositories/content/read`, true) || permits(def, `${ACR}/pull/read`, false)) grants.push('pull');
    if (permits(def, `${ACR}/repositories/content/write`, true) || permits(def, `${ACR}/push/write`, false)) grants.push('push');
    if (permits(def, `${ACR}/repositories/content/delete`, true) || permits(def, `${ACR}/artifacts/delete`, false)) grants.push('delete');
    if (!grants.length) continue;
    roles.add(def.properties.roleName);
    for (const g of grants) add(isEffective(state, a, now) ? now_ : later, g);
  }
  return { actions: now_, pending: later.filter((a) => !now_.includes(a)), roles: [...roles], ignoredByAbac: [...ignored] };
}

function ipv4ToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Does an ACR IP rule (`1.2.3.4` or `1.2.3.0/24`) match the client address? */
export function ipRuleMatches(rule: string, clientIp: string): boolean {
  const [base, bitsText] = rule.split('/');
  const ip = ipv4ToInt(clientIp.replace(/^::ffff:/, ''));
  const b = ipv4ToInt(base ?? '');
  if (ip === undefined || b === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === ((b & mask) >>> 0);
}

export type NetworkDecision =
  | { allowed: true; via: 'public' | 'ip-rule' | 'private-endpoint' | 'trusted-service' }
  | { allowed: false; reason: 'public-access-disabled' | 'ip-not-allowed' };

/**
 * How the registry's firewall treats a request (what the ACR front answers 403 for):
 * private endpoint traffic is always allowed; trusted Azure services pass when bypass is on;
 * otherwise public access must be Enabled and the default action Allow or an IP rule matching.
 */
export function networkDecision(registry: RegistryRecord, clientIp: string, via: { privateEndpoint?: boolean; trustedService?: boolean } = {}): NetworkDecision {
  const p = registry.arm.properties;
  if (via.privateEndpoint && p.privateEndpointConnections.some((c) => c.properties.privateLinkServiceConnectionState.status === 'Approved')) {
    return { allowed: true, via: 'private-endpoint' };
  }
  if (via.trustedService && p.networkRuleBypassOptions === 'AzureServices') return { allowed: true, via: 'trusted-service' };
  if (p.publicNetworkAccess === 'Disabled') return { allowed: false, reason: 'public-access-disabled' };
  const rules = p.networkRuleSet;
  if (!rules || rules.defaultAction === 'Allow' || registry.arm.sku.name !== 'Premium') return { allowed: true, via: 'public' };
  if (rules.ipRules.some((r) => ipRuleMatches(r.value, clientIp))) return { allowed: true, via: 'ip-rule' };
  return { allowed: false, reason: 'ip-not-allowed' };
}

export type SecretCheck =
  | { ok: true; principal: ServicePrincipal }
  | { ok: false; code: 'AADSTS700016' | 'AADSTS7000215' | 'AADSTS7000222' | 'AADSTS7000112'; message: string };

/** Entra's verdict on a client_credentials request (shared by entra.ts and the front's basic-auth SP login). */
export function checkClientSecret(state: ArmState, tenantId: string, clientId: string, secret: string, now = new Date()): SecretCheck {
  const sp = findServicePrincipal(state, tenantId, clientId);
  if (!sp || sp.kind !== 'application') {
    return { ok: false, code: 'AADSTS700016', message: `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.` };
  }
  if (!sp.accountEnabled) {
    return { ok: false, code: 'AADSTS7000112', message: `Application '${clientId}'(${sp.displayName}) is disabled.` };
  }
  const match = sp.secrets.find((x) => x.value === secret);
  if (!match) {
    return { ok: false, code: 'AADSTS7000215', message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.` };
  }
  if (Date.parse(match.endDateTime) <= now.getTime()) {
    return { ok: false, code: 'AADSTS7000222', message: `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.` };
  }
  return { ok: true, principal: sp };
}

export type RepositoryTokenCheck =
  | { ok: true; token: TokenRecord; scopeMap: ScopeMapJson }
  | { ok: false; reason: 'unknown-token' | 'wrong-password' | 'password-expired' | 'token-disabled' | 'scope-map-missing'; expiry?: string };

/** Basic-auth login with a repository-scoped token (username = token name). */
export function checkRepositoryToken(registry: RegistryRecord, username: string, password: string, now = new Date()): RepositoryTokenCheck {
  const token = registry.tokens.find((t) => t.arm.name === username);
  if (!token) return { ok: false, reason: 'unknown-token' };
  const entry = (Object.entries(token.passwordValues) as ['password1' | 'password2', string][]).find(([, v]) => v === password);
  if (!entry) return { ok: false, reason: 'wrong-password' };
  if (token.arm.properties.status !== 'enabled') return { ok: false, reason: 'token-disabled' };
  const meta = token.arm.properties.credentials.passwords.find((p) => p.name === entry[0]);
  if (meta?.expiry && Date.parse(meta.expiry) <= now.getTime()) return { ok: false, reason: 'password-expired', expiry: meta.expiry };
  const scopeMap = registry.scopeMaps.find((m) => m.id.toLowerCase() === token.arm.properties.scopeMapId.toLowerCase());
  if (!scopeMap) return { ok: false, reason: 'scope-map-missing' };
  return { ok: true, token, scopeMap };
}

/** Actions a scope map grants on a repository: `repositories/<repo|*>/content/read` → pull, …/write → push, …/delete → delete. */
export function scopeMapActions(scopeMap: ScopeMapJson, repository: string): RegistryAction[] {
  const out: RegistryAction[] = [];
  for (const a of scopeMap.properties.actions) {
    const m = /^repositories\/(.+)\/(content|metadata)\/(read|write|delete)$/i.exec(a);
    if (!m || m[2]!.toLowerCase() !== 'content') continue;
    if (!globMatch(m[1]!, repository)) continue;
    const act: RegistryAction = m[3]!.toLowerCase() === 'read' ? 'pull' : m[3]!.toLowerCase() === 'write' ? 'push' : 'delete';
    if (!out.includes(act)) out.push(act);
  }
  return out;
}

export type AdminCheck = { ok: true } | { ok: false; reason: 'admin-disabled' | 'wrong-password' };

export function checkAdminLogin(registry: RegistryRecord, username: string, password: string): AdminCheck {
  if (username.toLowerCase() !== registry.arm.name.toLowerCase()) return { ok: false, reason: 'wrong-password' };
  const ok = password !== '' && (password === registry.adminPasswords.password || password === registry.adminPasswords.password2);
  if (!ok) return { ok: false, reason: 'wrong-password' };
  if (!registry.arm.properties.adminUserEnabled) return { ok: false, reason: 'admin-disabled' };
  return { ok: true };
}

/** Every secret in the state (client secrets, admin and token passwords, issued tokens) for leak scans. */
export function stateSecrets(state: ArmState): string[] {
  const out: string[] = [];
  for (const sp of state.servicePrincipals) for (const s of sp.secrets) out.push(s.value);
  for (const r of state.registries) {
    if (r.adminPasswords.password) out.push(r.adminPasswords.password, r.adminPasswords.password2);
    for (const t of r.tokens) out.push(...Object.values(t.passwordValues).filter((v): v is string => !!v));
  }
  out.push(...state.issuedTokens);
  return [...new Set(out)];
}
