// The proxy the client itself uses, decided before the run because the network checks' graph
// depends on it: podman takes [engine] env from containers.conf over the shell's variables; docker
// (its daemon is checked apart) and ctr use the shell's.
import type { DiagnoseEnvironment } from './environment';
import { usesPodman } from '../docker/client-tool';
import { podmanProxy } from '../podman/containers-conf';

export function withClientProxy(env: DiagnoseEnvironment): DiagnoseEnvironment {
  if (env.clientProxy || !usesPodman(env)) return env;
  const source = podmanProxy(env.clientHost, env.proxy);
  return { ...env, proxy: source.effective, clientProxy: { tool: 'podman', source, shell: env.proxy } };
}

/** The containers.conf that set podman's HTTPS proxy, when one did. */
export function podmanProxyFile(env: DiagnoseEnvironment): string | undefined {
  const e = env.clientProxy?.source.engine;
  return e?.httpsProxy !== undefined || e?.noProxy !== undefined ? e.file : undefined;
}
