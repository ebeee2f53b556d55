// Everything the checks need to know about one registry from ARM, in one plain object: the
// registry's properties (network rules, data endpoints, policies, auth settings, encryption),
// its replications (one data endpoint per region), private endpoint connections, repository
// tokens with their scope maps. Found by login server or resource name across subscriptions
// (one Resource Graph query, else registries.list() per subscription); null when not found.
import { AzureAccessError, armCall, toAzureError } from './errors';
import { armRequest, principalKeyOf, registryClient, type ArmAccess } from './connection';
import { listRegistries } from './list-registries';
import { str, arr, rec } from '../text/json-guards';
import { parseTopLevelResourceId } from '../registry/resource-id';

export interface RegistryRef {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface ReplicationView {
  name: string;
  location: string;
  provisioningState?: string;
  status?: string;
  regionEndpointEnabled?: boolean;
  /** `<registry>.<region>.data.<suffix>` when dedicated data endpoints are on. */
  dataEndpointHost?: string;
}

export interface PrivateEndpointConnectionView {
  name: string;
  privateEndpointId?: string;
  /** Approved | Pending | Rejected | Disconnected */
  status: string;
  description?: string;
}

export interface ScopeMapView {
  id: string;
  name: string;
  type?: string;
  /** e.g. `repositories/hello/content/read` */
  actions: string[];
}

export interface TokenView {
  id: string;
  name: string;
  /** enabled | disabled */
  status: string;
  scopeMapId?: string;
  scopeMapName?: string;
  /** The scope map's actions (empty when the map could not be read). */
  actions: string[];
  passwords: { name: string; created?: Date; expiry?: Date }[];
}

export interface ArmRegistryView extends RegistryRef {
  loginServer: string;
  location?: string;
  sku?: string;
  provisioningState?: string;
  adminUserEnabled: boolean;
  anonymousPullEnabled: boolean;
  /** Enabled | Disabled */
  publicNetworkAccess?: string;
  /** Allow | Deny; undefined for SKUs without network rules. */
  defaultAction?: string;
  ipRules: string[];
  /** Subnet ids of VNet (service endpoint) rules, when ARM still returns them. */
  virtualNetworkRules: string[];
  /** AzureServices | None */
  networkRuleBypassOptions?: string;
  dataEndpointEnabled: boolean;
  dataEndpointHostNames: string[];
  /** LegacyRegistryPermissions | AbacRepositoryPermissions */
  roleAssignmentMode?: string;
  /** policies.azureADAuthenticationAsArmPolicy.status === 'disabled': ARM-audience tokens are refused. */
  armAudienceDisabled: boolean;
  encryption: { status?: string; keyIdentifier?: string; identityClientId?: string };
  identity?: { type?: string; principalId?: string; userAssigned: { resourceId: string; principalId?: string; clientId?: string }[] };
  replications: ReplicationView[];
  /** Data endpoint host per region (home region first); empty without dedicated data endpoints. */
  dataEndpoints: { region: string; host: string }[];
  privateEndpointConnections: PrivateEndpointConnectionView[];
  tokens: TokenView[];
  scopeMaps: ScopeMapView[];
  /** Parts that could not be read (e.g. forbidden), with why; the rest is still filled. */
  gaps: { part: 'replications' | 'tokens' | 'scopeMaps'; error: AzureAccessError }[];
}

const date = (v: unknown): Date | undefined => {
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

export function parseRegistryId(id: string): RegistryRef {
  const m = parseTopLevelResourceId(id.trim());
  if (!m || !/^Microsoft\.ContainerRegistry$/i.test(m.provider) || !/^registries$/i.test(m.type)) throw new AzureAccessError('bad-request', `'${id}' is not a container registry resource id (/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerRegistry/registries/…).`, 'parse registry id');
  return { id: id.trim(), subscriptionId: m.subscriptionId, resourceGroup: m.resourceGroup, name: m.name };
}

/** What a user typed: a login server (`contoso.azurecr.io`) or a resource name (`contoso`). */
function lookupKeys(nameOrLoginServer: string): { loginServer?: string; name: string } {
  const v = nameOrLoginServer.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/:\d+$/, '');
  if (!/^[a-z0-9][a-z0-9.-]{0,252}$/.test(v)) {
    throw new AzureAccessError('bad-request', `'${nameOrLoginServer}' is not a registry name or login server.`, 'find registry');
  }
  return v.includes('.') ? { loginServer: v, name: v.split('.')[0] } : { name: v };
}

/** Find a registry's resource id by login server or name (Resource Graph, else a listing). */
export async function findRegistry(azure: ArmAccess, nameOrLoginServer: string, signal?: AbortSignal): Promise<RegistryRef | null> {
  const keys = lookupKeys(nameOrLoginServer);
  const match = (name: string, loginServer: string) => keys.loginServer ? loginServer === keys.loginServer : name === keys.name;
  try {
    const query = [
      'resources',
      "| where type =~ 'microsoft.containerregistry/registries'",
      keys.loginServer ? `| where tostring(properties.loginServer) =~ '${keys.loginServer}'` : `| where name =~ '${keys.name}'`,
      '| project id, name, loginServer = tostring(properties.loginServer)',
    ].join('\n');
    // One request through the run's ARM pipeline and connection (armRequest), not the Resource Graph
    // SDK: that client runs on the older ms-rest-js stack (node-fetch, its own agent and TLS
    // handshake), evaluated and connected for this one query on every diagnosis.
    // No subscriptions listed: every subscription the account can see, so a registry outside the
    // default subscription is still found.
    const operation = 'find registry with Azure Resource Graph';
    const res = await armCall(operation, () => armRequest<{ data?: unknown }>(azure, 'POST', '/providers/Microsoft.ResourceGraph/resources', {
      apiVersion: '2021-03-01', signal, operation, body: { query, options: { resultFormat: 'objectArray', $top: 10 } },
    }), signal) ?? {};
    if (!Array.isArray(res.data)) throw new AzureAccessError('invalid-response', 'Resource Graph answered without a data array.', 'find registry');
    const hits = (res.data as unknown[]).map(rec).filter((r) => typeof r.id === 'string' && match((str(r.name) ?? '').toLowerCase(), (str(r.loginServer) ?? '').toLowerCase()));
    // Several registries may share a resource name across clouds' suffixes; prefer the default subscription's.
    const preferred = hits.find((r) => azure.subscriptionId && String(r.id).toLowerCase().startsWith(`/subscriptions/${azure.subscriptionId.toLowerCase()}/`)) ?? hits[0];
    return preferred ? parseRegistryId(String(preferred.id)) : null;
  } catch (e) {
    const err = toAzureError(e, 'find registry');
    if (err.kind === 'cancelled' || err.kind === 'unauthenticated' || err.kind === 'credential-unavailable') throw err;
    // Resource Graph unavailable: list per subscription instead.
    const listed = await listRegistries(azure, { signal, resourceGraph: false });
    const hit = listed.registries.find((r) => r.id && match(r.name, r.loginServer));
    if (hit?.id) return parseRegistryId(hit.id);
    if (listed.failures.length && !listed.registries.length) throw listed.failures[0].error;
    return null;
  }
}

/**
 * How long a registry's resource id, once found, is taken as known for the same principal, ARM
 * endpoint and tenant: a second diagnosis soon after the first skips the Resource Graph lookup (one
 * ARM round trip). Only the id is kept: the registry's own reads (network rules, public access, SKU)
 * are made again on every run, so a changed firewall is seen. A kept id that no longer answers
 * (deleted, moved) is dropped and looked up again (loadNetworkArmFacts).
 */
export const REGISTRY_REF_TTL_MS = 60_000;
const knownRefs = new WeakMap<object, Map<string, { ref: RegistryRef; at: number }>>();

function refKey(azure: ArmAccess, nameOrLoginServer: string): string {
  return JSON.stringify([azure.armEndpoint.replace(/\/+$/, '').toLowerCase(), azure.tenantId?.toLowerCase() ?? '', azure.subscriptionId?.toLowerCase() ?? '', nameOrLoginServer.trim().toLowerCase()]);
}

/** findRegistry, answered from a lookup younger than REGISTRY_REF_TTL_MS when there is one (`kept`). */
export async function findRegistryKept(azure: ArmAccess, nameOrLoginServer: string, signal?: AbortSignal, now: () => number = Date.now): Promise<{ ref: RegistryRef | null; kept: boolean }> {
  const principal = principalKeyOf(azure.credential);
  const key = refKey(azure, nameOrLoginServer);
  const hit = knownRefs.get(principal)?.get(key);
  if (hit && now() - hit.at < REGISTRY_REF_TTL_MS) return { ref: hit.ref, kept: true };
  const ref = await findRegistry(azure, nameOrLoginServer, signal);
  let byKey = knownRefs.get(principal);
  if (!byKey) { byKey = new Map(); knownRefs.set(principal, byKey); }
  if (ref) byKey.set(key, { ref, at: now() }); else byKey.delete(key);
  return { ref, kept: false };
}

/** Drops a kept lookup (its registry no longer answers at that id). */
export function forgetRegistryRef(azure: ArmAccess, nameOrLoginServer: string): void {
  knownRefs.get(principalKeyOf(azure.credential))?.delete(refKey(azure, nameOrLoginServer));
}

/**
 * The registry's ARM view. `registry` is a login server, a resource name or a resource id.
 * null when no registry matches (or ARM says 404); AzureAccessError for 401/403/network/etc.
 */
export async function fetchRegistryView(azure: ArmAccess, registry: string | RegistryRef, signal?: AbortSignal): Promise<ArmRegistryView | null> {
  const ref = typeof registry !== 'string' ? registry
    : registry.trim().startsWith('/') ? parseRegistryId(registry)
    : await findRegistry(azure, registry, signal);
  if (!ref) return null;
  const client = registryClient(azure, ref.subscriptionId);
  const gaps: ArmRegistryView['gaps'] = [];
  const part = async <T>(name: ArmRegistryView['gaps'][number]['part'], fn: () => Promise<T[]>): Promise<T[] | AzureAccessError> => {
    try {
      return await armCall(`read ${name} of ${ref.name}`, fn, signal);
    } catch (e) {
      return toAzureError(e, `read ${name} of ${ref.name}`);
    }
  };
  const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => { const out: T[] = []; for await (const x of it) out.push(x); return out; };
  let raw: Record<string, unknown> = {};
  // Sent first, so it takes the first idle connection: the network checks wait on it.
  const regP = armCall(`read registry ${ref.name}`, () => client.registries.get(ref.resourceGroup, ref.name, {
    abortSignal: signal,
    // The SDK model drops fields newer/older api-versions carry (virtualNetworkRules): keep the raw body too.
    onResponse: (r) => { raw = rec(r.parsedBody); },
  }), signal);
  // The registry's parts go out beside the registry's own read (one ARM round trip instead of two):
  // replications before the SKU is known, kept only for a Premium registry (the others have none).
  const partsP = Promise.all([
    part('replications', () => collect(client.replications.list(ref.resourceGroup, ref.name, { abortSignal: signal }))),
    part('scopeMaps', () => collect(client.scopeMaps.list(ref.resourceGroup, ref.name, { abortSignal: signal }))),
    part('tokens', () => collect(client.tokens.list(ref.resourceGroup, ref.name, { abortSignal: signal }))),
  ]);
  let reg;
  try {
    reg = await regP;
  } catch (e) {
    if (e instanceof AzureAccessError && e.kind === 'not-found') return null;
    throw e;
  }
  const rawProps = rec(raw.properties);
  const loginServer = str(reg.loginServer)?.toLowerCase() ?? str(rawProps.loginServer)?.toLowerCase();
  if (!loginServer) throw new AzureAccessError('invalid-response', `ARM returned registry ${ref.name} without a login server.`, 'read registry');
  const premium = (str(reg.sku?.name) ?? '').toLowerCase() === 'premium';
  const [replicationsRead, scopeMapsRead, tokensRead] = await partsP;
  const kept = <T>(name: ArmRegistryView['gaps'][number]['part'], read: T[] | AzureAccessError): T[] => {
    if (!(read instanceof AzureAccessError)) return read;
    if (read.kind === 'cancelled') throw read;
    gaps.push({ part: name, error: read });
    return [];
  };
  const replications = premium ? kept('replications', replicationsRead) : [];
  const scopeMaps = kept('scopeMaps', scopeMapsRead);
  const tokens = kept('tokens', tokensRead);

  const suffix = loginServer.slice(loginServer.indexOf('.') + 1);
  const dataEndpointEnabled = reg.dataEndpointEnabled === true;
  const dataEndpointHostNames = arr(reg.dataEndpointHostNames).map(str).filter((x): x is string => !!x).map((h) => h.toLowerCase());
  const hostFor = (region: string) => dataEndpointHostNames.find((h) => h === `${ref.name.toLowerCase()}.${region.toLowerCase()}.data.${suffix}`)
    ?? (dataEndpointEnabled ? `${ref.name.toLowerCase()}.${region.toLowerCase()}.data.${suffix}` : undefined);
  const replicationViews: ReplicationView[] = replications.map((r) => ({
    name: str(r.name) ?? '?', location: str(r.location) ?? str(r.name) ?? '?',
    provisioningState: str(r.provisioningState), status: str(r.status?.displayStatus),
    regionEndpointEnabled: typeof r.regionEndpointEnabled === 'boolean' ? r.regionEndpointEnabled : undefined,
    dataEndpointHost: hostFor(str(r.location) ?? str(r.name) ?? ''),
  }));
  const home = (str(reg.location) ?? '').toLowerCase();
  const regions = [home, ...replicationViews.map((r) => r.location.toLowerCase()).filter((r) => r !== home)].filter(Boolean);
  const dataEndpoints = dataEndpointEnabled
    ? regions.map((region) => ({ region, host: hostFor(region)! }))
    : [];
  const scopeMapViews: ScopeMapView[] = scopeMaps.map((m) => ({
    id: str(m.id) ?? '', name: str(m.name) ?? '?', type: str(m.typePropertiesType),
    actions: arr(m.actions).map(str).filter((x): x is string => !!x),
  }));
  const tokenViews: TokenView[] = tokens.map((t) => {
    const scopeMapId = str(t.scopeMapId);
    const map = scopeMapViews.find((m) => scopeMapId && m.id.toLowerCase() === scopeMapId.toLowerCase());
    return {
      id: str(t.id) ?? '', name: str(t.name) ?? '?', status: str(t.status) ?? 'enabled', scopeMapId,
      scopeMapName: map?.name ?? scopeMapId?.split('/').pop(), actions: map?.actions ?? [],
      passwords: arr(t.credentials?.passwords).map((p) => rec(p)).map((p) => ({ name: str(p.name) ?? '?', created: date(p.creationTime), expiry: date(p.expiry) })),
    };
  });
  const rawRules = rec(rawProps.networkRuleSet);
  const keyVault = reg.encryption?.keyVaultProperties;
  const uai = rec(reg.identity?.userAssignedIdentities);
  return {
    ...ref,
    loginServer,
    location: str(reg.location),
    sku: str(reg.sku?.name),
    provisioningState: str(reg.provisioningState),
    adminUserEnabled: reg.adminUserEnabled === true,
    anonymousPullEnabled: reg.anonymousPullEnabled === true,
    publicNetworkAccess: str(reg.publicNetworkAccess),
    defaultAction: str(reg.networkRuleSet?.defaultAction),
    ipRules: arr(reg.networkRuleSet?.ipRules).map((r) => str(rec(r).value ?? rec(r).iPAddressOrRange)).filter((x): x is string => !!x),
    virtualNetworkRules: arr(rawRules.virtualNetworkRules).map((r) => str(rec(r).id)).filter((x): x is string => !!x),
    networkRuleBypassOptions: str(reg.networkRuleBypassOptions),
    dataEndpointEnabled,
    dataEndpointHostNames,
    roleAssignmentMode: str(reg.roleAssignmentMode) ?? str(rawProps.roleAssignmentMode),
    armAudienceDisabled: str(reg.policies?.azureADAuthenticationAsArmPolicy?.status)?.toLowerCase() === 'disabled',
    encryption: { status: str(reg.encryption?.status), keyIdentifier: str(keyVault?.keyIdentifier), identityClientId: str(keyVault?.identity) },
    identity: reg.identity ? {
      type: str(reg.identity.type), principalId: str(reg.identity.principalId),
      userAssigned: Object.entries(uai).map(([resourceId, v]) => ({ resourceId, principalId: str(rec(v).principalId), clientId: str(rec(v).clientId) })),
    } : undefined,
    replications: replicationViews,
    dataEndpoints,
    privateEndpointConnections: arr(reg.privateEndpointConnections).map((c) => {
      const o = rec(c);
      const state = rec(o.privateLinkServiceConnectionState);
      return {
        name: str(o.name) ?? '?', privateEndpointId: str(rec(o.privateEndpoint).id),
        status: str(state.status) ?? 'Unknown', description: str(state.description),
      };
    }),
    tokens: tokenViews,
    scopeMaps: scopeMapViews,
    gaps,
  };
}
