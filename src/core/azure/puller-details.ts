// What Resource Graph leaves out of a puller and one more ARM read gives: App Service's pull
// credentials (config/web: acrUseManagedIdentityCreds; the user name in the app settings), the
// Container Apps environment's subnet, the object id of the identity it pulls with, and the
// private DNS zones of the registry's private link with the networks they are linked to.
import { AzureAccessError } from './errors';
import { armList, armRequest, type ArmAccess } from './connection';
import { credentialOfUsername, miOfClientId, type Puller } from './pullers';
import { servicePrincipalByAppId } from './graph-service-principal';
import { rec, str } from '../text/json-guards';

export const WEB_API = '2023-12-01';
export const APP_API = '2024-03-01';
export const MI_API = '2023-01-31';
export const DNS_API = '2024-06-01';

/** Why the identity a puller pulls with could not be turned into an object id. */
export type IdentityProblem =
  /** System-assigned identity asked for, but the resource has none (identity.type lacks SystemAssigned). */
  | 'no-system-identity'
  /** A user-assigned identity named for the pull is not assigned to the resource. */
  | 'not-assigned'
  /** The user-assigned identity resource no longer exists (ARM: ResourceNotFound). */
  | 'deleted'
  /** A service principal or stored password: ARM role assignments name object ids, which ARM cannot give for it here. */
  | 'not-an-azure-identity'
  /** A stored app id that no service principal of the tenant has (Microsoft Graph: Request_ResourceNotFound). */
  | 'no-such-app'
  /** Microsoft Graph could not be read to resolve the app id (the gap says why). */
  | 'graph-unreadable';

export interface PullerDetails extends Puller {
  /** Object id of the identity it pulls with (managed identities only). */
  principalId?: string;
  identityProblem?: IdentityProblem;
  /** Why the identity could not be looked up (Microsoft Graph's refusal), in words. */
  identityNote?: string;
  /** Reads that failed, in words (the rest is still judged). */
  readGaps: string[];
}

function errText(e: unknown): string {
  return e instanceof AzureAccessError ? `${e.code ?? e.kind}: ${e.message}` : (e as Error).message;
}

/** App Service's siteConfig: whether it pulls with a managed identity, else the user name stored in its app settings. */
async function siteCredentials(azure: ArmAccess, p: Puller, registryName: string, signal?: AbortSignal): Promise<Pick<PullerDetails, 'credential' | 'images' | 'readGaps'>> {
  const readGaps: string[] = [];
  let cfg: Record<string, unknown>;
  try {
    cfg = rec(rec(await armRequest(azure, 'GET', `${p.id}/config/web`, { apiVersion: WEB_API, signal, operation: `read the site configuration of ${p.name}` })).properties);
  } catch (e) {
    if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
    return { credential: p.credential, images: p.images, readGaps: [`config/web: ${errText(e)}`] };
  }
  const images = [...p.images];
  for (const fx of [str(cfg.linuxFxVersion), str(cfg.windowsFxVersion)]) {
    const m = /^DOCKER\|(.+)$/i.exec(fx ?? '');
    if (m && !images.includes(m[1])) images.push(m[1]);
  }
  if (cfg.acrUseManagedIdentityCreds === true) return { credential: miOfClientId(str(cfg.acrUserManagedIdentityID)), images, readGaps };
  // Only the user name is kept: the password next to it is never read into anything.
  try {
    const settings = rec(rec(await armRequest(azure, 'POST', `${p.id}/config/appsettings/list`, { apiVersion: WEB_API, signal, operation: `list the app settings of ${p.name}` })).properties);
    const user = str(settings.DOCKER_REGISTRY_SERVER_USERNAME);
    return { credential: user ? credentialOfUsername(user, registryName) : { kind: 'anonymous' }, images, readGaps };
  } catch (e) {
    if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
    readGaps.push(`app settings: ${errText(e)}`);
    return { credential: { kind: 'unknown', why: 'it pulls with the user name and password in its app settings, which this sign-in may not list' }, images, readGaps };
  }
}

async function environmentSubnet(azure: ArmAccess, envId: string, signal?: AbortSignal): Promise<string | undefined> {
  const env = rec(await armRequest(azure, 'GET', envId, { apiVersion: APP_API, signal, operation: 'read the Container Apps environment' }));
  return str(rec(rec(env.properties).vnetConfiguration).infrastructureSubnetId);
}

/** The object id of a user-assigned identity that is not in the resource's identity block, or why not. */
async function userAssignedPrincipal(azure: ArmAccess, resourceId: string, signal?: AbortSignal): Promise<{ principalId?: string; problem?: IdentityProblem; gap?: string }> {
  if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i.test(resourceId)) {
    return { problem: 'not-assigned', gap: `${resourceId.slice(0, 120)} is not a user-assigned identity's resource id` };
  }
  try {
    const o = rec(await armRequest(azure, 'GET', resourceId, { apiVersion: MI_API, signal, operation: 'read the user-assigned identity' }));
    const pid = str(rec(o.properties).principalId);
    return pid ? { principalId: pid.toLowerCase(), problem: 'not-assigned' } : { problem: 'not-assigned' };
  } catch (e) {
    if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
    if (e instanceof AzureAccessError && e.kind === 'not-found') return { problem: 'deleted' };
    return { problem: 'not-assigned', gap: `identity ${resourceId.split('/').pop()}: ${errText(e)}` };
  }
}

/** The object id of the identity the puller pulls with, from its identity block (and ARM when the block lacks it). */
export async function resolvePullIdentity(azure: ArmAccess | undefined, p: Pick<Puller, 'credential' | 'identities'>, signal?: AbortSignal): Promise<{ principalId?: string; problem?: IdentityProblem; gap?: string }> {
  const c = p.credential;
  if (c.kind === 'system-mi') return p.identities.systemPrincipalId ? { principalId: p.identities.systemPrincipalId } : { problem: 'no-system-identity' };
  if (c.kind === 'user-mi') {
    const hit = p.identities.userAssigned.find((u) => (c.resourceId && u.resourceId.toLowerCase() === c.resourceId.toLowerCase()) || (c.clientId && u.clientId === c.clientId));
    const id = c.resourceId ?? hit?.resourceId;
    if (id && azure) {
      // The resource's identity block keeps a deleted identity: only ARM's own record says it still exists.
      const r = await userAssignedPrincipal(azure, id, signal);
      if (r.problem === 'deleted') return r;
      // Not readable (a Reader of the service may not read the identity): the block's principal id stands.
      if (hit) return hit.principalId ? { principalId: hit.principalId } : r.principalId ? { principalId: r.principalId } : { problem: 'not-assigned', ...(r.gap ? { gap: r.gap } : {}) };
      return r;
    }
    return hit?.principalId ? { principalId: hit.principalId } : { problem: 'not-assigned' };
  }
  if (c.kind === 'service-principal') {
    if (!azure) return { problem: 'graph-unreadable', gap: 'no Azure sign-in to ask Microsoft Graph with' };
    const sp = await servicePrincipalByAppId(azure, c.clientId, signal);
    if (sp.found) return { principalId: sp.objectId };
    return sp.notFound ? { problem: 'no-such-app' } : { problem: 'graph-unreadable', gap: sp.why };
  }
  if (c.kind === 'password' || c.kind === 'admin') return { problem: 'not-an-azure-identity' };
  return {};
}

/** A puller with the reads Resource Graph could not give: credentials, environment subnet, identity's object id. */
export async function readPullerDetails(azure: ArmAccess, p: Puller, registryName: string, signal?: AbortSignal): Promise<PullerDetails> {
  const out: PullerDetails = { ...p, network: { ...p.network, subnetIds: [...p.network.subnetIds] }, readGaps: [] };
  // A site container's credentials are its own (authType): config/web speaks for the fx image only.
  if ((p.kind === 'appservice' || p.kind === 'functions') && p.credential.kind === 'unknown' && !p.container) {
    const s = await siteCredentials(azure, p, registryName, signal);
    out.credential = s.credential; out.images = s.images; out.readGaps.push(...s.readGaps);
  }
  if (p.kind === 'containerapp' && p.network.environmentId) {
    try {
      const sn = await environmentSubnet(azure, p.network.environmentId, signal);
      if (sn) out.network.subnetIds.push(sn);
    } catch (e) {
      if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
      out.readGaps.push(`environment: ${errText(e)}`);
    }
  }
  const id = await resolvePullIdentity(azure, out, signal);
  if (id.principalId) out.principalId = id.principalId;
  if (id.problem) out.identityProblem = id.problem;
  if (id.gap && id.problem === 'graph-unreadable') out.identityNote = id.gap;
  else if (id.gap) out.readGaps.push(id.gap);
  return out;
}

export interface PrivateDnsZoneLinks {
  zoneId: string;
  zoneName: string;
  /** Virtual network ids (lower case) the zone is linked to. */
  linkedVnets: string[];
}

/** The private link DNS zones for this cloud's registries (privatelink.azurecr.io) in these subscriptions, with their VNet links. */
export async function readRegistryDnsZones(azure: ArmAccess, subscriptionIds: string[], loginServer: string, signal?: AbortSignal): Promise<{ zones: PrivateDnsZoneLinks[]; gaps: string[] }> {
  const suffix = loginServer.toLowerCase().split('.').slice(1).join('.');
  const zoneName = `privatelink.${suffix}`;
  const zones: PrivateDnsZoneLinks[] = [];
  const gaps: string[] = [];
  await Promise.all([...new Set(subscriptionIds.map((s) => s.toLowerCase()))].slice(0, 20).map(async (sub) => {
    try {
      const list = await armList(azure, `/subscriptions/${encodeURIComponent(sub)}/providers/Microsoft.Network/privateDnsZones`, { apiVersion: DNS_API, signal, operation: `list private DNS zones in ${sub}` });
      for (const z of list.map(rec)) {
        const id = str(z.id);
        if (!id || (str(z.name) ?? '').toLowerCase() !== zoneName) continue;
        const links = await armList(azure, `${id}/virtualNetworkLinks`, { apiVersion: DNS_API, signal, operation: `list the virtual network links of ${zoneName}` });
        zones.push({
          zoneId: id, zoneName,
          linkedVnets: links.map((l) => str(rec(rec(rec(l).properties).virtualNetwork).id)?.toLowerCase()).filter((x): x is string => !!x),
        });
      }
    } catch (e) {
      if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
      gaps.push(`private DNS zones in ${sub}: ${errText(e)}`);
    }
  }));
  return { zones, gaps };
}

/** The VNet id of a subnet id (…/virtualNetworks/<v>/subnets/<s> → …/virtualNetworks/<v>), lower case. */
export function vnetOfSubnet(subnetId: string): string | undefined {
  const m = /^(.*\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(subnetId.trim());
  return m ? m[1].toLowerCase() : undefined;
}

