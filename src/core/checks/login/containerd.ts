// containerd as the client (ctr, nerdctl, the kubelet through CRI): the command is there, and
// containerd answers on its socket. ctr resolves and fetches in its own process (the shell's
// proxy); nerdctl keeps logins in Docker's config.json, which login.docker.config reads.
import type { Check } from '../../engine/types';
import { findOnPath } from '../../docker/cli';
import { usesContainerd } from '../../docker/client-tool';
import { containerdVersion, DEFAULT_CONTAINERD_ADDRESS } from '../../containerd/ctr';
import { LOGIN } from './check-ids';
import { msg } from '../../text/message';

export const containerdCliCheck: Check<string> = {
  id: LOGIN.containerdCli,
  area: 'login',
  title: 'ctr or nerdctl installed',
  needs: [],
  timeoutMs: 2000,
  applies: (_t, env) => usesContainerd(env),
  async run(ctx) {
    const pathEnv = ctx.env.searchPath ?? process.env.PATH;
    const [ctr, nerdctl] = await Promise.all([findOnPath('ctr', pathEnv), findOnPath('nerdctl', pathEnv)]);
    if (!ctr) {
      return {
        status: 'fail', causeId: 'client.tool-not-found', fixParams: { toolContainerd: 'containerd' },
        evidence: { searched: (pathEnv ?? '').split(':').filter(Boolean).slice(0, 20), nerdctl },
        message: msg("The ctr command (containerd's client) is not on PATH: containerd cannot be asked from here."),
      };
    }
    return { status: 'pass', data: ctr, evidence: { ctr, nerdctl }, message: msg('ctr found at {path}.', { path: ctr }) };
  },
};

export const containerdDaemonCheck: Check = {
  id: LOGIN.containerdDaemon,
  area: 'login',
  title: 'containerd reachable',
  needs: [LOGIN.containerdCli],
  timeoutMs: 4000,
  applies: (_t, env) => usesContainerd(env),
  async run(ctx) {
    const ctr = ctx.data(LOGIN.containerdCli)!;
    const address = ctx.env.clientHost?.containerdAddress ?? DEFAULT_CONTAINERD_ADDRESS;
    const v = await containerdVersion(ctr, address, { timeoutMs: 3500, signal: ctx.signal });
    const proxy = ctx.env.proxy.httpsProxy ? ctx.env.proxy.httpsProxy.replace(/\/\/[^@/]*@/, '//***@') : undefined;
    if (v.state === 'failed') {
      return {
        status: 'fail', causeId: 'client.containerd-unreachable', evidence: { address, client: v.client, permission: v.permission || undefined },
        message: msg('containerd does not answer at {address}: {error}', { address, error: v.message }),
      };
    }
    return {
      status: 'pass', evidence: { address, client: v.client, server: v.server, proxy: proxy ?? '(none)' },
      message: msg("containerd {version} answers at {address}; ctr pulls with the shell's proxy ({proxy}).", { version: v.server, address, proxy: proxy ?? 'none' }),
    };
  },
};
