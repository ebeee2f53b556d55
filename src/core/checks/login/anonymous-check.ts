// A logged-out pull: with no credential at all (no docker login, no Azure sign-in, none given),
// the pull works only when the registry allows anonymous pull.
import type { Check } from '../../engine/types';
import { fetchChallenge } from '../../acr/token-flow';
import { anonymousPullAllowed } from './anonymous';
import { targetOperation } from '../../engine/target';
import { clientCommand } from '../../docker/client-tool';
import { LOGIN, NET_CHALLENGE } from './check-ids';
import { acrNet, repositoryOf } from './token-requests';
import { msg } from '../../text/message';

export const anonymousCheck: Check = {
  id: LOGIN.anonymous,
  area: 'login',
  title: 'Pull without credentials',
  needs: [LOGIN.storedCredential, NET_CHALLENGE],
  timeoutMs: 5000,
  applies: (_t, env) => !env.azure && !env.credentials,
  async run(ctx) {
    const stored = ctx.data(LOGIN.storedCredential);
    if (stored?.works) return { status: 'pass', message: msg('{tool} has a working stored credential; no anonymous pull needed.', { tool: clientCommand(ctx.env) }) };
    const repo = repositoryOf(ctx);
    if (!repo) return { status: 'info', message: msg('No credential at all: name a repository to test an anonymous pull.') };
    const net = acrNet(ctx);
    const ch = await fetchChallenge(net);
    if (!ch.ok) return { status: 'warn', message: msg('Could not test an anonymous pull: {reason}.', { reason: ch.reason }) };
    const allowed = await anonymousPullAllowed(net, ch.tokenUrl, repo);
    if (allowed) return { status: 'pass', message: msg('The registry allows anonymous pull of {repo}.', { repo }), evidence: { anonymousPull: true } };
    const op = targetOperation(ctx.env);
    return {
      status: op === 'login' ? 'info' : 'fail', causeId: 'credentials.anonymous-pull-disabled', evidence: { anonymousPull: false, repository: repo },
      message: msg('No credential is available (no {tool} login, no Azure sign-in) and {loginServer} does not allow anonymous pull: {tool} says "unauthorized: authentication required". Log in first.', { tool: clientCommand(ctx.env), loginServer: ctx.target.loginServer }),
    };
  },
};
