// Lookups in the state by host, id and principal, and scope arithmetic.
import type { ArmState, RegistryRecord, ServicePrincipal } from './arm-json';

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
