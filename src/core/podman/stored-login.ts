// The login podman would send for a registry (its auth.json files in containers-auth.json(5)'s
// order, never Docker's credsStore), for a listing that runs as the client's stored login.
import type { ClientHostEnv, DiagnoseEnvironment } from '../engine/environment';
import { clientCommand } from '../docker/client-tool';
import { dockerStoredLogin, storedLoginIn, type StoredLoginOptions, type StoredLoginResult } from '../docker/stored-login';
import { podmanAuthFor } from './auth-file';

export async function podmanStoredLogin(
  dockerConfigDir: string, loginServer: string, clientHost: ClientHostEnv | undefined,
  opts: Omit<StoredLoginOptions, 'tool'> = {},
): Promise<StoredLoginResult> {
  const { config } = await podmanAuthFor(loginServer, clientHost, dockerConfigDir);
  return storedLoginIn(config, loginServer, { ...opts, tool: 'podman' });
}

/** The stored login of this run's client: podman's files for podman, Docker's config.json for docker and nerdctl. */
export function clientStoredLogin(env: DiagnoseEnvironment, loginServer: string, opts: Omit<StoredLoginOptions, 'tool'> = {}): Promise<StoredLoginResult> {
  const tool = clientCommand(env);
  return tool === 'podman'
    ? podmanStoredLogin(env.dockerConfigDir, loginServer, env.clientHost, opts)
    : dockerStoredLogin(env.dockerConfigDir, loginServer, { ...opts, tool });
}
