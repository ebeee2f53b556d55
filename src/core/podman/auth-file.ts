// podman's credential files, in containers-auth.json(5)'s order; the format is Docker's, so each
// is read with Docker's parser. containers/image takes a registry's login from the first file that
// has one, and `podman login` writes to the first of the list.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ClientHostEnv } from '../engine/environment';
import { parseDockerConfig, problemFields, type DockerConfig } from '../docker/config';
import { msg } from '../text/message';

const MAX_BYTES = 4 * 1024 * 1024;

/** The files podman reads, first the one it writes. */
export function podmanAuthFiles(h: ClientHostEnv | undefined, dockerConfigDir: string, uid: number | undefined = process.getuid?.()): string[] {
  const out: string[] = [];
  if (h?.registryAuthFile) out.push(h.registryAuthFile);
  else if (h?.xdgRuntimeDir) out.push(path.join(h.xdgRuntimeDir, 'containers', 'auth.json'));
  else if (uid === 0) out.push('/run/containers/0/auth.json');
  const configHome = h?.xdgConfigHome ?? (h?.home ? path.join(h.home, '.config') : undefined);
  if (configHome) out.push(path.join(configHome, 'containers', 'auth.json'));
  out.push(path.join(dockerConfigDir, 'config.json'));
  return [...new Set(out)];
}

/** One file, parsed; problems worded for podman (its files are fixed with podman login, not docker login). */
export async function readAuthFile(file: string): Promise<DockerConfig> {
  const dir = path.dirname(file);
  const base: DockerConfig = { dir, file, state: 'missing', auths: new Map(), credHelpers: {}, warnings: [] };
  let text: string;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return { ...base, state: 'unreadable', ...problemFields(msg('{file} is a directory, not podman\'s auth file.', { file })) };
    if (st.size > MAX_BYTES) return { ...base, state: 'malformed', ...problemFields(msg('{file} is {size} bytes, far larger than an auth file; check what wrote it.', { file, size: st.size })) };
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ...base, ...problemFields(msg('{file} does not exist.', { file })) };
    return { ...base, state: 'unreadable', ...problemFields(msg('{file} cannot be read ({code}); check its permissions.', { file, code: code ?? 'error' })) };
  }
  const cfg = parseDockerConfig(text, dir, file);
  if (cfg.state === 'malformed') {
    const where = /\(([^)]*)\)/.exec(cfg.problem ?? '')?.[1] ?? 'not JSON';
    return { ...cfg, ...problemFields(msg('{file} is not valid JSON ({reason}); podman fails with "unmarshaling JSON". Fix or remove the file, then run podman login again.', { file, reason: where })) };
  }
  return cfg;
}

export interface PodmanAuth {
  /** The file holding this registry's login, else the file podman would write to. */
  config: DockerConfig;
  /** Every file looked at, with its state. */
  looked: { file: string; state: DockerConfig['state'] }[];
}

/** The auth file podman would use for `host`: a broken file on the way stops podman too. */
export async function podmanAuthFor(host: string, h: ClientHostEnv | undefined, dockerConfigDir: string): Promise<PodmanAuth> {
  const files = podmanAuthFiles(h, dockerConfigDir);
  const looked: PodmanAuth['looked'] = [];
  let first: DockerConfig | undefined;
  for (const f of files) {
    // containers/image reads auths and credHelpers from these files, never credsStore.
    const cfg = { ...(await readAuthFile(f)), credsStore: undefined };
    looked.push({ file: f, state: cfg.state });
    first ??= cfg;
    // containers/image stops at a file it cannot parse.
    if (cfg.state === 'malformed' || cfg.state === 'unreadable') return { config: cfg, looked };
    const h2 = host.toLowerCase();
    if (cfg.auths.has(h2) || cfg.credHelpers[h2]) return { config: cfg, looked };
  }
  return { config: first!, looked };
}
