// The fixes that change a puller rather than the registry, through ARM (no App Service or Container
// Apps SDK is installed: armRequest, the run's one pipeline): read the current value first, change
// one setting, say what changed. Callers ask the user before running either. Granting AcrPull to
// the service's identity is registry-fixes.ts's createRoleAssignment.
import { AzureAccessError, armCall } from './errors';
import { armRequest, type ArmAccess } from './connection';
import { APP_API, WEB_API } from './puller-details';
import { SITECONTAINERS_API } from './site-containers';
import type { FixResult } from './registry-fixes';
import { arr, rec, str } from '../text/json-guards';

const SITE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/[^/]+(\/slots\/[^/]+)?$/i;
const SITE_CONTAINER = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/[^/]+(?:\/slots\/[^/]+)?)\/sitecontainers\/[^/]+$/i;
const CONTAINER_APP = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.App\/containerApps\/[^/]+$/i;

const nameOf = (id: string) => id.split('/').pop() ?? id;

/** App Service: pull the container image over the app's VNet integration (vnetImagePullEnabled). */
export async function enableVnetImagePull(azure: ArmAccess, siteId: string, signal?: AbortSignal): Promise<FixResult> {
  if (!SITE.test(siteId)) throw new AzureAccessError('bad-request', `${siteId.slice(0, 200)} is not an App Service app's resource id.`, 'enable image pull over the VNet');
  const op = `enable image pull over the VNet for ${nameOf(siteId)}`;
  const site = rec(await armCall(op, () => armRequest(azure, 'GET', siteId, { apiVersion: WEB_API, signal, operation: op }), signal));
  const p = rec(site.properties);
  if (!str(p.virtualNetworkSubnetId)) throw new AzureAccessError('bad-request', `${nameOf(siteId)} is not integrated with a virtual network: add VNet integration first (az webapp vnet-integration add).`, op);
  if (p.vnetImagePullEnabled === true) return { changed: false, summary: `${nameOf(siteId)} already pulls its image over its virtual network.` };
  await armCall(op, () => armRequest(azure, 'PATCH', siteId, { apiVersion: WEB_API, signal, operation: op, body: { properties: { vnetImagePullEnabled: true } } }), signal);
  return { changed: true, summary: `${nameOf(siteId)} now pulls its image over its virtual network (vnetImagePullEnabled).` };
}

/**
 * Switch a service from stored credentials to its system-assigned managed identity: App Service
 * (siteConfig.acrUseManagedIdentityCreds) or a Container App (its registry entry's identity). The
 * identity must exist; it still needs AcrPull (the grant is a fix of its own).
 */
export async function usePullerManagedIdentity(azure: ArmAccess, serviceId: string, loginServer: string, signal?: AbortSignal): Promise<FixResult> {
  const name = nameOf(serviceId);
  const op = `switch ${name} to its managed identity`;
  const sidecar = SITE_CONTAINER.exec(serviceId);
  if (sidecar) {
    const site = rec(await armCall(op, () => armRequest(azure, 'GET', sidecar[1], { apiVersion: WEB_API, signal, operation: op }), signal));
    if (!/systemassigned/i.test(str(rec(site.identity).type) ?? '')) throw new AzureAccessError('bad-request', `${nameOf(sidecar[1])} has no system-assigned identity: give it one first (az webapp identity assign).`, op);
    const c = rec(await armCall(op, () => armRequest(azure, 'GET', serviceId, { apiVersion: SITECONTAINERS_API, signal, operation: op }), signal));
    const props = rec(c.properties);
    if (/^systemidentity$/i.test(str(props.authType) ?? '')) return { changed: false, summary: `The sidecar ${name} already pulls with the app's managed identity.` };
    // PUT replaces the container: everything it had goes back, the stored credentials out.
    const { userName: _u, passwordSecret: _p, userManagedIdentityClientId: _c, createdTime: _ct, lastModifiedTime: _lt, ...keep } = props;
    await armCall(op, () => armRequest(azure, 'PUT', serviceId, { apiVersion: SITECONTAINERS_API, signal, operation: op, body: { properties: { ...keep, authType: 'SystemIdentity' } } }), signal);
    return { changed: true, summary: `The sidecar ${name} of ${nameOf(sidecar[1])} now pulls with the app's system-assigned managed identity (authType SystemIdentity).` };
  }
  if (SITE.test(serviceId)) {
    const site = rec(await armCall(op, () => armRequest(azure, 'GET', serviceId, { apiVersion: WEB_API, signal, operation: op }), signal));
    if (!/systemassigned/i.test(str(rec(site.identity).type) ?? '')) throw new AzureAccessError('bad-request', `${name} has no system-assigned identity: give it one first (az webapp identity assign).`, op);
    const cfg = rec(rec(await armCall(op, () => armRequest(azure, 'GET', `${serviceId}/config/web`, { apiVersion: WEB_API, signal, operation: op }), signal)).properties);
    if (cfg.acrUseManagedIdentityCreds === true) return { changed: false, summary: `${name} already pulls with its managed identity.` };
    await armCall(op, () => armRequest(azure, 'PATCH', `${serviceId}/config/web`, { apiVersion: WEB_API, signal, operation: op, body: { properties: { acrUseManagedIdentityCreds: true } } }), signal);
    return { changed: true, summary: `${name} now pulls with its system-assigned managed identity (acrUseManagedIdentityCreds).` };
  }
  if (CONTAINER_APP.test(serviceId)) {
    const app = rec(await armCall(op, () => armRequest(azure, 'GET', serviceId, { apiVersion: APP_API, signal, operation: op }), signal));
    if (!/systemassigned/i.test(str(rec(app.identity).type) ?? '')) throw new AzureAccessError('bad-request', `${name} has no system-assigned identity: give it one first (az containerapp identity assign --system-assigned).`, op);
    const registries = arr(rec(rec(app.properties).configuration).registries).map(rec);
    const i = registries.findIndex((r) => (str(r.server) ?? '').toLowerCase() === loginServer.toLowerCase());
    if (i < 0) throw new AzureAccessError('bad-request', `${name} has no registry entry for ${loginServer}.`, op);
    if (/^system$/i.test(str(registries[i].identity) ?? '')) return { changed: false, summary: `${name} already pulls from ${loginServer} with its managed identity.` };
    // The whole list goes back (ARM replaces it): the other registries' entries as they were.
    const next = registries.map((r, j) => (j === i ? { server: str(r.server), identity: 'system' } : r));
    await armCall(op, () => armRequest(azure, 'PATCH', serviceId, { apiVersion: APP_API, signal, operation: op, body: { properties: { configuration: { registries: next } } } }), signal);
    return { changed: true, summary: `${name} now pulls from ${loginServer} with its system-assigned managed identity.` };
  }
  throw new AzureAccessError('bad-request', `${name}: only App Service apps and Container Apps can be switched here; recreate a container group with an identity (az container create --assign-identity --acr-identity).`, op);
}
