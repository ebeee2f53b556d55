// "Load more…" under a registry's repositories or a repository's tags: the next page.
import type { Ctx } from '../context';
import { registryServices } from '../tree/registry-services';
import type { LoadMoreElement } from '../tree/elements';

export const loadMore = (ctx: Ctx) => async (el?: LoadMoreElement): Promise<void> => {
  if (!el || el.kind !== 'loadMore') return;
  await registryServices(ctx).model.loadMore(el);
};
