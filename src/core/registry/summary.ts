// What the registry tree shows about one registry: a flat, display-ready view of the ARM
// resource (or of a login server the user added by name). Kept vscode-free so the CLI and
// unit tests use the same shapes.
import { str } from '../text/json-guards';
import { parseResourceId } from './resource-id';

export interface PrivateEndpointSummary {
  name: string;
  /** privateLinkServiceConnectionState.status: Approved, Pending, Rejected, Disconnected. */
  status: string;
}

export interface RegistrySummary {
  /** ARM resource id; undefined for a registry added by name. */
  id?: string;
  /** Resource name, lower-case (e.g. 'contoso'). */
  name: string;
  /** Lower-case login server (e.g. 'contoso.azurecr.io'). */
  loginServer: string;
  subscriptionId?: string;
  tenantId?: string;
  resourceGroup?: string;
  location?: string;
  sku?: string;
  /** 'Enabled' | 'Disabled' as ARM reports it. */
  publicNetworkAccess?: string;
  /** networkRuleSet.defaultAction: 'Allow' | 'Deny'. */
  networkDefaultAction?: string;
  privateEndpoints?: PrivateEndpointSummary[];
  adminUserEnabled?: boolean;
  /** Regions of geo-replicas (without the home region). */
  replicaRegions?: string[];
}

/** The one-line description next to a registry's name: login server, SKU, region. */
export function describeRegistry(r: RegistrySummary): string {
  return [r.loginServer, r.sku, r.location].filter((part): part is string => !!part).join(' · ');
}

/** Registries per subscription id, each list sorted by name; subscriptions without registries get []. */
export function groupBySubscription(
  registries: readonly RegistrySummary[],
  subscriptionIds: readonly string[] = [],
): Map<string, RegistrySummary[]> {
  const groups = new Map<string, RegistrySummary[]>();
  for (const id of subscriptionIds) groups.set(id.toLowerCase(), []);
  for (const r of registries) {
    if (!r.subscriptionId) continue;
    const key = r.subscriptionId.toLowerCase();
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  for (const list of groups.values()) list.sort(compareRegistries);
  return groups;
}

export function compareRegistries(a: RegistrySummary, b: RegistrySummary): number {
  return a.name.localeCompare(b.name) || a.loginServer.localeCompare(b.loginServer);
}

/** The subscription id inside an ARM resource id (/subscriptions/<id>/...), lower-case. */
export function subscriptionIdOf(resourceId: string | undefined): string | undefined {
  return parseResourceId(resourceId).subscriptionId?.toLowerCase();
}

/** The resource group inside an ARM resource id. */
export function resourceGroupOf(resourceId: string | undefined): string | undefined {
  return parseResourceId(resourceId).resourceGroup;
}

/**
 * A RegistrySummary from either shape ARM gives a registry: the REST/Resource Graph JSON
 * (`properties.loginServer`) or the SDK's flattened `Registry` (`loginServer`). Unknown fields stay
 * undefined rather than guessed.
 */
export function summaryFromArm(resource: unknown, replicaRegions?: string[]): RegistrySummary | undefined {
  if (!resource || typeof resource !== 'object') return undefined;
  const r = resource as Record<string, any>;
  const p: Record<string, any> = r.properties && typeof r.properties === 'object' ? r.properties : r;
  const loginServer = str(p.loginServer)?.toLowerCase();
  const name = str(r.name)?.toLowerCase() ?? loginServer?.split('.')[0];
  if (!loginServer || !name) return undefined;
  const id = str(r.id);
  const peConnections: unknown[] = Array.isArray(p.privateEndpointConnections) ? p.privateEndpointConnections : [];
  return {
    id,
    name,
    loginServer,
    subscriptionId: str(r.subscriptionId)?.toLowerCase() ?? subscriptionIdOf(id),
    tenantId: str(r.tenantId),
    resourceGroup: str(r.resourceGroup) ?? resourceGroupOf(id),
    location: str(r.location),
    sku: str(r.sku?.name) ?? str(r.sku?.tier),
    publicNetworkAccess: str(p.publicNetworkAccess),
    networkDefaultAction: str(p.networkRuleSet?.defaultAction),
    privateEndpoints: peConnections.map((c) => {
      const conn = (c && typeof c === 'object' ? c : {}) as Record<string, any>;
      const cp = conn.properties && typeof conn.properties === 'object' ? conn.properties : conn;
      const peId = str(cp.privateEndpoint?.id);
      return {
        name: str(conn.name) ?? peId?.split('/').pop() ?? '?',
        status: str(cp.privateLinkServiceConnectionState?.status) ?? 'Unknown',
      };
    }),
    adminUserEnabled: typeof p.adminUserEnabled === 'boolean' ? p.adminUserEnabled : undefined,
    replicaRegions,
  };
}

