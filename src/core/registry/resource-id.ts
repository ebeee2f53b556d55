// ARM resource ids (/subscriptions/<sub>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>…),
// read in one place so every reader agrees on what a malformed id yields: undefined parts, never a throw.

export interface ResourceIdParts {
  subscriptionId?: string;
  resourceGroup?: string;
  /** The provider namespace of the last `providers/` segment (Microsoft.ContainerRegistry). */
  provider?: string;
  /** The resource's name: the id's last segment. */
  name?: string;
}

/** The parts of an ARM id (any text: parts it lacks are undefined). */
export function parseResourceId(id: string | undefined): ResourceIdParts {
  const s = id ?? '';
  const subscriptionId = /\/subscriptions\/([^/]+)/i.exec(s)?.[1];
  const resourceGroup = /\/resourceGroups\/([^/]+)/i.exec(s)?.[1];
  const providers = s.split(/\/providers\//i);
  const provider = providers.length > 1 ? providers[providers.length - 1].split('/')[0] || undefined : undefined;
  const name = s.split('/').filter(Boolean).pop();
  return { subscriptionId, resourceGroup, provider, name };
}

/** The subscription of an ARM id (`/subscriptions/<id>/...`), as written. */
export function subscriptionOfResource(id: string | undefined): string | undefined {
  return parseResourceId(id).subscriptionId;
}

/** The resource group of an ARM id, as written. */
export function resourceGroupOfResource(id: string | undefined): string | undefined {
  return parseResourceId(id).resourceGroup;
}

/**
 * A registry-like id with exactly provider, type and name after the resource group
 * (/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/name).
 */
export function parseTopLevelResourceId(id: string | undefined): { subscriptionId: string; resourceGroup: string; provider: string; type: string; name: string } | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i.exec(id ?? '');
  return m ? { subscriptionId: m[1], resourceGroup: m[2], provider: m[3], type: m[4], name: m[5] } : undefined;
}
