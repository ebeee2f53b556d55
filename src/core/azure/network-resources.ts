// ARM facts for the VNet causes that no installed SDK covers: resource provider registration,
// a subnet's service endpoints, a private endpoint's expected DNS records (plain ARM requests
// through the Azure pipeline — see connection.ts `armRequest`).
import { armRequest, type ArmAccess } from './connection';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Registered | NotRegistered | Registering | Unregistering (undefined when ARM did not say). */
export async function providerRegistrationState(azure: ArmAccess, subscriptionId: string, namespace = 'Microsoft.ContainerRegistry', signal?: AbortSignal): Promise<string | undefined> {
  const p = await armRequest(azure, 'GET', `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/${encodeURIComponent(namespace)}`, { apiVersion: '2021-04-01', signal, operation: `read provider ${namespace}` });
  return str(rec(p).registrationState);
}

export interface SubnetFacts {
  id: string;
  addressPrefix?: string;
  /** Services with a service endpoint on the subnet, e.g. Microsoft.ContainerRegistry. */
  serviceEndpoints: string[];
}

export async function readSubnet(azure: ArmAccess, subnetId: string, signal?: AbortSignal): Promise<SubnetFacts> {
  if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(subnetId)) {
    throw new Error(`'${subnetId}' is not a subnet resource id.`);
  }
  const s = rec(await armRequest(azure, 'GET', subnetId, { apiVersion: '2023-09-01', signal, operation: 'read subnet' }));
  const p = rec(s.properties);
  return {
    id: str(s.id) ?? subnetId,
    addressPrefix: str(p.addressPrefix),
    serviceEndpoints: arr(p.serviceEndpoints).map((e) => str(rec(e).service)).filter((x): x is string => !!x),
  };
}

export interface PrivateEndpointDns {
  id: string;
  /** FQDN -> the private IPs DNS should answer for it (login server and data endpoints). */
  records: { fqdn: string; ipAddresses: string[] }[];
}

export async function readPrivateEndpointDns(azure: ArmAccess, privateEndpointId: string, signal?: AbortSignal): Promise<PrivateEndpointDns> {
  if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateEndpoints\/[^/]+$/i.test(privateEndpointId)) {
    throw new Error(`'${privateEndpointId}' is not a private endpoint resource id.`);
  }
  const pe = rec(await armRequest(azure, 'GET', privateEndpointId, { apiVersion: '2023-09-01', signal, operation: 'read private endpoint' }));
  const p = rec(pe.properties);
  return {
    id: str(pe.id) ?? privateEndpointId,
    records: arr(p.customDnsConfigs).map(rec).map((c) => ({
      fqdn: (str(c.fqdn) ?? '').toLowerCase(),
      ipAddresses: arr(c.ipAddresses).map(str).filter((x): x is string => !!x),
    })).filter((c) => c.fqdn),
  };
}
