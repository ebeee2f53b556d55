// Adapter from the tree's RegistryLister to core's registry listing.
// PROVISIONAL until src/core/azure's listRegistries (Resource Graph + fallback) lands: lists per
// subscription with the real SDK client, in parallel, so the tree works end to end meanwhile.
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { summaryFromArm, type RegistrySummary } from '../../core/registry/summary';
import type { RegistryLister } from './registryLister';

export const coreRegistryLister: RegistryLister = async (req) => {
  const registries: RegistrySummary[] = [];
  const failures: { subscriptionId: string; error: unknown }[] = [];
  await Promise.all(req.subscriptionIds.map(async (subscriptionId) => {
    try {
      const client = new ContainerRegistryManagementClient(req.credential, subscriptionId, {
        endpoint: req.armEndpoint,
        credentials: { scopes: [req.armScope] },
      });
      for await (const r of client.registries.list({ abortSignal: req.signal })) {
        const summary = summaryFromArm(r);
        if (summary) registries.push({ ...summary, subscriptionId: summary.subscriptionId ?? subscriptionId.toLowerCase() });
      }
    } catch (error) {
      req.signal.throwIfAborted();
      failures.push({ subscriptionId, error });
    }
  }));
  return { registries, failures };
};
