// Reload the registries tree (or one node: a subscription, or the node an error row belongs to).
import type { Ctx } from '../context';
import type { TreeElement } from '../tree/elements';
import { registryServices } from '../tree/registry-services';

export const refreshRegistries = (ctx: Ctx) => (node?: TreeElement): void => {
  // A full refresh asks the quick checks again too.
  if (!node) registryServices(ctx).glance.clear();
  registryServices(ctx).model.refresh(node && typeof node === 'object' && 'kind' in node ? node : undefined);
};
