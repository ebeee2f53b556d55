// How the ACR front reads the ARM simulator's state (fresh on every request, so a scenario's
// change applies at once) plus the faults that are not ARM state.
import type { ArmState, RegistryRecord } from '../arm/state';
import { networkDecision } from '../arm/state';

export interface FrontFaults {
  throttle?: boolean;          // 429 TOOMANYREQUESTS for everything
  challengeInvalid?: boolean;  // GET /v2/ answers 401 without a Bearer realm
  exchangeFails?: boolean;     // /oauth2/exchange answers 500
  accessTokenFails?: boolean;  // /oauth2/token for Entra identities answers 500
  dataRegion?: string;         // region whose data endpoint the blob redirect names (nearest replica)
  refuseUploads?: string;      // POST …/blobs/uploads/ answers 403 DENIED with this reason (e.g. a storage quota reached)
}

export interface RegistryContext { state: ArmState; registry: RegistryRecord }

export const firewallText = (ip: string) =>
  `client with IP '${ip}' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`;

/** Addresses of the registry's private endpoints (from their customDnsConfigs). */
export function privateEndpointIps(ctx: RegistryContext): string[] {
  const id = ctx.registry.arm.id.toLowerCase();
  const out: string[] = [];
  for (const pe of ctx.state.privateEndpoints) {
    const linked = pe.properties.privateLinkServiceConnections.some((c) => c.properties.privateLinkServiceId.toLowerCase() === id);
    if (!linked) continue;
    for (const d of pe.properties.customDnsConfigs) out.push(...d.ipAddresses);
  }
  return out;
}

/** ACR's network check: undefined when allowed, else the 403 text. */
export function firewallVerdict(ctx: RegistryContext, localIp: string, clientIp: string): string | undefined {
  const viaPe = privateEndpointIps(ctx).includes(localIp);
  const d = networkDecision(ctx.registry, clientIp, { privateEndpoint: viaPe });
  return d.allowed ? undefined : firewallText(clientIp);
}
