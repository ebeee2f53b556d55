// The fix behind `podman logout <login server>` (action id 'podman.logout'), done on the files
// podman reads rather than the one `podman logout` writes: containers/image takes a registry's
// login from the first auth file that has one, so a login left in ~/.config/containers/auth.json
// outlives `podman logout` (which edits only REGISTRY_AUTH_FILE or ${XDG_RUNTIME_DIR}'s file).
// Every entry of the host (also "host/namespace" keys) is dropped from each containers auth file;
// every other field stays. Docker's config.json, podman's last fallback, is docker's to change:
// a login there is reported, not touched.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ClientHostEnv } from '../engine/environment';
import { authKeyHost } from '../docker/config';
import { dropHostAuths, writeAuthFile } from '../docker/auth-entries';
import { podmanAuthFiles } from './auth-file';

export interface PodmanLogoutResult {
  /** file → the keys removed from it. */
  removed: { file: string; key: string }[];
  /** Docker's config.json still holds a login for the host, which podman falls back to. */
  dockerFallback?: string;
  /** A file that could not be read, parsed or written (left as it was). */
  problems: string[];
}

const MAX_BYTES = 4 * 1024 * 1024;

type EditOutcome = { keys: string[] } | { problem: string };

/** Removes the host's `auths` entries from one JSON auth file, keeping the rest; a missing file has none. */
async function removeFromFile(file: string, host: string): Promise<EditOutcome> {
  let text: string;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { problem: `${file} is not a file` };
    if (st.size > MAX_BYTES) return { problem: `${file} is ${st.size} bytes, far larger than an auth file` };
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { keys: [] } : { problem: `${file} cannot be read (${code ?? 'error'})` };
  }
  let json: unknown;
  try { json = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { return { problem: `${file} is not valid JSON; it was left as it was` }; }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { problem: `${file} is not a JSON object; it was left as it was` };
  const keys = dropHostAuths(json, host);
  if (!keys.length) return { keys: [] };
  try {
    await writeAuthFile(file, json);
  } catch (e) {
    return { problem: `${file} cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return { keys };
}

/** The containers auth files the logout edits (Docker's config.json is not one of them). */
export function podmanLogoutFiles(h: ClientHostEnv | undefined, dockerConfigDir: string): string[] {
  const dockerFile = path.join(dockerConfigDir, 'config.json');
  return podmanAuthFiles(h, dockerConfigDir).filter((f) => f !== dockerFile);
}

/** Logs podman out of `host` in every containers auth file it reads (the files of `podmanAuthFiles`). */
export async function podmanLogout(host: string, h: ClientHostEnv | undefined, dockerConfigDir: string): Promise<PodmanLogoutResult> {
  const login = host.toLowerCase();
  const dockerFile = path.join(dockerConfigDir, 'config.json');
  const result: PodmanLogoutResult = { removed: [], problems: [] };
  for (const file of podmanLogoutFiles(h, dockerConfigDir)) {
    const r = await removeFromFile(file, login);
    if ('problem' in r) result.problems.push(r.problem);
    else for (const key of r.keys) result.removed.push({ file, key });
  }
  try {
    const docker = JSON.parse((await fs.readFile(dockerFile, 'utf8')).replace(/^\uFEFF/, '')) as { auths?: Record<string, unknown> };
    if (docker.auths && typeof docker.auths === 'object' && Object.keys(docker.auths).some((k) => authKeyHost(k) === login)) result.dockerFallback = dockerFile;
  } catch { /* no docker config, or not one podman could read either */ }
  return result;
}
