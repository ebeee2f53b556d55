// Are the registry's own pullers connected and their tokens usable: a connected registry online,
// its sync and client tokens (and a token stored as a service's user name) enabled and present?
import type { Check } from '../../engine/types';
import { pullersWanted } from './applies';
import { PULLERS } from './ids';
import { reportProblems } from './report';
import { msg } from '../../text/message';

export const pullersTokensCheck: Check = {
  id: PULLERS.tokens,
  area: 'login',
  title: 'Connected registries are online and pull with enabled tokens',
  needs: [PULLERS.list],
  timeoutMs: 1000,
  applies: (_t, env) => pullersWanted(env),
  run: async (ctx) => reportProblems(ctx, ['pullers.connected-registry-offline', 'pullers.token-disabled'], (who) => msg('No puller of the registry is offline, and none signs in with a disabled token ({who}).', { who })),
};
