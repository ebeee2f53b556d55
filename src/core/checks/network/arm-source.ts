// Read the registry's network facts from ARM.
// NOTE(engine): src/core/azure/registry-view.ts (fetchRegistryView, the Azure engineer's, with the
// real SDK clients) was not there when this was written; this reads the same documented ARM
// resources with plain GETs through the probe client (so proxy, CA and --resolve apply) and
// should be replaced by an adapter over ArmRegistryView once that lands.
import type { AzureContext } from '../../engine/environment';
import type { RegistryTarget } from '../../registry/target';
import type { NetOptions } from '../../net/connection';
import { httpRequest } from '../../net/http';
import type { NetworkArmFacts, PrivateEndpointFacts } from './arm-facts';

const API = { registry: '2023-07-01', network: '2023-09-01', providers: '2021-04-01', subscriptions: '2022-12-01' };

export class ArmLookupError extends Error {
  constructor(message: string, readonly status?: number) { super(message); this.name = 'ArmLookupError'; }
}

interface Ctx { arm: string; token: string; net: NetOptions; signal: AbortSignal }

async function get<T>(c: Ctx, pathOrUrl: string, apiVersion?: string): Promise<T> {
  const url = new URL(pathOrUrl, c.arm);
  if (apiVersion && !url.searchParams.has('api-version')) url.searchParams.set('api-version', apiVersion);
  const res = await httpRequest({ ...c.net, url: url.toString(), signal: c.signal, timeoutMs: 4000, maxBodyBytes: 8 * 1024 * 1024, headers: { authorization: `Bearer ${c.token}`, accept: 'application/json' } });
  if (res.status !== 200) {
    const err = res.json<{ error?: { code?: string; message?: string } }>()?.error;
    throw new ArmLookupError(`ARM GET ${url.pathname} answered ${res.status}${err?.code ? ` ${err.code}` : ''}`, res.status);
  }
  const body = res.json<T>();
  if (body === undefined) throw new ArmLookupError(`ARM GET ${url.pathname} did not answer JSON`);
  return body;
}

async function list<T>(c: Ctx, path: string, apiVersion: string, maxPages = 20): Promise<T[]> {
  const out: T[] = [];
  let next: string | undefined = path;
  let version: string | undefined = apiVersion;
  for (let i = 0; next && i < maxPages; i++) {
    const page: { value?: T[]; nextLink?: string } = await get(c, next, version);
    out.push(...(Array.isArray(page.value) ? page.value : []));
    next = page.nextLink; version = undefined;
  }
  return out;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}

export async function loadNetworkArmFacts(azure: AzureContext, target: RegistryTarget, net: NetOptions, signal: AbortSignal): Promise<NetworkArmFacts | undefined> {
  const scope = azure.armScope ?? 'https://management.azure.com/.default';
  const tok = await azure.credential.getToken(scope, { abortSignal: signal });
  if (!tok) throw new ArmLookupError('no ARM token');
  const c: Ctx = { arm: azure.armEndpoint.replace(/\/?$/, '/'), token: tok.token, net, signal };
  const subs = azure.subscriptionId ? [azure.subscriptionId]
    : (await list<Json>(c, '/subscriptions', API.subscriptions)).map((s) => String(s.subscriptionId ?? '')).filter(Boolean);
  let reg: Json | undefined;
  for (const sub of subs) {
    const regs = await list<Json>(c, `/subscriptions/${sub}/providers/Microsoft.ContainerRegistry/registries`, API.registry);
    reg = regs.find((r) => String(r.properties?.loginServer ?? '').toLowerCase() === target.loginServer) ?? regs.find((r) => String(r.name ?? '').toLowerCase() === target.name);
    if (reg) break;
  }
  if (!reg) return undefined;
  const id = String(reg.id);
  const subscriptionId = /\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
  const p: Json = reg.properties ?? {};
  const gaps: string[] = [];
  const soft = async <T>(what: string, f: () => Promise<T>, fallback: T): Promise<T> => {
    try { return await f(); } catch (e) { gaps.push(`${what}: ${(e as Error).message}`); return fallback; }
  };
  const pecs: Json[] = Array.isArray(p.privateEndpointConnections) ? p.privateEndpointConnections : [];
  const [replications, privateEndpoints, provider, vnets] = await Promise.all([
    soft('replications', () => list<Json>(c, `${id}/replications`, API.registry), []),
    Promise.all(pecs.map((pec) => soft<PrivateEndpointFacts>('private endpoint', async () => {
      const peId = String(pec.properties?.privateEndpoint?.id ?? '');
      const pe: Json = peId ? await get<Json>(c, peId, API.network) : {};
      const fqdnIps: Record<string, string[]> = {};
      for (const d of Array.isArray(pe.properties?.customDnsConfigs) ? pe.properties.customDnsConfigs : []) {
        const f = String(d.fqdn ?? '').toLowerCase();
        if (f) fqdnIps[f] = (Array.isArray(d.ipAddresses) ? d.ipAddresses : []).map(String);
      }
      return {
        connectionName: String(pec.name ?? ''), status: String(pec.properties?.privateLinkServiceConnectionState?.status ?? 'Unknown'),
        privateEndpointId: peId || undefined, fqdnIps, ips: [...new Set(Object.values(fqdnIps).flat())],
      };
    }, { connectionName: String(pec.name ?? ''), status: String(pec.properties?.privateLinkServiceConnectionState?.status ?? 'Unknown'), fqdnIps: {}, ips: [] }))),
    soft('resource provider', () => get<Json>(c, `/subscriptions/${subscriptionId}/providers/Microsoft.ContainerRegistry`, API.providers), {} as Json),
    soft('virtual networks', () => list<Json>(c, `/subscriptions/${subscriptionId}/providers/Microsoft.Network/virtualNetworks`, API.network), []),
  ]);
  const serviceEndpointSubnets: string[] = [];
  for (const v of vnets) {
    for (const s of Array.isArray(v.properties?.subnets) ? v.properties.subnets : []) {
      const eps = Array.isArray(s.properties?.serviceEndpoints) ? s.properties.serviceEndpoints : [];
      if (eps.some((e: Json) => String(e.service ?? '').toLowerCase() === 'microsoft.containerregistry')) serviceEndpointSubnets.push(String(s.id));
    }
  }
  const nrs: Json | undefined = p.networkRuleSet ?? undefined;
  const uai: Json = reg.identity?.userAssignedIdentities ?? {};
  return {
    id, name: String(reg.name), resourceGroup: resourceGroupOf(id), subscriptionId,
    location: String(reg.location ?? ''), sku: String(reg.sku?.name ?? ''), loginServer: String(p.loginServer ?? target.loginServer).toLowerCase(),
    publicNetworkAccess: p.publicNetworkAccess, networkRuleBypassOptions: p.networkRuleBypassOptions,
    networkRuleSet: nrs ? {
      defaultAction: String(nrs.defaultAction ?? 'Allow'),
      ipRules: (Array.isArray(nrs.ipRules) ? nrs.ipRules : []).map((r: Json) => ({ value: String(r.value ?? r.ipAddressOrRange ?? ''), action: r.action })),
      virtualNetworkRules: (Array.isArray(nrs.virtualNetworkRules) ? nrs.virtualNetworkRules : []).map((r: Json) => ({ id: String(r.id ?? r.virtualNetworkResourceId ?? '') })),
    } : undefined,
    dataEndpointEnabled: p.dataEndpointEnabled === true,
    dataEndpointHostNames: (Array.isArray(p.dataEndpointHostNames) ? p.dataEndpointHostNames : []).map(String),
    replicationRegions: replications.map((r) => String(r.location ?? r.name ?? '')),
    privateEndpoints,
    serviceEndpointSubnets,
    providerRegistration: provider.registrationState,
    encryption: p.encryption ? { status: p.encryption.status, identity: p.encryption.keyVaultProperties?.identity } : undefined,
    identity: reg.identity ? {
      type: reg.identity.type, principalId: reg.identity.principalId,
      clientIds: Object.values(uai).map((u: Json) => String(u.clientId ?? '')).filter(Boolean),
      principalIds: Object.values(uai).map((u: Json) => String(u.principalId ?? '')).filter(Boolean),
    } : undefined,
    gaps,
  };
}
