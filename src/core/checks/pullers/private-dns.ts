// A puller in a virtual network the registry's private DNS zone is not linked to (the login server resolves to its public address there).
import type { Check } from '../../engine/types';
import { pullersWanted } from './applies';
import { PULLERS } from './ids';
import { reportProblems } from './report';
import { msg } from '../../text/message';

export const pullersPrivateDnsCheck: Check = {
  id: PULLERS.privateDns,
  area: 'network',
  title: 'The private DNS zone is linked to the networks of the services',
  needs: [PULLERS.list],
  timeoutMs: 1000,
  applies: (_t, env) => pullersWanted(env),
  run: async (ctx) => reportProblems(ctx, ['pullers.private-dns-not-linked'], (who) => msg('The private DNS zone is linked to the networks of these services, or none is needed: {who}.', { who })),
};
