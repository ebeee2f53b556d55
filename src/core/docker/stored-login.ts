// The credential `docker login` (or nerdctl login, same file) stored for a registry, found the way
// docker finds it (credHelpers → credsStore → auths) and returned for a listing that runs as the
// client's login; podman's is found in its own files (../podman/stored-login.ts).
// A missing, failing or hanging helper is `undefined` with its reason, never an exception.
import { credentialSourceFor, readDockerConfig, type DockerConfig } from './config';
import { runCredentialHelper } from './credential-helper';
import { renderMessage } from '../text/message';

export type StoredLogin =
  | { kind: 'password'; username: string; password: string }
  /** An identity token (az acr login's refresh token): exchanged directly for an access token. */
  | { kind: 'refresh'; refreshToken: string };

export interface StoredLoginResult {
  login?: StoredLogin;
  /** Why there is none: no entry, an unreadable config, a helper that failed. */
  reason?: string;
}

export async function dockerStoredLogin(
  dockerConfigDir: string, loginServer: string,
  opts: StoredLoginOptions = {},
): Promise<StoredLoginResult> {
  return storedLoginIn(await readDockerConfig(dockerConfigDir), loginServer, opts);
}

export interface StoredLoginOptions {
  pathEnv?: string; signal?: AbortSignal; timeoutMs?: number;
  /** The client whose login this is, for the reasons (docker; nerdctl shares Docker's file; podman). */
  tool?: string;
}

/** The login one parsed config file (Docker's config.json, podman's auth.json) holds for the registry. */
export async function storedLoginIn(cfg: DockerConfig, loginServer: string, opts: StoredLoginOptions = {}): Promise<StoredLoginResult> {
  const tool = opts.tool ?? 'docker';
  if (cfg.state === 'unreadable' || cfg.state === 'malformed') return { reason: `${cfg.file} is ${cfg.state}` };
  const src = credentialSourceFor(cfg, loginServer);
  let username: string | undefined;
  let secret: string | undefined;
  let identityToken = false;
  if (src.kind === 'none') return { reason: `${tool} has no stored login for ${loginServer}` };
  if (src.kind === 'helper') {
    const r = await runCredentialHelper(src.helper, loginServer, { pathEnv: opts.pathEnv, timeoutMs: opts.timeoutMs ?? 4000, signal: opts.signal });
    if (r.state === 'not-found') return { reason: `docker-credential-${src.helper} holds no login for ${loginServer}` };
    if (r.state !== 'found') return { reason: renderMessage(r.message) };
    ({ username, secret, identityToken } = r);
  } else {
    ({ username, secret, identityToken } = src.entry);
    if (src.entry.problem) return { reason: src.entry.problem };
  }
  if (!secret) return { reason: `the stored login for ${loginServer} holds no secret` };
  if (identityToken) return { login: { kind: 'refresh', refreshToken: secret } };
  return { login: { kind: 'password', username: username ?? '', password: secret } };
}
