// The Azure resources that pull from a registry (App Service and Functions apps, Container Apps,
// Container Instances groups, Machine Learning workspaces), found with one Resource Graph query
// for the registry's login server (and, for ML, its resource id), and what each says about the
// identity it pulls with and where it sits in a network. ARM returns these half-filled often
// (no identity block, a registry entry without a server, unknown types): every reader here
// tolerates that and records what was missing in `gaps` instead of throwing.
import { AzureAccessError, armCall } from './errors';
import { armRequest, type ArmAccess } from './connection';
import { arr, rec, str } from '../text/json-guards';
import { parseTopLevelResourceId } from '../registry/resource-id';

export type PullerKind = 'appservice' | 'functions' | 'containerapp' | 'aci' | 'ml' | 'task' | 'connected-registry' | 'aks';

/** How a service authenticates its pulls from this registry. */
export type PullerCredential =
  | { kind: 'system-mi' }
  /** A user-assigned identity by resource id (Container Apps, ACI) or client id (App Service's acrUserManagedIdentityID). */
  | { kind: 'user-mi'; resourceId?: string; clientId?: string }
  /** The registry's admin user (user name = registry name). */
  | { kind: 'admin'; username: string }
  /** A service principal's client id as user name. */
  | { kind: 'service-principal'; clientId: string }
  /** Another stored user name and password (a repository token, …). */
  | { kind: 'password'; username: string }
  /** An ACR Task run's own token for its registry (sourceRegistry loginMode Default): no identity needed. */
  | { kind: 'task-token' }
  /** A repository-scoped token of the registry by resource id (a connected registry's sync token). */
  | { kind: 'acr-token'; tokenId: string }
  /** Nothing configured: an anonymous pull. */
  | { kind: 'anonymous' }
  /** ARM did not say (settings not readable, an App Service app with the credentials in app settings we may not list). */
  | { kind: 'unknown'; why: string };

export interface PullerIdentities {
  systemPrincipalId?: string;
  userAssigned: { resourceId: string; principalId?: string; clientId?: string }[];
}

export interface Puller {
  id: string;
  name: string;
  kind: PullerKind;
  /** ARM type as ARM spells it (Microsoft.Web/sites, …). */
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  /** The images it runs from this registry (login server included). */
  images: string[];
  credential: PullerCredential;
  identities: PullerIdentities;
  network: {
    /** Subnets the service's outbound traffic leaves from (App Service VNet integration, ACI subnetIds, the Container Apps environment). */
    subnetIds: string[];
    /** App Service: image pulls go over the VNet integration (vnetImagePullEnabled / outboundVnetRouting.imagePullTraffic). */
    vnetImagePull?: boolean;
    /** Container Apps: the managed environment, whose VNet is read separately. */
    environmentId?: string;
  };
  /** What ARM left out of this resource (half-filled), in words. */
  gaps: string[];
  /** App Service: how the app runs its containers (sitecontainers: linuxFxVersion SITECONTAINERS, its main container a site container). */
  siteMode?: 'sitecontainers' | 'linux' | 'windows';
  /** A row for one App Service site container (site-containers.ts): the main one keeps the site's id and name. */
  container?: { site: string; siteId: string; name: string; isMain: boolean };
  /** A connected registry: its connection to this registry, as ARM reports it. */
  connected?: { connectionState?: string; activation?: string; lastActivityTime?: string; clientTokenIds: string[]; statusDetail?: string };
}

export interface PullerListResult {
  pullers: Puller[];
  /** True when the bound was reached: more resources reference the registry than were read. */
  truncated: boolean;
  /** Rows Resource Graph had in all (its totalRecords), when it said. */
  totalRecords?: number;
  /** Rows that named the registry but could not be understood (no id, an unknown type). */
  skipped: number;
}

const PULLER_TYPES: Record<string, PullerKind> = {
  'microsoft.web/sites': 'appservice',
  'microsoft.web/sites/slots': 'appservice',
  'microsoft.app/containerapps': 'containerapp',
  'microsoft.containerinstance/containergroups': 'aci',
  'microsoft.machinelearningservices/workspaces': 'ml',
};

/** Login servers and resource ids are plain DNS names and ARM ids; anything else would break out of the KQL string. */
function kqlLiteral(s: string): string {
  if (!/^[A-Za-z0-9./_()-]+$/.test(s)) throw new AzureAccessError('invalid-response', `"${s.slice(0, 80)}" cannot go into a Resource Graph query.`, 'find the resources that pull from the registry');
  return `'${s}'`;
}

/** The one Resource Graph query: every resource of the puller types whose properties name the login server (ML: the registry id). */
export function pullersGraphQuery(loginServer: string, registryId: string): string {
  return [
    'resources',
    `| where type in~ (${Object.keys(PULLER_TYPES).map((t) => `'${t}'`).join(', ')})`,
    // Sites in sidecar mode name their images only in their site containers, which Resource Graph
    // does not index: each is listed and its containers read (site-containers.ts).
    `| where tostring(properties) contains ${kqlLiteral(loginServer.toLowerCase())} or tostring(properties.containerRegistry) =~ ${kqlLiteral(registryId)} or (type in~ ('microsoft.web/sites', 'microsoft.web/sites/slots') and tostring(properties.siteProperties) contains 'sitecontainers')`,
    '| project id, name, type, kind, location, subscriptionId, resourceGroup, identity, properties',
    '| order by id asc',
  ].join('\n');
}

export function identitiesOf(identity: unknown): PullerIdentities {
  const o = rec(identity);
  const ua = rec(o.userAssignedIdentities);
  return {
    systemPrincipalId: /systemassigned/i.test(str(o.type) ?? '') ? str(o.principalId)?.toLowerCase() : undefined,
    userAssigned: Object.entries(ua).map(([resourceId, v]) => ({
      resourceId, principalId: str(rec(v).principalId)?.toLowerCase(), clientId: str(rec(v).clientId)?.toLowerCase(),
    })),
  };
}

/** `contoso.azurecr.io/app:1` out of `DOCKER|contoso.azurecr.io/app:1` (App Service's fx version), `COMPOSE|<base64>` skipped. */
function imageOfFxVersion(fx: string | undefined): string | undefined {
  const m = /^(?:DOCKER)\|(.+)$/i.exec(fx ?? '');
  return m ? m[1].trim() : undefined;
}

function imageHost(image: string): string {
  return image.split('/')[0].toLowerCase();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Admin user, service principal or another stored user, by its user name. */
export function credentialOfUsername(username: string, registryName: string): PullerCredential {
  if (username.toLowerCase() === registryName.toLowerCase()) return { kind: 'admin', username };
  if (GUID.test(username)) return { kind: 'service-principal', clientId: username.toLowerCase() };
  return { kind: 'password', username };
}

/** The fx versions of a site as ARM's GET has them (siteConfig) and as Resource Graph has them (siteProperties.properties). */
function fxVersions(p: Record<string, unknown>): string[] {
  const sc = rec(p.siteConfig);
  const fromGraph = arr(rec(p.siteProperties).properties).map(rec)
    .filter((x) => /^(linux|windows)fxversion$/i.test(str(x.name) ?? '')).map((x) => str(x.value));
  return [str(sc.linuxFxVersion), str(sc.windowsFxVersion), ...fromGraph].filter((x): x is string => !!x);
}

function site(row: Record<string, unknown>, base: Omit<Puller, 'images' | 'credential' | 'network' | 'kind'>, loginServer: string): Puller {
  const p = rec(row.properties);
  const sc = rec(p.siteConfig);
  const fx = fxVersions(p);
  const images = [...new Set(fx.map(imageOfFxVersion).filter((x): x is string => !!x && imageHost(x) === loginServer))];
  const siteMode: Puller['siteMode'] = fx.some((x) => /^sitecontainers$/i.test(x.trim())) ? 'sitecontainers'
    // `reserved` is true for Linux plans; kind names linux or windows for container apps.
    : /windows/i.test(str(row.kind) ?? '') || (!/linux/i.test(str(row.kind) ?? '') && p.reserved !== true) ? 'windows' : 'linux';
  const gaps = [...base.gaps];
  if (!images.length && siteMode !== 'sitecontainers') gaps.push('no linuxFxVersion/windowsFxVersion names an image of this registry (a sidecar or a compose file may)');
  const subnet = str(p.virtualNetworkSubnetId);
  const routing = rec(p.outboundVnetRouting);
  const vnetImagePull = typeof routing.imagePullTraffic === 'boolean' ? routing.imagePullTraffic : typeof p.vnetImagePullEnabled === 'boolean' ? p.vnetImagePullEnabled : undefined;
  // The credentials App Service pulls with live in siteConfig (acrUseManagedIdentityCreds), which
  // Resource Graph leaves empty: readPullerDetails fills them from config/web.
  const credential: PullerCredential = typeof sc.acrUseManagedIdentityCreds === 'boolean'
    ? (sc.acrUseManagedIdentityCreds ? miOfClientId(str(sc.acrUserManagedIdentityID)) : { kind: 'unknown', why: 'the credentials are in the app settings' })
    : { kind: 'unknown', why: 'siteConfig not read yet' };
  return {
    ...base, kind: /functionapp/i.test(str(row.kind) ?? '') ? 'functions' : 'appservice', images, credential, gaps, siteMode,
    network: { subnetIds: subnet ? [subnet] : [], ...(vnetImagePull !== undefined ? { vnetImagePull } : {}) },
  };
}

export function miOfClientId(clientId: string | undefined): PullerCredential {
  return clientId && GUID.test(clientId) ? { kind: 'user-mi', clientId: clientId.toLowerCase() } : { kind: 'system-mi' };
}

function miOfReference(identity: string): PullerCredential {
  return /^\[?system\]?$/i.test(identity) ? { kind: 'system-mi' } : { kind: 'user-mi', resourceId: identity };
}

function containerApp(row: Record<string, unknown>, base: Omit<Puller, 'images' | 'credential' | 'network' | 'kind'>, loginServer: string, registryName: string): Puller {
  const p = rec(row.properties);
  const t = rec(p.template);
  const images = [...arr(t.containers), ...arr(t.initContainers)].map((c) => str(rec(c).image)).filter((x): x is string => !!x && imageHost(x) === loginServer);
  const reg = arr(rec(p.configuration).registries).map(rec).find((r) => (str(r.server) ?? '').toLowerCase() === loginServer);
  const gaps = [...base.gaps];
  let credential: PullerCredential;
  if (!reg) { credential = { kind: 'anonymous' }; gaps.push(`configuration.registries has no entry for ${loginServer}`); } else if (str(reg.identity)) credential = miOfReference(str(reg.identity)!);
  else if (str(reg.username)) credential = credentialOfUsername(str(reg.username)!, registryName);
  else { credential = { kind: 'unknown', why: 'the registry entry names neither an identity nor a user name' }; gaps.push('registry entry without identity or username'); }
  const env = str(p.managedEnvironmentId) ?? str(p.environmentId);
  return { ...base, kind: 'containerapp', images: [...new Set(images)], credential, gaps, network: { subnetIds: [], ...(env ? { environmentId: env } : {}) } };
}

function containerGroup(row: Record<string, unknown>, base: Omit<Puller, 'images' | 'credential' | 'network' | 'kind'>, loginServer: string, registryName: string): Puller {
  const p = rec(row.properties);
  const images = [...arr(p.containers), ...arr(p.initContainers)].map((c) => str(rec(rec(c).properties).image)).filter((x): x is string => !!x && imageHost(x) === loginServer);
  const cred = arr(p.imageRegistryCredentials).map(rec).find((r) => (str(r.server) ?? '').toLowerCase() === loginServer);
  const gaps = [...base.gaps];
  let credential: PullerCredential;
  if (!cred) credential = { kind: 'anonymous' };
  else if (str(cred.identity)) credential = miOfReference(str(cred.identity)!);
  else if (str(cred.username)) credential = credentialOfUsername(str(cred.username)!, registryName);
  else { credential = { kind: 'unknown', why: 'the registry credential names neither an identity nor a user name' }; gaps.push('imageRegistryCredentials entry without identity or username'); }
  const subnetIds = arr(p.subnetIds).map((s) => str(rec(s).id)).filter((x): x is string => !!x);
  return { ...base, kind: 'aci', images: [...new Set(images)], credential, gaps, network: { subnetIds } };
}

function mlWorkspace(row: Record<string, unknown>, base: Omit<Puller, 'images' | 'credential' | 'network' | 'kind'>): Puller {
  // A workspace pulls its environments' images with its own (system or primary user-assigned) identity.
  const p = rec(row.properties);
  const primary = str(p.primaryUserAssignedIdentity);
  return { ...base, kind: 'ml', images: [], credential: primary ? { kind: 'user-mi', resourceId: primary } : { kind: 'system-mi' }, network: { subnetIds: [] } };
}

/** Pullers out of Resource Graph rows (objectArray); a malformed row is counted in `skipped`, never thrown. */
export function pullersFromGraphRows(rows: unknown, registry: { loginServer: string; name: string }): { pullers: Puller[]; skipped: number } {
  if (!Array.isArray(rows)) throw new AzureAccessError('invalid-response', 'Resource Graph answered without a data array.', 'find the resources that pull from the registry');
  const loginServer = registry.loginServer.toLowerCase();
  const pullers: Puller[] = [];
  let skipped = 0;
  for (const raw of rows) {
    const row = rec(raw);
    const id = str(row.id);
    const type = str(row.type)?.toLowerCase();
    const kind = type ? PULLER_TYPES[type] : undefined;
    const parts = id ? parseTopLevelResourceId(id) : undefined;
    if (!id || !kind || !parts) { skipped++; continue; }
    const gaps: string[] = [];
    if (row.identity === null || row.identity === undefined) gaps.push('no identity block');
    const base = {
      id, name: str(row.name) ?? id.split('/').pop()!, type: str(row.type)!, subscriptionId: (str(row.subscriptionId) ?? parts.subscriptionId).toLowerCase(),
      resourceGroup: str(row.resourceGroup) ?? parts.resourceGroup, location: str(row.location), identities: identitiesOf(row.identity), gaps,
    };
    if (row.properties === null || typeof row.properties !== 'object') gaps.push('no properties');
    switch (kind) {
      case 'appservice': case 'functions': pullers.push(site(row, base, loginServer)); break;
      case 'containerapp': pullers.push(containerApp(row, base, loginServer, registry.name)); break;
      case 'aci': pullers.push(containerGroup(row, base, loginServer, registry.name)); break;
      case 'ml': pullers.push(mlWorkspace(row, base)); break;
    }
  }
  return { pullers, skipped };
}

/** At most this many resources are read (Resource Graph pages of 1 000): a subscription with thousands of apps is bounded, not walked whole. */
export const PULLERS_MAX_ROWS = 5000;

/** The resources that pull from the registry: one Resource Graph query, paged by $skipToken, bounded by `maxRows`. */
export async function listPullers(azure: ArmAccess, registry: { id: string; name: string; loginServer: string }, opts: { subscriptionIds?: string[]; signal?: AbortSignal; maxRows?: number; pageSize?: number } = {}): Promise<PullerListResult> {
  const operation = 'find the resources that pull from the registry (Azure Resource Graph)';
  const query = pullersGraphQuery(registry.loginServer, registry.id);
  const max = Math.max(1, opts.maxRows ?? PULLERS_MAX_ROWS);
  const top = Math.min(1000, Math.max(1, opts.pageSize ?? 1000));
  const rows: unknown[] = [];
  let skipToken: string | undefined;
  let totalRecords: number | undefined;
  let truncated = false;
  for (;;) {
    const res = await armCall(operation, () => armRequest<{ data?: unknown; $skipToken?: unknown; totalRecords?: unknown }>(azure, 'POST', '/providers/Microsoft.ResourceGraph/resources', {
      apiVersion: '2021-03-01', signal: opts.signal, operation,
      body: {
        query,
        ...(opts.subscriptionIds ? { subscriptions: opts.subscriptionIds.slice(0, 1000) } : {}),
        options: { resultFormat: 'objectArray', $top: Math.min(top, max - rows.length), ...(skipToken ? { $skipToken: skipToken } : {}) },
      },
    }), opts.signal) ?? {};
    if (!Array.isArray(res.data)) throw new AzureAccessError('invalid-response', 'Resource Graph answered without a data array.', operation);
    if (typeof res.totalRecords === 'number') totalRecords = res.totalRecords;
    rows.push(...res.data);
    skipToken = typeof res.$skipToken === 'string' && res.$skipToken ? res.$skipToken : undefined;
    if (!skipToken) break;
    if (rows.length >= max || !res.data.length) { truncated = true; break; }
  }
  const { pullers, skipped } = pullersFromGraphRows(rows, registry);
  return { pullers, truncated, skipped, ...(totalRecords !== undefined ? { totalRecords } : {}) };
}

/** A puller named by the user: its name (case-insensitive) or resource id. */
export function findPuller(pullers: readonly Puller[], named: string): Puller | undefined {
  const n = named.trim().toLowerCase();
  return pullers.find((p) => p.id.toLowerCase() === n) ?? pullers.find((p) => p.name.toLowerCase() === n);
}

/** Each kind of puller in words. */
const KIND_WORDS: Record<PullerKind, string> = { appservice: 'App Service app', functions: 'Functions app', containerapp: 'Container App', aci: 'container group', ml: 'Machine Learning workspace', task: 'ACR task', 'connected-registry': 'connected registry', aks: 'AKS cluster' };

/** What kind of puller it is, in words, for lists: "App Service app", "App Service sidecar". */
export function pullerKindLabel(p: Pick<Puller, 'kind' | 'container'>): string {
  if (p.container && !p.container.isMain) return p.kind === 'functions' ? 'Functions sidecar' : 'App Service sidecar';
  return KIND_WORDS[p.kind];
}

/** In words, for messages: "App Service app contoso-web". */
export function pullerLabel(p: Pick<Puller, 'kind' | 'name' | 'container'>): string {
  if (p.container && !p.container.isMain) return `sidecar ${p.container.name} of ${KIND_WORDS[p.kind]} ${p.container.site}`;
  return `${KIND_WORDS[p.kind]} ${p.name}`;
}
