// containerd as the client (ctr, nerdctl, the kubelet through CRI): the command is there, and
// containerd answers on its socket. ctr resolves and fetches in its own process (the shell's
// proxy), the daemon's own pulls (CRI) with the daemon's, which the network checks then test
// (../../engine/client-proxy.ts); nerdctl keeps logins in Docker's config.json, which
// login.docker.config reads.
import type { Check, CheckOutcome } from '../../engine/types';
import { containerdConfigFor, containerdProcesses, hostOf, readHostsToml, readTomlFile, registryConfigPath, resolveTarget, systemdProxy } from '../../containerd/config';
import { proxyEvidence } from './podman';
import { findOnPath } from '../../docker/cli';
import { usesContainerd } from '../../docker/client-tool';
import { containerdVersion, DEFAULT_CONTAINERD_ADDRESS } from '../../containerd/ctr';
import { containerdDaemonProxy } from '../../containerd/daemon-proxy';
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
    const proxy = proxyEvidence(ctx.env.proxy.httpsProxy);
    const daemon = ctx.env.clientProxy?.tool === 'containerd' ? ctx.env.clientProxy : undefined;
    if (v.state === 'failed') {
      return {
        status: 'fail', causeId: 'client.containerd-unreachable', evidence: { address, client: v.client, permission: v.permission || undefined },
        message: msg('containerd does not answer at {address}: {error}', { address, error: v.message }),
      };
    }
    if (daemon) {
      const shell = proxyEvidence(daemon.shell.httpsProxy);
      return {
        status: 'pass', evidence: { address, client: v.client, server: v.server, daemonProxy: proxy ?? '(none)', daemonNoProxy: ctx.env.proxy.noProxy, proxyFrom: daemon.from, shellProxy: shell ?? '(none)' },
        message: msg("containerd {version} answers at {address}; its own pulls (the kubelet's) go through the proxy {proxy} that {from} sets, which the network checks test (ctr and nerdctl fetch with the shell's: {shell}).", { version: v.server, address, proxy: proxy ?? 'none', from: daemon.from, shell: shell ?? 'none' }),
      };
    }
    return {
      status: 'pass', evidence: { address, client: v.client, server: v.server, proxy: proxy ?? '(none)' },
      message: msg("containerd {version} answers at {address}; ctr pulls with the shell's proxy ({proxy}).", { version: v.server, address, proxy: proxy ?? 'none' }),
    };
  },
};

/**
 * containerd's registry host configuration for the registry (CRI's config_path → hosts.toml) and
 * the daemon's own proxy (its process environment, else containerd.service's systemd drop-ins):
 * what the kubelet's pulls go through. A hosts.toml that resolves the registry on another host, or
 * whose entry for it lacks "pull" / "resolve", is the cause.
 */
export const containerdHostsCheck: Check = {
  id: LOGIN.containerdHosts,
  area: 'login',
  title: 'containerd registry hosts (hosts.toml) and proxy',
  needs: [],
  timeoutMs: 2000,
  applies: (_t, env) => usesContainerd(env),
  async run(ctx): Promise<CheckOutcome> {
    const login = ctx.target.loginServer;
    const address = ctx.env.clientHost?.containerdAddress ?? DEFAULT_CONTAINERD_ADDRESS;
    const procs = containerdProcesses();
    const { file: configFile } = containerdConfigFor(address, procs);
    const config = readTomlFile(configFile);
    const daemonProxy = containerdDaemonProxy(address, { processes: () => procs, unit: () => systemdProxy() });
    const base = {
      config: `${configFile} (${config.state})`, pid: daemonProxy.pid,
      daemonHttpsProxy: proxyEvidence(daemonProxy.settings.httpsProxy) ?? '(none)', daemonNoProxy: daemonProxy.settings.noProxy,
      proxyFrom: daemonProxy.from,
    };
    if (config.problemText) return { status: 'fail', causeId: 'client.containerd-hosts-redirected', evidence: base, fixParams: { containerdFile: configFile }, message: config.problemText };
    const { dirs, fromConfig } = registryConfigPath(config.table);
    const hosts = readHostsToml(dirs, login);
    const evidence = { ...base, configPath: dirs.join(':') + (fromConfig ? '' : ' (default)') };
    if (!hosts) {
      return { status: 'pass', evidence, message: msg('containerd has no hosts.toml for {login} under {dirs}: it pulls from {login} itself (daemon proxy: {proxy}).', { login, dirs: dirs.join(':'), proxy: base.daemonHttpsProxy }) };
    }
    const fixParams = { containerdFile: hosts.file };
    if (hosts.problemText) return { status: 'fail', causeId: 'client.containerd-hosts-redirected', evidence: { ...evidence, hostsToml: hosts.file }, fixParams, message: hosts.problemText };
    const t = resolveTarget(hosts, login);
    const ev = { ...evidence, hostsToml: hosts.file, server: hosts.server, hosts: hosts.hosts.map((h) => `${h.url} [${h.capabilities.join(', ')}]${h.skipVerify ? ' skip_verify' : ''}${h.ca.length ? ` ca=${h.ca.join(',')}` : ''}`), resolvesAt: t.resolveHost };
    if (t.resolveHost !== login.toLowerCase()) {
      return { status: 'fail', causeId: 'client.containerd-hosts-redirected', evidence: ev, fixParams, message: msg('{file} sends {login} to {host}: containerd resolves and pulls the image there, not at the registry.', { file: hosts.file, login, host: t.resolveHost }) };
    }
    const own = hosts.hosts.find((h) => hostOf(h.url) === login.toLowerCase());
    if (own && (!own.capabilities.includes('pull') || !own.capabilities.includes('resolve'))) {
      return { status: 'fail', causeId: 'client.containerd-hosts-redirected', evidence: ev, fixParams, message: msg('{file} gives {url} the capabilities {caps}: without "pull" and "resolve" containerd does not pull from it.', { file: hosts.file, url: own.url, caps: own.capabilities.join(', ') || 'none' }) };
    }
    return { status: 'pass', evidence: ev, message: msg('{file} resolves {login} at the registry itself.', { file: hosts.file, login }) };
  },
};
