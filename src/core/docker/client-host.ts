// Where the client runs, as far as it changes the diagnosis: WSL (Docker Desktop's integration
// puts `docker` into the distribution), Azure Cloud Shell (no daemon by design), rootless Docker
// (its socket under $XDG_RUNTIME_DIR). Read from files and the user's environment, never guessed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ClientHostEnv } from '../engine/environment';

/** The WSL distribution this runs in, or undefined: WSL_DISTRO_NAME, else the kernel's version string. */
export async function wslDistribution(h: ClientHostEnv | undefined, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  if (h?.wslDistro) return h.wslDistro;
  if (platform !== 'linux' && !h?.procVersionFile) return undefined;
  try {
    const v = (await fs.readFile(h?.procVersionFile ?? '/proc/version', 'utf8')).slice(0, 1000);
    return /microsoft|wsl/i.test(v) ? 'WSL' : undefined;
  } catch { return undefined; }
}

export function inCloudShell(h: ClientHostEnv | undefined): boolean {
  return !!h?.cloudShell?.trim();
}

/** Rootless Docker's socket ($XDG_RUNTIME_DIR/docker.sock) when one is there. */
export async function rootlessSocket(h: ClientHostEnv | undefined): Promise<string | undefined> {
  if (!h?.xdgRuntimeDir || !path.isAbsolute(h.xdgRuntimeDir)) return undefined;
  const sock = path.join(h.xdgRuntimeDir, 'docker.sock');
  try { return (await fs.stat(sock)).isSocket() ? sock : undefined; } catch { return undefined; }
}

/** A unix socket path outside the default /var/run/docker.sock (rootless, Docker Desktop, colima...). */
export function isNonDefaultSocket(host: string): boolean {
  return host.startsWith('unix://') && !/^unix:\/\/(\/var)?\/run\/docker\.sock$/.test(host);
}
