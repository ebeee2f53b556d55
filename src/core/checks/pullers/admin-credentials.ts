// A puller that still uses the admin user's name and password after the admin user was disabled.
import type { Check } from '../../engine/types';
import { pullersWanted } from './applies';
import { PULLERS } from './ids';
import { reportProblems } from './report';
import { msg } from '../../text/message';

export const pullersAdminCheck: Check = {
  id: PULLERS.adminCredentials,
  area: 'login',
  title: 'Services do not rely on a disabled admin user',
  needs: [PULLERS.list],
  timeoutMs: 1000,
  applies: (_t, env) => pullersWanted(env),
  run: async (ctx) => reportProblems(ctx, ['pullers.admin-user-disabled'], (who) => msg('No service pulls with a disabled admin user: {who}.', { who })),
};
