// Does the identity each puller pulls with exist, and may it pull (its role assignments, groups, ABAC)?
import type { Check } from '../../engine/types';
import { pullersWanted } from './applies';
import { PULLERS } from './ids';
import { reportProblems } from './report';
import { msg } from '../../text/message';

export const pullersIdentityCheck: Check = {
  id: PULLERS.identity,
  area: 'login',
  title: 'Services pull with an identity that may pull',
  needs: [PULLERS.list],
  timeoutMs: 1000,
  applies: (_t, env) => pullersWanted(env),
  run: async (ctx) => reportProblems(ctx, ['pullers.identity-unresolved', 'pullers.identity-missing-acrpull', 'authz.role-propagation-pending'], (who) => msg('The identities of these services may pull, or were not judged: {who}.', { who })),
};
