// Can each puller reach a network-restricted registry at all (public access off, selected networks, trusted services)?
import type { Check } from '../../engine/types';
import { pullersWanted } from './applies';
import { PULLERS } from './ids';
import { reportProblems } from './report';
import { msg } from '../../text/message';

export const pullersNetworkCheck: Check = {
  id: PULLERS.network,
  area: 'network',
  title: 'Services can reach the registry through its network rules',
  needs: [PULLERS.list],
  timeoutMs: 1000,
  applies: (_t, env) => pullersWanted(env),
  run: async (ctx) => reportProblems(ctx, ['pullers.service-outside-network', 'pullers.trusted-services-needed'], (who) => msg('The network rules of the registry let these services through: {who}.', { who })),
};
