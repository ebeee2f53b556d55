// The registry's own pullers: its ACR Tasks (registries/tasks: a build pulls its base images from
// the registry, a base image trigger watches them) and its connected registries (they sync from it
// with a sync token). Tasks are read with armRequest: @azure/arm-containerregistry 12 has no tasks
// client (tasks live in the Tasks api-versions only); connected registries through its client.
// Half-filled answers become gaps, never throws; a registry without either gives none.
import { AzureAccessError, armCall, toAzureError } from './errors';
import { armList, registryClient, type ArmAccess } from './connection';
import { identitiesOf, miOfClientId, type Puller, type PullerCredential } from './pullers';
import { arr, rec, str } from '../text/json-guards';
import type { RegistryRef } from './registry-view';

/** The Tasks API version (registries/tasks is not served at the stable registry versions). */
export const TASKS_API = '2019-06-01-preview';

/** A task row out of ARM: it pulls from this registry when it builds or triggers on a base image. */
export function pullerOfTask(raw: unknown, registry: RegistryRef & { loginServer: string }): Puller | undefined {
  const t = rec(raw);
  const id = str(t.id);
  if (!id) return undefined;
  const p = rec(t.properties);
  const gaps: string[] = [];
  if (t.properties === null || typeof t.properties !== 'object') gaps.push('no properties');
  const creds = rec(p.credentials);
  const own = Object.entries(rec(creds.customRegistries)).find(([server]) => server.toLowerCase() === registry.loginServer.toLowerCase());
  const loginMode = str(rec(creds.sourceRegistry).loginMode) ?? 'Default';
  let credential: PullerCredential;
  const ownIdentity = own ? str(rec(own[1]).identity) : undefined;
  if (ownIdentity) credential = /^\[system\]$/i.test(ownIdentity) ? { kind: 'system-mi' } : miOfClientId(ownIdentity);
  else if (own && str(rec(rec(own[1]).userName).value)) credential = { kind: 'password', username: str(rec(rec(own[1]).userName).value)! };
  else if (/^default$/i.test(loginMode)) credential = { kind: 'task-token' };
  else credential = { kind: 'anonymous' };
  const step = rec(p.step);
  const images = arr(step.imageNames).map(str).filter((x): x is string => !!x).map((n) => (n.includes('/') && n.split('/')[0].includes('.') ? n : `${registry.loginServer}/${n}`));
  return {
    id, name: str(t.name) ?? id.split('/').pop()!, kind: 'task', type: 'Microsoft.ContainerRegistry/registries/tasks',
    subscriptionId: registry.subscriptionId.toLowerCase(), resourceGroup: registry.resourceGroup, location: str(t.location),
    images, credential, identities: identitiesOf(t.identity), network: { subnetIds: [] }, gaps,
  };
}

/** A connected registry row (the SDK's model): it pulls from this registry with its sync token. */
export function pullerOfConnectedRegistry(raw: unknown, registry: RegistryRef): Puller | undefined {
  const c = rec(raw);
  const id = str(c.id);
  if (!id) return undefined;
  const gaps: string[] = [];
  const sync = rec(rec(c.parent).syncProperties);
  const tokenId = str(sync.tokenId);
  if (!tokenId) gaps.push('parent.syncProperties.tokenId is empty');
  const last = c.lastActivityTime instanceof Date ? c.lastActivityTime.toISOString() : str(c.lastActivityTime);
  const detail = arr(c.statusDetails).map(rec).map((d) => [str(d.type), str(d.code), str(d.description)].filter(Boolean).join(' ')).find((x) => x);
  return {
    id, name: str(c.name) ?? id.split('/').pop()!, kind: 'connected-registry', type: 'Microsoft.ContainerRegistry/registries/connectedRegistries',
    subscriptionId: registry.subscriptionId.toLowerCase(), resourceGroup: registry.resourceGroup,
    images: [], credential: tokenId ? { kind: 'acr-token', tokenId } : { kind: 'unknown', why: 'it names no sync token' },
    identities: { userAssigned: [] }, network: { subnetIds: [] }, gaps,
    connected: {
      connectionState: str(c.connectionState), activation: str(rec(c.activation).status), clientTokenIds: arr(c.clientTokenIds).map(str).filter((x): x is string => !!x),
      ...(last ? { lastActivityTime: last } : {}), ...(detail ? { statusDetail: detail.slice(0, 300) } : {}),
    },
  };
}

/** At most this many tasks and connected registries are read per registry. */
export const REGISTRY_PULLERS_MAX = 500;

/** The registry's tasks and connected registries; a part that cannot be read is a gap. */
export async function listRegistryPullers(azure: ArmAccess, registry: RegistryRef & { loginServer: string; sku?: string }, signal?: AbortSignal): Promise<{ pullers: Puller[]; gaps: string[] }> {
  const gaps: string[] = [];
  const pullers: Puller[] = [];
  const why = (e: unknown, what: string) => {
    const err = toAzureError(e, what);
    if (err.kind === 'cancelled') throw err;
    gaps.push(`${what}: ${err.code ?? err.kind}: ${err.message}`);
  };
  try {
    const rows = await armList(azure, `${registry.id}/tasks`, { apiVersion: TASKS_API, signal, operation: `list the tasks of ${registry.name}`, maxPages: 5 });
    for (const r of rows.slice(0, REGISTRY_PULLERS_MAX)) { const p = pullerOfTask(r, registry); if (p) pullers.push(p); }
  } catch (e) { why(e, 'tasks'); }
  if (!registry.sku || /^premium$/i.test(registry.sku)) {
    try {
      const client = registryClient(azure, registry.subscriptionId);
      const rows = await armCall(`list the connected registries of ${registry.name}`, async () => {
        const out: unknown[] = [];
        for await (const x of client.connectedRegistries.list(registry.resourceGroup, registry.name, { abortSignal: signal })) { out.push(x); if (out.length >= REGISTRY_PULLERS_MAX) break; }
        return out;
      }, signal);
      for (const r of rows) { const p = pullerOfConnectedRegistry(r, registry); if (p) pullers.push(p); }
    } catch (e) {
      if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
      why(e, 'connected registries');
    }
  }
  return { pullers, gaps };
}
