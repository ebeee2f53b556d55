// An App Service app integrated with a VNet that still pulls its image over the public network.
import type { Check } from '../../engine/types';
import { pullersWanted } from './applies';
import { PULLERS } from './ids';
import { reportProblems } from './report';
import { msg } from '../../text/message';

export const pullersVnetImagePullCheck: Check = {
  id: PULLERS.vnetImagePull,
  area: 'network',
  title: 'App Service apps pull their image over their virtual network',
  needs: [PULLERS.list],
  timeoutMs: 1000,
  applies: (_t, env) => pullersWanted(env),
  run: async (ctx) => reportProblems(ctx, ['pullers.vnet-image-pull-off'], (who) => msg('No App Service app pulls over the public network around its VNet: {who}.', { who })),
};
