// podman's containers.conf (containers-containers.conf(5)): where podman itself gets its proxy.
// podman sets every `[engine] env = ["HTTPS_PROXY=…"]` entry in its own environment at start, so
// those override the shell's for its pulls and logins; `[containers] http_proxy` only says whether
// the proxy variables are passed into containers (evidence, not podman's own path). Files: the
// CONTAINERS_CONF file alone when set, else /usr/share/containers, /etc/containers and (not root)
// the user's containers.conf, each followed by its containers.conf.d drop-ins; CONTAINERS_CONF_OVERRIDE last.
import * as path from 'node:path';
import type { ClientHostEnv, ProxySettings } from '../engine/environment';
import type { Message } from '../text/message';
import { tomlPath, tomlStrings } from '../text/toml';
import { dropInFiles, readConfFile, type ConfFile } from './config-files';

export interface PodmanProxy {
  /** Every file looked at, in the order podman reads them. */
  files: { file: string; state: ConfFile['state'] }[];
  /** The files that could not be used, with why. */
  problems: { file: string; text: Message }[];
  /** The proxy variables [engine] env sets, the file that set them last. */
  engine: ProxySettings & { file?: string };
  /** [containers] http_proxy (default true). */
  httpProxyToContainers: boolean;
  /** The proxy podman's pulls use: the shell's, overridden by [engine] env. */
  effective: ProxySettings;
}

const PROXY_VARS: Record<string, keyof ProxySettings> = {
  https_proxy: 'httpsProxy', http_proxy: 'httpProxy', no_proxy: 'noProxy',
};

export function containersConfFiles(h: ClientHostEnv | undefined, isRoot: boolean): string[] {
  const withDropIns = (file: string) => [file, ...dropInFiles(`${file}.d`)];
  const override = h?.containersConfOverride ? [h.containersConfOverride] : [];
  if (h?.containersConf) return [h.containersConf, ...override];
  const files = [...withDropIns('/usr/share/containers/containers.conf'), ...withDropIns('/etc/containers/containers.conf')];
  const configHome = h?.xdgConfigHome ?? (h?.home ? path.join(h.home, '.config') : undefined);
  if (!isRoot && configHome) files.push(...withDropIns(path.join(configHome, 'containers', 'containers.conf')));
  return [...files, ...override];
}

/** What podman's containers.conf files make of the shell's proxy. */
export function podmanProxy(h: ClientHostEnv | undefined, shell: ProxySettings, isRoot = process.getuid?.() === 0): PodmanProxy {
  const out: PodmanProxy = { files: [], problems: [], engine: {}, httpProxyToContainers: true, effective: { ...shell } };
  for (const file of containersConfFiles(h, isRoot)) {
    const f = readConfFile(file, 'containers.conf');
    out.files.push({ file, state: f.state });
    if (f.problemText) out.problems.push({ file, text: f.problemText });
    if (!f.table) continue;
    const env = tomlPath(f.table, 'engine', 'env');
    if (env !== undefined) {
      // A later file's env replaces an earlier one's (containers/common's merge of string arrays).
      out.engine = {};
      for (const entry of tomlStrings(env)) {
        const eq = entry.indexOf('=');
        const key = PROXY_VARS[entry.slice(0, eq).trim().toLowerCase()];
        if (eq > 0 && key) { out.engine[key] = entry.slice(eq + 1).trim(); out.engine.file = file; }
      }
    }
    const toContainers = tomlPath(f.table, 'containers', 'http_proxy');
    if (typeof toContainers === 'boolean') out.httpProxyToContainers = toContainers;
  }
  const { file: _file, ...engine } = out.engine;
  out.effective = { ...shell, ...engine };
  return out;
}
