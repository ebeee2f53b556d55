// Which container client a run diagnoses: the one the user chose (--client, acrDoctor.client), else
// the one on PATH (docker first, as the seed assumes; then podman; then containerd's nerdctl/ctr).
// Decided before the run, because it decides which checks take part.
import type { ClientTool, DiagnoseEnvironment } from '../engine/environment';
import { findExecutableSync } from './executable-on-path';

export { CLIENT_TOOLS, parseClientTool } from '../engine/client-choice';

const cache = new WeakMap<DiagnoseEnvironment, ClientTool>();

/** The client of this run (memoised per environment: `applies` asks it once per check). */
export function clientTool(env: DiagnoseEnvironment): ClientTool {
  if (env.client) return env.client;
  let t = cache.get(env);
  if (!t) {
    const onPath = (n: string) => !!findExecutableSync(n, { pathEnv: env.searchPath ?? process.env.PATH });
    t = onPath('docker') ? 'docker' : onPath('podman') ? 'podman' : onPath('nerdctl') || onPath('ctr') ? 'containerd' : 'docker';
    cache.set(env, t);
  }
  return t;
}

export const usesDocker = (env: DiagnoseEnvironment): boolean => clientTool(env) === 'docker';
export const usesPodman = (env: DiagnoseEnvironment): boolean => clientTool(env) === 'podman';
export const usesContainerd = (env: DiagnoseEnvironment): boolean => clientTool(env) === 'containerd';

/**
 * The command the user types to log in with this run's client: containerd's is nerdctl, since ctr
 * keeps no logins (nerdctl stores them in Docker's config.json, which the login checks read).
 */
export function clientCommand(env: DiagnoseEnvironment): 'docker' | 'podman' | 'nerdctl' {
  const t = clientTool(env);
  return t === 'containerd' ? 'nerdctl' : t;
}

/**
 * Fix params naming this run's client, so a cause offers that client's own logout and login
 * (docker logout, nerdctl logout, podman logout) and not another's.
 */
export function clientFixParams(env: DiagnoseEnvironment): Record<string, string> {
  const c = clientCommand(env);
  if (c === 'docker') return { clientDocker: c };
  return c === 'podman' ? { clientPodman: c, clientTokenLogin: c } : { clientNerdctl: c, clientTokenLogin: c };
}
