// Adapter from the tree's RegistryLister to core's listRegistries (src/core/azure): one Azure
// Resource Graph query across the tenant's subscriptions, falling back to registries.list() per
// subscription.
import { listRegistries } from '../../core/azure/list-registries';
import type { RegistryLister } from './registry-lister';

export const coreRegistryLister: RegistryLister = async (req) => {
  const result = await listRegistries(req.access, { subscriptionIds: req.subscriptionIds, signal: req.signal });
  return {
    registries: result.registries,
    failures: result.failures,
    source: result.source,
    note: result.graphError ? `Resource Graph: ${result.graphError.kind} ${result.graphError.message}` : undefined,
  };
};
