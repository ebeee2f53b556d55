// Every registry the account can see, for the tree and for name suggestions. One Azure Resource
// Graph query across all subscriptions (rows grouped per subscription, so 10 000 registries come
// back in one page), falling back to registries.list() per subscription when Resource Graph is
// not available (not registered, forbidden, an old cloud).
import type { Registry } from '@azure/arm-containerregistry';
import type { RegistrySummary, PrivateEndpointSummary } from '../registry/summary';
import { AzureAccessError, armCall, toAzureError } from './errors';
import { armRequest, registryClient, type ArmAccess } from './connection';
import { listSubscriptions } from './list-subscriptions';
import { str } from '../text/json-guards';
import { parseTopLevelResourceId, resourceGroupOfResource } from '../registry/resource-id';

export type { RegistrySummary };

export interface RegistryListResult {
  registries: RegistrySummary[];
  /** Subscriptions whose registries could not be read (the rest are still listed). */
  failures: { subscriptionId: string; error: AzureAccessError }[];
  source: 'resource-graph' | 'per-subscription';
  /** Why Resource Graph was not used (when the fallback ran). */
  graphError?: AzureAccessError;
}

export interface ListRegistriesOptions {
  /** Limit to these subscriptions (default: every subscription the account can see). */
  subscriptionIds?: string[];
  signal?: AbortSignal;
  /** Skip Resource Graph (tests of the fallback; clouds without it). */
  resourceGraph?: boolean;
}

/**
 * One row per subscription (so 10 000 registries fit in one page of ≤ 1 000 rows), each holding
 * compact rows [kind, id, location, sku, loginServer, publicNetworkAccess, defaultAction,
 * privateEndpointConnections, adminUserEnabled]; name and resource group come from the id.
 * Kind 'p' rows are replications (their location is a replica region of the parent registry).
 */
export const REGISTRY_GRAPH_QUERY = [
  'resources',
  "| where type =~ 'microsoft.containerregistry/registries' or type =~ 'microsoft.containerregistry/registries/replications'",
  // The kind inline (no `extend` stage: one projection per row is all the service has to build).
  "| project subscriptionId, tenantId, row = pack_array(iff(type =~ 'microsoft.containerregistry/registries', 'r', 'p'), id, location, tostring(sku.name), tostring(properties.loginServer), tostring(properties.publicNetworkAccess), tostring(properties.networkRuleSet.defaultAction), properties.privateEndpointConnections, properties.adminUserEnabled)",
  '| summarize rows = make_list(row) by subscriptionId, tenantId',
  '| order by subscriptionId asc',
].join('\n');

function privateEndpoints(v: unknown): PrivateEndpointSummary[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((c) => {
    if (!c || typeof c !== 'object') return [];
    const o = c as Record<string, unknown>;
    const p = (o.properties && typeof o.properties === 'object' ? o.properties : o) as Record<string, unknown>;
    const state = p.privateLinkServiceConnectionState as Record<string, unknown> | undefined;
    const peId = str((p.privateEndpoint as Record<string, unknown> | undefined)?.id);
    return [{ name: str(o.name) ?? peId?.split('/').pop() ?? '?', status: str(state?.status) ?? 'Unknown' }];
  });
}

/** Registries out of the Resource Graph rows; anything malformed is skipped, never thrown. */
export function registriesFromGraphRows(data: unknown): RegistrySummary[] {
  if (!Array.isArray(data)) throw new AzureAccessError('invalid-response', 'Resource Graph answered without a data array.', 'list registries');
  const regs = new Map<string, RegistrySummary>();
  const replicas: { parent: string; region: string }[] = [];
  for (const group of data) {
    const g = (group && typeof group === 'object' ? group : {}) as { rows?: unknown; subscriptionId?: unknown; tenantId?: unknown };
    if (!Array.isArray(g.rows)) continue;
    const subFromGroup = str(g.subscriptionId);
    const tenantId = str(g.tenantId);
    for (const row of g.rows) {
      if (!Array.isArray(row) || row.length < 9) continue;
      const [k, id, location, sku, loginServer, pna, defaultAction, pecs, admin] = row as unknown[];
      const idS = str(id);
      if (!idS) continue;
      if (k === 'p') {
        const parent = idS.replace(/\/replications\/[^/]+$/i, '').toLowerCase();
        const region = str(location);
        if (region) replicas.push({ parent, region });
        continue;
      }
      const m = parseTopLevelResourceId(idS);
      const ls = str(loginServer)?.toLowerCase();
      if (k !== 'r' || !ls || !m) continue;
      regs.set(idS.toLowerCase(), {
        id: idS, name: m.name.toLowerCase(), loginServer: ls,
        subscriptionId: (subFromGroup ?? m.subscriptionId).toLowerCase(),
        tenantId, resourceGroup: m.resourceGroup, location: str(location), sku: str(sku),
        publicNetworkAccess: str(pna), networkDefaultAction: str(defaultAction),
        privateEndpoints: privateEndpoints(pecs),
        adminUserEnabled: typeof admin === 'boolean' ? admin : undefined,
      });
    }
  }
  for (const { parent, region } of replicas) {
    const r = regs.get(parent);
    if (!r || region.toLowerCase() === (r.location ?? '').toLowerCase()) continue;
    (r.replicaRegions ??= []).push(region);
  }
  return [...regs.values()];
}

async function viaResourceGraph(azure: ArmAccess, subscriptionIds: string[] | undefined, signal?: AbortSignal): Promise<RegistrySummary[]> {
  // Resource Graph takes at most 1 000 subscriptions per request.
  if (subscriptionIds && subscriptionIds.length > 1000) {
    const out: RegistrySummary[] = [];
    for (let i = 0; i < subscriptionIds.length; i += 1000) out.push(...await viaResourceGraph(azure, subscriptionIds.slice(i, i + 1000), signal));
    return out;
  }
  // Through the run's own ARM pipeline (armRequest: its retries, Retry-After bound, TLS trust and
  // redirect handling), not the ms-rest-js Resource Graph client, which kept Authorization on a
  // redirect to another host.
  const operation = 'query Azure Resource Graph';
  const data: unknown[] = [];
  let skipToken: string | undefined;
  for (let pageNo = 0; pageNo < 1000; pageNo++) {
    const res = await armCall(operation, () => armRequest<{ data?: unknown; $skipToken?: unknown }>(azure, 'POST', '/providers/Microsoft.ResourceGraph/resources', {
      apiVersion: '2021-03-01', signal, operation,
      body: {
        query: REGISTRY_GRAPH_QUERY,
        ...(subscriptionIds ? { subscriptions: subscriptionIds } : {}),
        options: { resultFormat: 'objectArray', $top: 1000, ...(skipToken ? { $skipToken: skipToken } : {}) },
      },
    }), signal) ?? {};
    if (!Array.isArray(res.data)) throw new AzureAccessError('invalid-response', 'Resource Graph answered without a data array.', operation);
    data.push(...res.data);
    skipToken = typeof res.$skipToken === 'string' && res.$skipToken ? res.$skipToken : undefined;
    if (!skipToken) break;
  }
  return registriesFromGraphRows(data);
}

function replicaRegionsFromDataEndpoints(name: string, location: string | undefined, hosts: unknown): string[] | undefined {
  if (!Array.isArray(hosts)) return undefined;
  const regions = hosts.map((h) => (typeof h === 'string' ? h.toLowerCase().split('.') : []))
    .filter((p) => p[0] === name && p[2] === 'data').map((p) => p[1])
    .filter((r) => r !== (location ?? '').toLowerCase());
  return regions.length ? regions : undefined;
}

/**
 * registries.list() in each subscription, a few subscriptions at a time (hundreds of parallel calls
 * get throttled); `keep` turns each SDK registry into what the caller lists (undefined: skipped).
 * A subscription that refuses is a failure; the others are still read. The one loop over
 * registries.list() in the project: the tree's fallback and the login checks' lookup share it.
 */
export async function registriesPerSubscription<T>(
  azure: ArmAccess, subscriptionIds: string[], keep: (r: Registry, subscriptionId: string) => T | undefined, signal?: AbortSignal,
): Promise<{ items: T[]; failures: RegistryListResult['failures'] }> {
  const items: T[] = [];
  const failures: RegistryListResult['failures'] = [];
  const queue = [...subscriptionIds];
  const worker = async () => {
    for (let sub = queue.shift(); sub !== undefined; sub = queue.shift()) {
      try {
        const client = registryClient(azure, sub);
        for await (const r of client.registries.list({ abortSignal: signal })) {
          const item = keep(r, sub);
          if (item !== undefined) items.push(item);
        }
      } catch (e) {
        if (signal?.aborted) throw new AzureAccessError('cancelled', 'The operation was cancelled.', 'list registries');
        failures.push({ subscriptionId: sub, error: toAzureError(e, `list registries in subscription ${sub}`) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, Math.max(1, queue.length)) }, worker));
  return { items, failures };
}

function summaryOf(r: Registry, sub: string, tenantId: string | undefined): RegistrySummary | undefined {
  const id = str(r?.id);
  const name = str(r?.name)?.toLowerCase();
  const loginServer = str(r?.loginServer)?.toLowerCase();
  if (!id || !name || !loginServer) return undefined;
  return {
    id, name, loginServer, subscriptionId: sub.toLowerCase(), tenantId,
    resourceGroup: resourceGroupOfResource(id), location: str(r.location), sku: str(r.sku?.name),
    publicNetworkAccess: str(r.publicNetworkAccess), networkDefaultAction: str(r.networkRuleSet?.defaultAction),
    privateEndpoints: privateEndpoints(r.privateEndpointConnections),
    adminUserEnabled: typeof r.adminUserEnabled === 'boolean' ? r.adminUserEnabled : undefined,
    replicaRegions: replicaRegionsFromDataEndpoints(name, str(r.location)?.toLowerCase(), r.dataEndpointHostNames),
  };
}

async function perSubscription(azure: ArmAccess, subscriptionIds: string[] | undefined, signal?: AbortSignal): Promise<Pick<RegistryListResult, 'registries' | 'failures'>> {
  const subs = subscriptionIds ?? (await listSubscriptions(azure, signal)).map((s) => s.subscriptionId);
  const { items, failures } = await registriesPerSubscription(azure, subs, (r, sub) => summaryOf(r, sub, azure.tenantId), signal);
  return { registries: items, failures };
}

/** Registries across subscriptions, sorted by subscription then name. */
export async function listRegistries(azure: ArmAccess, opts: ListRegistriesOptions = {}): Promise<RegistryListResult> {
  const sort = (list: RegistrySummary[]) => list.sort((a, b) => (a.subscriptionId ?? '').localeCompare(b.subscriptionId ?? '') || a.name.localeCompare(b.name));
  let graphError: AzureAccessError | undefined;
  if (opts.resourceGraph !== false && !(opts.subscriptionIds && opts.subscriptionIds.length === 0)) {
    try {
      return { registries: sort(await viaResourceGraph(azure, opts.subscriptionIds, opts.signal)), failures: [], source: 'resource-graph' };
    } catch (e) {
      graphError = toAzureError(e, 'query Azure Resource Graph');
      // The same sign-in would fail per subscription too; say so once instead of N times.
      if (graphError.kind === 'cancelled' || graphError.kind === 'unauthenticated' || graphError.kind === 'credential-unavailable') throw graphError;
    }
  }
  const r = await perSubscription(azure, opts.subscriptionIds, opts.signal);
  return { registries: sort(r.registries), failures: r.failures, source: 'per-subscription', ...(graphError ? { graphError } : {}) };
}

/**
 * The registry tree's question (src/vscode/tree/registry-lister.ts: "which registries are in these
 * subscriptions?") answered by listRegistries — a drop-in for its RegistryLister.
 */
export async function listRegistriesForTree(req: {
  subscriptionIds: string[]; credential: ArmAccess['credential']; armEndpoint: string; armScope?: string; signal: AbortSignal; extraCaPem?: string[];
}): Promise<Pick<RegistryListResult, 'registries' | 'failures'>> {
  const azure: ArmAccess = {
    credential: req.credential, armEndpoint: req.armEndpoint, ...(req.armScope ? { armScope: req.armScope } : {}),
    ...(req.extraCaPem?.length ? { extraCaPem: req.extraCaPem } : {}),
  };
  const r = await listRegistries(azure, { subscriptionIds: req.subscriptionIds, signal: req.signal });
  return { registries: r.registries, failures: r.failures };
}
