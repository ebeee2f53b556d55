// The daemon does the pulling, with its own proxy (Engine API /info: HttpsProxy, NoProxy),
// not the shell's HTTPS_PROXY. The seed: behind an HTTPS proxy, configure both.
import type { Check, CheckOutcome } from '../../engine/types';
import { daemonInfo, daemonInfoKey, openDaemon, proxyFromInfo, DaemonError } from '../../docker/daemon';
import { sharedWork } from '../../engine/context';
import { proxyFor, connectTunnel } from '../../net/proxy';
import { resolveHost } from '../../net/dns';
import { connectToProxy } from '../../net/proxy-connection';
import { NetError } from '../../net/errors';
import { NET } from './ids';
import { usesDocker } from '../../docker/client-tool';
import { errorEvidence } from './outcome';
import { msg } from '../../text/message';

export const daemonProxyCheck: Check = {
  id: NET.daemonProxy, area: 'network', title: 'The Docker daemon uses a proxy that reaches the registry',
  needs: [], after: [NET.proxy, NET.tcp], timeoutMs: 3000,
  // podman and ctr pull in the client's own process, with the shell's proxy: no daemon to compare.
  applies: (_t, env) => usesDocker(env),
  async run(ctx): Promise<CheckOutcome> {
    const login = ctx.target.loginServer;
    let daemon;
    try {
      // The login checks' version check reads the same /info (whichever asks first opens it).
      const { dockerHost, dockerConfigDir } = ctx.env;
      daemon = proxyFromInfo(await sharedWork(ctx, daemonInfoKey(dockerHost, dockerConfigDir), async (signal) => daemonInfo(await openDaemon(dockerHost, dockerConfigDir), signal)));
    } catch (e) {
      const why = e instanceof DaemonError ? e.kind : 'error';
      return { status: 'info', message: msg('the Docker daemon could not be asked for its proxy ({why}); the Docker checks say why', { why }), evidence: { daemon: why } };
    }
    let client, dproxy;
    try { client = proxyFor(login, 443, ctx.env.proxy); } catch { client = undefined; }
    try { dproxy = proxyFor(login, 443, { httpsProxy: daemon.httpsProxy, noProxy: daemon.noProxy }); } catch { dproxy = undefined; }
    const evidence = { clientProxy: client?.display ?? '(none)', daemonProxy: dproxy?.display ?? '(none)', daemonNoProxy: daemon.noProxy ?? '' };
    const fixParams: Record<string, string> = {};
    if (client) fixParams.proxy = client.display;
    if (ctx.env.proxy.noProxy) fixParams.noProxy = ctx.env.proxy.noProxy;
    if (client && !dproxy) {
      const direct = ctx.data(NET.tcp);
      if (direct && !direct.reachable) {
        return { status: 'fail', causeId: 'network.daemon-proxy-missing', evidence: { ...evidence, direct: 'blocked' }, fixParams,
          message: msg('the shell uses {display} but the Docker daemon has no proxy, and {login} is not reachable without it: docker login/pull will time out', { display: client.display, login }) };
      }
      return { status: 'warn', causeId: 'network.daemon-proxy-missing', evidence, fixParams,
        message: (direct ? msg('the shell uses {display} but the Docker daemon has no proxy (direct access works from here)', { display: client.display }) : msg('the shell uses {display} but the Docker daemon has no proxy (direct access works from here as far as known)', { display: client.display })) };
    }
    if (dproxy && (!client || client.display !== dproxy.display)) {
      // Does the daemon's own proxy work? Ask it the way the daemon would.
      try {
        const r = await resolveHost(dproxy.host, ctx.env.resolve, ctx.signal);
        const tcp = await connectToProxy(dproxy, r.addresses[0], ctx.signal, ctx.env.extraCaPem);
        try { await connectTunnel(tcp.socket, login, 443, dproxy, ctx.signal); } finally { tcp.socket.destroy(); }
      } catch (e) {
        if (!(e instanceof NetError) || e.kind === 'aborted') throw e;
        return { status: 'fail', causeId: 'network.client-proxy-broken', evidence: { ...evidence, ...errorEvidence(e) }, fixParams: { proxy: dproxy.display },
          message: msg('the Docker daemon\'s proxy {display} does not reach {login}: {message}', { display: dproxy.display, login, message: e.message }) };
      }
      if (client) {
        return { status: 'warn', causeId: 'network.daemon-proxy-missing', evidence, fixParams,
          message: msg('the Docker daemon uses {daemon}, the shell {shell}; both work now, but they differ', { daemon: dproxy.display, shell: client.display }) };
      }
      return { status: 'pass', message: msg('the Docker daemon uses {display}, which reaches {login}', { display: dproxy.display, login }), evidence };
    }
    return { status: 'pass', message: client ? msg('the daemon and the shell both use {display}', { display: client.display }) : msg('neither the shell nor the daemon uses a proxy for the registry'), evidence };
  },
};
