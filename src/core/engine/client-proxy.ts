// The proxy the client itself uses, decided before the run because the network checks' graph
// depends on it: podman takes [engine] env from containers.conf over the shell's variables;
// containerd's own pulls (the kubelet's, CRI) take the daemon's environment or its systemd drop-in,
// so when the daemon has one the network checks test that; docker (its daemon is checked apart) and
// ctr / nerdctl on a daemon without one use the shell's.
import type { DiagnoseEnvironment } from './environment';
import { usesContainerd, usesPodman } from '../docker/client-tool';
import { podmanProxy } from '../podman/containers-conf';
import { containerdDaemonProxy, type DaemonProxySources } from '../containerd/daemon-proxy';
import { DEFAULT_CONTAINERD_ADDRESS } from '../containerd/ctr';

export function withClientProxy(env: DiagnoseEnvironment, containerd?: DaemonProxySources): DiagnoseEnvironment {
  if (env.clientProxy) return env;
  if (usesPodman(env)) {
    const source = podmanProxy(env.clientHost, env.proxy);
    return { ...env, proxy: source.effective, clientProxy: { tool: 'podman', source, shell: env.proxy } };
  }
  if (usesContainerd(env)) {
    const d = containerdDaemonProxy(env.clientHost?.containerdAddress ?? DEFAULT_CONTAINERD_ADDRESS, containerd);
    if (!d.from) return env;
    return { ...env, proxy: d.settings, clientProxy: { tool: 'containerd', from: d.from, pid: d.pid, shell: env.proxy } };
  }
  return env;
}

/** The containers.conf that set podman's HTTPS proxy, when one did. */
export function podmanProxyFile(env: DiagnoseEnvironment): string | undefined {
  const e = env.clientProxy?.tool === 'podman' ? env.clientProxy.source.engine : undefined;
  return e?.httpsProxy !== undefined || e?.noProxy !== undefined ? e.file : undefined;
}
